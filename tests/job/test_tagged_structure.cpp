// The tags of a fixture's final report as a screen reader in Firefox
// follows them, read by pdf.js (tests/pdf/struct_tree.mjs): the table of
// contents as TOC/TOCI with a Link per entry holding its annotation, no
// footnote inside a heading, a table's caption its Caption, the total row's
// label a row header, and the same number of cells in every row of a table.
// Poppler's reading of the same is checked in test_archival.cpp, which
// runs pdfinfo -struct-text on every fixture PDF already.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "command.hpp"
#include "document/build.hpp"
#include "ingest/dataset_loader.hpp"
#include "layout/layout.hpp"
#include "pdf/font_library.hpp"
#include "pdf/writer.hpp"
#include "transform/transform.hpp"

namespace {

struct Node {
    std::string line;  // role, "annotation" or quoted text
    std::vector<std::unique_ptr<Node>> children;
    bool is(const std::string& role) const { return line == role; }
    std::string text() const {
        std::string out = line.size() >= 2 && line.front() == '"' ? line.substr(1, line.size() - 2) : "";
        for (const auto& c : children) out += c->text();
        return out;
    }
    bool contains(const std::string& role) const {
        for (const auto& c : children)
            if (c->is(role) || c->contains(role)) return true;
        return false;
    }
    template <class F>
    void each(F&& f) const {
        f(*this);
        for (const auto& c : children) c->each(f);
    }
};

// The outline of struct_tree.mjs as a tree: one root per page.
Node parse_outline(const std::string& outline) {
    Node root;
    std::vector<std::pair<std::size_t, Node*>> open;
    std::istringstream in(outline);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("page ", 0) == 0) {
            root.children.push_back(std::make_unique<Node>());
            root.children.back()->line = line;
            open = {{0, root.children.back().get()}};
            continue;
        }
        const std::size_t indent = line.find_first_not_of(' ') + 1;  // under the page
        while (!open.empty() && open.back().first >= indent) open.pop_back();
        if (open.empty()) continue;
        auto node = std::make_unique<Node>();
        node->line = line.substr(indent - 1);
        Node* raw = node.get();
        open.back().second->children.push_back(std::move(node));
        open.emplace_back(indent, raw);
    }
    return root;
}

// The final report alone, laid out and written as the job does (its other
// documents and companions are not needed here).
const std::string& final_report() {
    static const std::string path = [] {
        core::Diagnostics diagnostics;
        const auto dataset =
            ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/halvering-2002-2003", diagnostics);
        REQUIRE(dataset);
        const auto report = transform::aggregate(*dataset);
        const auto documents = doc::build_documents(report, std::string(FUEL_SOURCE_DIR) + "/templates", diagnostics);
        const auto it = std::find_if(documents.begin(), documents.end(),
                                     [](const doc::BuiltDocument& d) { return d.name == "slutrapport"; });
        REQUIRE(it != documents.end());
        const auto files = pdf::FontFiles::liberation();
        const layout::Hyphenator hyphenator(layout::kSwedishHyphenationPatterns);
        const auto paged =
            layout::lay_out(it->document, pdf::FontLibrary::load(files), diagnostics, layout::Style{}, &hyphenator);
        const std::string out = scratch_dir("tagged-structure") + "/slutrapport.pdf";
        pdf::write_file(paged, files, out);
        return out;
    }();
    return path;
}

}  // namespace

TEST_CASE("tags: the final report as pdf.js reads it") {
    // Pages 1-4: the table of contents and the report's two captioned
    // tables with their total rows (reading all 30 pages takes pdf.js ten
    // times as long).
    const auto r = run_command("node " + quote(std::string(FUEL_SOURCE_DIR) + "/tests/pdf/struct_tree.mjs") + " " +
                               quote(final_report()) + " 1 4 2>&1");
    INFO(r.output.substr(0, 2000));
    REQUIRE(r.status == 0);
    const Node pages = parse_outline(r.output);
    REQUIRE(pages.children.size() == 4);

    int entries = 0, captions = 0, row_headers = 0, tables = 0;
    for (const auto& page : pages.children) {
        for (const auto& top : page->children) {
            // Annotations hang under their Link, never under the document.
            for (const auto& kid : top->children) CHECK_FALSE(kid->is("annotation"));
        }
        page->each([&](const Node& n) {
            if (n.is("TOCI")) {
                ++entries;
                REQUIRE(n.children.size() == 1);
                CHECK(n.children[0]->is("Link"));
                CHECK(n.children[0]->contains("annotation"));
                CHECK_FALSE(n.children[0]->text().empty());
            }
            if (n.line.size() == 2 && n.line[0] == 'H' && n.line[1] >= '1' && n.line[1] <= '6') {
                INFO("heading " << n.text());
                CHECK_FALSE(n.contains("Note"));
            }
            if (n.is("Table")) {
                ++tables;
                if (!n.children.empty() && n.children[0]->is("Caption")) ++captions;
                std::size_t cells = 0;
                for (const auto& row : n.children) {
                    if (!row->is("TR")) continue;
                    INFO("row " << row->text());
                    if (cells == 0) cells = row->children.size();
                    CHECK(row->children.size() == cells);
                    if (!row->children.empty() && row->children[0]->is("TH") &&
                        row->children[0]->text().rfind("Total", 0) == 0)
                        ++row_headers;
                }
            }
        });
    }
    CHECK(entries >= 10);
    CHECK(tables == 2);
    CHECK(captions == 2);
    CHECK(row_headers >= 1);
}
