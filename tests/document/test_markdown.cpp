#include <catch2/catch.hpp>

#include "document/build.hpp"
#include "document/markdown_escape.hpp"
#include "document/markdown_to_doc.hpp"
#include "document/template.hpp"

namespace {

doc::Blocks parse(const std::string& markdown, core::Diagnostics& diagnostics) {
    return doc::markdown_to_blocks(markdown, "t.md", 1, diagnostics);
}

std::string text_of(const doc::Inlines& inlines) {
    std::string text;
    for (const auto& in : inlines)
        if (const auto* t = std::get_if<doc::Text>(&in)) text += t->text;
    return text;
}

doc::Document render(const std::string& source, const kainjow::mustache::data& data, core::Diagnostics& diagnostics) {
    const doc::Template tmpl{"t", "t.md", source};
    const auto rendered = doc::render_template(tmpl, data, diagnostics);
    doc::Document document;
    document.body = doc::markdown_to_blocks(rendered.markdown, tmpl.path, rendered.body_first_line, diagnostics);
    return document;
}

}  // namespace

TEST_CASE("document: escaped data prints literally and never changes the structure") {
    const std::vector<std::string> titles = {"Projekt *A* | del 2",
                                             "# inte en rubrik",
                                             "{{round.title}}",
                                             "<b>fet</b> & co",
                                             "C:\\mapp\\fil",
                                             "1. inte en lista",
                                             "- inte heller",
                                             "[länk](http://x)",
                                             "```",
                                             "a  \n\nb"};
    for (const auto& title : titles) {
        kainjow::mustache::data data;
        data.set("title", title);
        core::Diagnostics diagnostics;
        const auto document =
            render("Titel: *{{title}}*\n\n| A | B |\n|---|---|\n| {{title}} | x |\n", data, diagnostics);
        CAPTURE(title);
        REQUIRE(document.body.size() == 2);
        const auto* p = std::get_if<doc::Paragraph>(&document.body[0].node);
        REQUIRE(p);
        std::string expected = title;
        if (title == "a  \n\nb") expected = "a    b";  // line breaks fold to spaces
        CHECK(text_of(p->content) == "Titel: " + expected);
        const auto* t = std::get_if<doc::Table>(&document.body[1].node);
        REQUIRE(t);
        REQUIRE(t->body.size() == 1);
        REQUIRE(t->body[0].cells.size() == 2);
        CHECK(text_of(t->body[0].cells[0].content) == expected);
        CHECK(diagnostics.empty());
    }
}

TEST_CASE("document: escape and unescape are inverse") {
    const std::string text = "a*b_c|d\\e{f}g<h>&i#1.";
    CHECK(doc::unescape_markdown(doc::escape_markdown(text)) == text);
}

TEST_CASE("document: a name the data lacks is an error with the template line") {
    kainjow::mustache::data data;
    data.set("known", "x");
    core::Diagnostics diagnostics;
    render("Rad ett\n\n{{known}} och {{okänd.namn}}\n", data, diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.items()[0].where.line == 3);
    CHECK(diagnostics.items()[0].message.find("{{okänd.namn}}") != std::string::npos);
}

TEST_CASE("document: headings, lists with their start, emphasis and links") {
    core::Diagnostics diagnostics;
    const auto blocks = parse("# Titel\n\n3. tre\n4. fyra\n\n- *kursiv* och **fet** [länk](#sec-a)\n", diagnostics);
    REQUIRE(blocks.size() == 3);
    const auto& h = std::get<doc::Heading>(blocks[0].node);
    CHECK(h.level == 1);
    const auto& ordered = std::get<doc::List>(blocks[1].node);
    CHECK(ordered.ordered);
    CHECK(ordered.start == 3);
    CHECK(ordered.items.size() == 2);
    const auto& bullets = std::get<doc::List>(blocks[2].node);
    const auto& p = std::get<doc::Paragraph>(bullets.items[0][0].node);
    REQUIRE(p.content.size() == 5);
    CHECK(std::get<doc::Text>(p.content[0]).style.italic);
    CHECK(std::get<doc::Text>(p.content[2]).style.bold);
    CHECK(std::get<doc::Text>(p.content[4]).link == "#sec-a");
}

TEST_CASE("document: table alignment and a bold last row as the foot") {
    core::Diagnostics diagnostics;
    const auto blocks = parse("| A | Summa |\n|---|---:|\n| x | 1 |\n| y | 2 |\n| **Totalt** | **3** |\n", diagnostics);
    REQUIRE(blocks.size() == 1);
    const auto& t = std::get<doc::Table>(blocks[0].node);
    REQUIRE(t.columns.size() == 2);
    CHECK(t.columns[0].align == doc::Align::Left);
    CHECK(t.columns[1].align == doc::Align::Right);
    CHECK(t.head.size() == 1);
    CHECK(t.body.size() == 2);
    REQUIRE(t.foot.size() == 1);
    CHECK(text_of(t.foot[0].cells[1].content) == "3");
}

