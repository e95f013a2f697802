// The tags of a fixture's final report as a screen reader follows them, read
// by pdf.js (Firefox's PDF reader, tests/pdf/struct_tree.mjs) and by
// poppler (pdfinfo -struct-text): the table of contents as TOC/TOCI with a
// Link per entry holding its annotation, no footnote inside a heading, a
// table's caption its Caption, the total row's label a row header, and the
// same number of cells in every row of a table.
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "command.hpp"
#include "job/job.hpp"

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

const std::string& final_report() {
    static const std::string path = [] {
        const std::string dir = scratch_dir("tagged-structure");
        job::Spec spec;
        spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures/halvering-2002-2003";
        spec.out_dir = dir;
        job::Environment env;
        env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
        REQUIRE(job::run(spec, env).exit_code() == 0);
        return dir + "/halvering-2002-2003/slutrapport.pdf";
    }();
    return path;
}

}  // namespace

TEST_CASE("tags: the final report as pdf.js and poppler read it") {
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

    // Poppler reads the same TOC.
    const auto poppler = run_command("pdfinfo -struct-text " + quote(final_report()) + " 2>&1");
    REQUIRE(poppler.status == 0);
    CHECK(poppler.output.find("\n  TOC\n    TOCI\n      Link (inline)\n") != std::string::npos);
    CHECK(poppler.output.find("Table (block)\n    Caption\n") != std::string::npos);
    // Each TOC entry's Link holds its annotation (an object reference).
    std::size_t entries_poppler = 0, with_object = 0;
    for (auto at = poppler.output.find("    TOCI\n"); at != std::string::npos;
         at = poppler.output.find("    TOCI\n", at + 1)) {
        ++entries_poppler;
        const auto next = poppler.output.find("    TOCI\n", at + 1);
        const auto object = poppler.output.find("        Object ", at);
        if (object != std::string::npos && (next == std::string::npos || object < next)) ++with_object;
    }
    CHECK(entries_poppler == static_cast<std::size_t>(entries));
    CHECK(with_object == entries_poppler);
}
