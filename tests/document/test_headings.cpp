#include <catch2/catch.hpp>

#include "document/build.hpp"
#include "document/template.hpp"

// Heading numbers, heading attributes, cross-references and the entries of
// a table of contents, from template text to the doc tree.
namespace {

doc::Blocks body(const std::string& source, core::Diagnostics& diagnostics) {
    const doc::Template tmpl{"t", "t.md", source};
    const auto rendered = doc::render_template(tmpl, kainjow::mustache::data{}, diagnostics);
    return doc::build_body(rendered, tmpl.path, diagnostics);
}

std::vector<const doc::Heading*> headings(const doc::Blocks& blocks) {
    std::vector<const doc::Heading*> found;
    for (const auto& block : blocks)
        if (const auto* h = std::get_if<doc::Heading>(&block.node)) found.push_back(h);
    return found;
}

std::string text_of(const doc::Inlines& inlines) {
    std::string text;
    for (const auto& in : inlines)
        if (const auto* t = std::get_if<doc::Text>(&in)) text += t->text;
    return text;
}

const std::string kReport =
    "---\nnumber-headings: 2\n---\n"
    "# Från bidrag till egen försörjning\n\n"
    "## Uppdraget {-}\n\n"
    "## Medelsförbrukning\n\n"
    "### Sammanlagd medelsförbrukning\n\n"
    "## Uppföljning och resultat\n\n"
    "### Socialmedicin\n\n"
    "#### Skärholmen – Myndighetssamverkan {#skarholmen}\n\n"
    "Samordnarens kommentar: goda resultat.\n\n"
    "#### Kungsholmen – RIFF\n\n"
    "Se samordnarens kommentar under [](#skarholmen) ovan.\n";

}  // namespace