TEST_CASE("document: fenced blocks become letterhead, signatures and page breaks") {
    core::Diagnostics diagnostics;
    const auto blocks = parse(
        "```letterhead\norganisation: Socialförvaltningen\ndocument-type: Tjänsteutlåtande\nleft-heading: "
        "Handläggare\nleft: Anna\\-Lena\nright: Socialnämnden\n```\n\n```signatures\nVeronica W | Socialdirektör | "
        "Socialförvaltningen\nA \\| B | Chef\n```\n\n```pagebreak\n```\n",
        diagnostics);
    REQUIRE(blocks.size() == 3);
    const auto& head = std::get<doc::Letterhead>(blocks[0].node);
    CHECK(head.organisation == std::vector<std::string>{"Socialförvaltningen"});
    CHECK(head.document_type == "Tjänsteutlåtande");
    CHECK(head.left_lines == std::vector<std::string>{"Anna-Lena"});
    const auto& sig = std::get<doc::Signatures>(blocks[1].node);
    REQUIRE(sig.people.size() == 2);
    CHECK(sig.people[0].lines == std::vector<std::string>{"Socialdirektör", "Socialförvaltningen"});
    CHECK(sig.people[1].name == "A | B");
    CHECK(std::holds_alternative<doc::PageBreak>(blocks[2].node));
}

TEST_CASE("document: the template lint names unknown blocks, keys and settings with their lines") {
    core::Diagnostics diagnostics;
    doc::lint_template(
        {"t", "t.md", "---\ntitle: x\ncolour: red\n---\n\n```letterhed\n```\n\n```letterhead\nfoo: bar\n```\n"},
        diagnostics);
    REQUIRE(diagnostics.error_count() == 3);
    const auto sorted = diagnostics.sorted();
    CHECK(sorted[0].where.line == 3);
    CHECK(sorted[1].where.line == 6);
    CHECK(sorted[2].where.line == 10);
}

TEST_CASE("document: page fields expand in the page mark") {
    const auto inlines = doc::expand_page_fields("Sida {sida} ({sidor})");
    REQUIRE(inlines.size() == 5);
    CHECK(std::get<doc::Text>(inlines[0]).text == "Sida ");
    CHECK(std::holds_alternative<doc::PageNumber>(inlines[1]));
    CHECK(std::get<doc::Text>(inlines[2]).text == " (");
    CHECK(std::holds_alternative<doc::PageCount>(inlines[3]));
    CHECK(std::get<doc::Text>(inlines[4]).text == ")");
}

TEST_CASE("document: text-align justify reaches every paragraph, left restores the house style") {
    core::Diagnostics diagnostics;
    auto blocks = parse("# Rubrik\n\nEtt stycke.\n\n- Punkt med stycke.\n", diagnostics);
    REQUIRE(doc::apply_text_align("justify", blocks));
    CHECK(std::get<doc::Paragraph>(blocks[1].node).align == doc::Align::Justify);
    const auto& list = std::get<doc::List>(blocks[2].node);
    CHECK(std::get<doc::Paragraph>(list.items.at(0).at(0).node).align == doc::Align::Justify);
    REQUIRE(doc::apply_text_align("left", blocks));
    CHECK(std::get<doc::Paragraph>(blocks[1].node).align == doc::Align::Left);
    CHECK_FALSE(doc::apply_text_align("center", blocks));
    CHECK(std::get<doc::Paragraph>(blocks[1].node).align == doc::Align::Left);
}

TEST_CASE("document: the lint knows the text-align setting") {
    core::Diagnostics diagnostics;
    doc::lint_template({"t", "t.md", "---\ntitle: x\ntext-align: justify\n---\n\nText.\n"}, diagnostics);
    CHECK(diagnostics.error_count() == 0);
}

TEST_CASE("document: Markdown footnotes become numbered notes at their references") {
    core::Diagnostics diagnostics;
    const auto blocks = parse(
        "Först[^b] och sedan[^a], igen[^b].\n\n"
        "| A |\n|---|\n| cell[^c] |\n\n"
        "[^a]: Not *a*.\n\n[^b]: Not b,\n    andra stycket.\n\n[^c]: Not c.\n\n[^d]: Oanvänd.\n",
        diagnostics);
    CHECK_FALSE(diagnostics.has_errors());
    REQUIRE(blocks.size() == 2);  // the definitions are no blocks of their own
    const auto& p = std::get<doc::Paragraph>(blocks[0].node).content;
    std::vector<const doc::Footnote*> notes;
    for (const auto& in : p)
        if (const auto* n = std::get_if<doc::Footnote>(&in)) notes.push_back(n);
    REQUIRE(notes.size() == 3);
    // Numbered by first reference, whatever the labels.
    CHECK(notes[0]->mark == "1");
    CHECK(text_of(notes[0]->content) == "Not b, andra stycket.");
    CHECK(notes[1]->mark == "2");
    CHECK(text_of(notes[1]->content) == "Not a.");
    CHECK_FALSE(notes[1]->repeat);
    CHECK(notes[2]->mark == "1");
    CHECK(notes[2]->repeat);
    CHECK(notes[2]->content.empty());
    const auto& cell = std::get<doc::Table>(blocks[1].node).body.at(0).cells.at(0).content;
    REQUIRE(cell.size() == 2);
    CHECK(std::get<doc::Footnote>(cell[1]).mark == "3");
    CHECK(text_of(std::get<doc::Footnote>(cell[1]).content) == "Not c.");
}
