// A long Markdown text is parsed in parts (document/markdown_to_doc.cpp):
// the blocks, heading numbers, links and diagnostics must be those of the
// text parsed whole, wherever the parts end.
#include <catch2/catch.hpp>

#include <filesystem>
#include <limits>

#include "document/markdown_to_doc.hpp"
#include "document/template.hpp"
#include "document/view_model.hpp"
#include "ingest/dataset_loader.hpp"
#include "transform/transform.hpp"

namespace {

struct Parsed {
    std::string dump;
    std::vector<std::string> diagnostics;
    std::vector<std::string> links;
};

Parsed parse(const std::string& markdown, std::size_t part_bytes) {
    core::Diagnostics diagnostics;
    std::vector<doc::InternalLink> links;
    doc::MarkdownOptions options;
    options.number_headings_from = 1;
    options.links = &links;
    options.part_bytes = part_bytes;
    doc::Document document;
    document.body = doc::markdown_to_blocks(markdown, "t.md", 7, diagnostics, options);
    Parsed parsed{doc::dump(document), {}, {}};
    for (const auto& d : diagnostics.items()) parsed.diagnostics.push_back(core::to_string(d));
    for (const auto& l : links)
        parsed.links.push_back(l.id + "@" + std::to_string(l.where.line) + ":" + std::to_string(l.where.column));
    return parsed;
}

void same_in_parts(const std::string& markdown) {
    const auto whole = parse(markdown, std::numeric_limits<std::size_t>::max());
    for (const std::size_t part_bytes : {1, 2, 10, 40, 100}) {
        INFO("parts of " << part_bytes << " bytes");
        const auto parts = parse(markdown, part_bytes);
        CHECK(parts.dump == whole.dump);
        CHECK(parts.diagnostics == whole.diagnostics);
        CHECK(parts.links == whole.links);
    }
}

}  // namespace

TEST_CASE("markdown parts: blocks, numbers, links and diagnostics as parsed whole") {
    const std::string markdown =
        "# Ett {#ett}\n\nStycke med [länk](#tva) och [](#tre).\n\n- a\n- b\n\n"
        "# Två {#tva}\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n| **Totalt** | **3** |\n\n"
        // A cut after the empty line would fall inside the fence: the part
        // is joined with the next.
        "```\nkod\n\n# inte en rubrik\n```\n\n"
        "# Tre {#tre}\n\n    indragen kod\n\n## Fyra\n\n> citat\n\n"
        // An HTML comment spans empty lines, and is an error.
        "<!--\n\n# inne i kommentaren\n-->\n\n"
        "## Fem\n\n1. x\n2. y\n\n#utan mellanslag\n\n"
        "### Sex [saknas](#ingen)\n\n```okänd\n```\n\nSlut.\n";
    const auto whole = parse(markdown, std::numeric_limits<std::size_t>::max());
    // Two plain fences, the comment and the unknown fence, at their lines.
    CHECK(whole.diagnostics.size() == 4);
    CHECK(whole.diagnostics[2] == "t.md:35:1: error: unsupported Markdown block (html_block) in the template");
    CHECK(whole.dump.find("inne i kommentaren") == std::string::npos);
    CHECK(whole.links.size() == 3);
    same_in_parts(markdown);
}

TEST_CASE("markdown parts: a text with footnotes or link definitions is parsed whole") {
    same_in_parts("Text[^1] och [länk][l].\n\n# Rubrik\n\nMer[^1].\n\n# Sist\n\n[^1]: En not.\n\n[l]: http://x\n");
}

TEST_CASE("markdown parts: the round's templates over the fixture, cut at every heading, as parsed whole") {
    // The goldens' texts are shorter than one part; here the real
    // appendices are cut wherever a part may end.
    const std::filesystem::path source(FUEL_SOURCE_DIR);
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset((source / "fixtures/lum-mul-2025").string(), diagnostics);
    REQUIRE(dataset);
    const auto view = doc::make_view_model(transform::aggregate(*dataset));
    const auto templates = doc::load_templates((source / "templates/beslut-lum-mul").string(), diagnostics);
    REQUIRE(templates.size() == 3);
    for (const auto& tmpl : templates) {
        INFO(tmpl.name);
        const auto rendered = doc::render_template(tmpl, view, diagnostics);
        const auto whole = parse(rendered.markdown, std::numeric_limits<std::size_t>::max());
        const auto parts = parse(rendered.markdown, 1);
        CHECK(parts.dump == whole.dump);
        CHECK(parts.diagnostics == whole.diagnostics);
        CHECK(parts.links == whole.links);
    }
    CHECK(diagnostics.error_count() == 0);
}