TEST_CASE("headings: numbered from the front matter's level, {-} skipped and not counted") {
    core::Diagnostics diagnostics;
    const auto blocks = body(kReport, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    const auto h = headings(blocks);
    REQUIRE(h.size() == 8);
    CHECK(h[0]->number.empty());  // level 1, above the numbered levels
    CHECK(h[1]->number.empty());  // {-}
    CHECK(text_of(h[1]->content) == "Uppdraget");
    CHECK(h[2]->number == "1");
    CHECK(h[3]->number == "1.1");
    CHECK(h[4]->number == "2");
    CHECK(h[5]->number == "2.1");
    CHECK(h[6]->number == "2.1.1");
    CHECK(h[6]->id == "skarholmen");
    CHECK(text_of(h[6]->content) == "Skärholmen – Myndighetssamverkan");
    CHECK(h[7]->number == "2.1.2");
}

TEST_CASE("headings: without number-headings nothing is numbered, a skipped level counts as 0") {
    core::Diagnostics diagnostics;
    CHECK(headings(body("# A\n\n## B\n", diagnostics))[1]->number.empty());
    const auto blocks = body("---\nnumber-headings: 2\n---\n## A\n\n#### B\n", diagnostics);
    const auto h = headings(blocks);
    CHECK(h[1]->number == "1.0.1");
    CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("headings: braces from the data are text, not attributes") {
    kainjow::mustache::data data;
    data.set("name", "Projekt {#x}");
    core::Diagnostics diagnostics;
    const doc::Template tmpl{"t", "t.md", "## {{name}}\n"};
    const auto rendered = doc::render_template(tmpl, data, diagnostics);
    const auto blocks = doc::build_body(rendered, tmpl.path, diagnostics);
    const auto h = headings(blocks);
    REQUIRE(h.size() == 1);
    CHECK(text_of(h[0]->content) == "Projekt {#x}");
    CHECK(h[0]->id != "x");
}

TEST_CASE("headings: an unknown attribute is an error on its line") {
    core::Diagnostics diagnostics;
    body("Text\n\n## Rubrik {.fet}\n", diagnostics);
    REQUIRE(diagnostics.has_errors());
    CHECK(diagnostics.items().front().where.line == 3);
    CHECK_THAT(diagnostics.items().front().message, Catch::Contains(".fet"));
}

TEST_CASE("cross-references: an empty link shows the computed number and links to the heading") {
    core::Diagnostics diagnostics;
    const auto blocks = body(kReport, diagnostics);
    const auto& last = std::get<doc::Paragraph>(blocks.back().node);
    REQUIRE(last.content.size() == 3);
    const auto& ref = std::get<doc::Text>(last.content[1]);
    CHECK(ref.text == "2.1.1");
    CHECK(ref.link == "#skarholmen");
    CHECK(text_of(last.content) == "Se samordnarens kommentar under 2.1.1 ovan.");
}

TEST_CASE("cross-references: an unknown target is an error where the link is written") {
    core::Diagnostics diagnostics;
    body("---\nnumber-headings: 2\n---\n## A\n\nSe [](#finns-inte) och [A](#inte-heller).\n", diagnostics);
    REQUIRE(diagnostics.items().size() == 2);
    for (const auto& d : diagnostics.items()) {
        CHECK(d.where.line == 6);
        CHECK(d.where.file == "t.md");
    }
    CHECK_THAT(diagnostics.items()[0].message, Catch::Contains("#finns-inte") && Catch::Contains("no heading"));
    CHECK_THAT(diagnostics.items()[1].message, Catch::Contains("#inte-heller"));
}

TEST_CASE("cross-references: a target without a number is an error") {
    core::Diagnostics diagnostics;
    body("## Bakgrund {#bakgrund}\n\nSe [](#bakgrund).\n", diagnostics);
    REQUIRE(diagnostics.has_errors());
    CHECK_THAT(diagnostics.items().front().message, Catch::Contains("without a number"));
}

TEST_CASE("contents: lists the listed headings of its levels, with numbers and ids") {
    core::Diagnostics diagnostics;
    const auto blocks = body(
        "---\nnumber-headings: 2\n---\n# Titel\n\n## Innehåll {- .unlisted}\n\n"
        "```toc\nlevels: 2-3\n```\n\n" +
            kReport.substr(kReport.find("## Uppdraget")),
        diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    const auto& toc = std::get<doc::TableOfContents>(blocks[2].node);
    CHECK(toc.min_level == 2);
    CHECK(toc.max_level == 3);
    std::vector<std::string> shown;
    for (const auto& e : toc.entries) shown.push_back(e.number + "|" + text_of(e.title) + "|" + e.id);
    CHECK(shown == std::vector<std::string>{"|Uppdraget|sec-uppdraget", "1|Medelsförbrukning|sec-medelsf-rbrukning",
                                            "1.1|Sammanlagd medelsförbrukning|sec-sammanlagd-medelsf-rbrukning",
                                            "2|Uppföljning och resultat|sec-uppf-ljning-och-resultat",
                                            "2.1|Socialmedicin|sec-socialmedicin"});
}

TEST_CASE("contents: the default levels follow number-headings, a bad range is an error") {
    core::Diagnostics diagnostics;
    const auto blocks =
        body("---\nnumber-headings: 3\n---\n```toc\n```\n\n## A\n\n### B\n\n#### C\n\n##### D\n", diagnostics);
    const auto& toc = std::get<doc::TableOfContents>(blocks[0].node);
    CHECK(toc.min_level == 3);
    CHECK(toc.max_level == 4);
    CHECK(toc.entries.size() == 2);
    CHECK_FALSE(diagnostics.has_errors());
    body("```toc\nlevels: 3-2\n```\n", diagnostics);
    CHECK(diagnostics.has_errors());
}

TEST_CASE("cross-references: ids may come from the data, as a report's projects do") {
    kainjow::mustache::data project;
    project.set("id", "LUM-03");
    kainjow::mustache::data data;
    data.set("project", project);
    core::Diagnostics diagnostics;
    const doc::Template tmpl{"t", "t.md",
                             "---\nnumber-headings: 2\n---\n## Projekt {#p-{{project.id}}}\n\n"
                             "Se under [](#p-{{project.id}}) ovan.\n"};
    const auto rendered = doc::render_template(tmpl, data, diagnostics);
    const auto blocks = doc::build_body(rendered, tmpl.path, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    CHECK(headings(blocks)[0]->id == "p-LUM-03");
    CHECK(text_of(std::get<doc::Paragraph>(blocks[1].node).content) == "Se under 1 ovan.");
}
