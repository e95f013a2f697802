// The HTML writer: structure (headings, lists, tables with header scopes,
// captions, links), escaping, and the golden HTML of the fixture.
#include <catch2/catch.hpp>

#include "fixture_documents.hpp"
#include "html/writer.hpp"
#include "support/golden.hpp"

namespace {

doc::Text text(std::string s, bool bold = false, std::string link = "") {
    return doc::Text{std::move(s), {bold, false}, std::move(link)};
}

doc::Block paragraph(doc::Inlines content) { return {doc::Paragraph{std::move(content), doc::Align::Left}}; }

doc::TableRow row(std::vector<std::string> cells, bool bold = false) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back({c.empty() ? doc::Inlines{} : doc::Inlines{text(c, bold)}});
    return r;
}

doc::Table amounts_table() {
    doc::Table t;
    t.columns = {{doc::Align::Left}, {doc::Align::Right}};
    t.head = {row({"Stadsdelsförvaltning", "Summa (kr)"})};
    t.body = {row({"Farsta", "500\u00A0000"})};
    t.foot = {row({"Totalt", "500\u00A0000"}, true)};
    return t;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("html: headings keep their level, number and anchor") {
    doc::Heading h{3, "2.1.1", "sec-bakgrund", {text("Bakgrund")}};
    CHECK(html::render_blocks({{h}}) ==
          "<h3 id=\"sec-bakgrund\"><span class=\"heading-number\">2.1.1</span> Bakgrund</h3>\n");
}

TEST_CASE("html: an ordered list keeps its first number, and a tight item has no paragraph") {
    doc::List list{true, 3, {{paragraph({text("tre")})}, {paragraph({text("fyra")})}}};
    CHECK(html::render_blocks({{list}}) == "<ol start=\"3\">\n<li>tre</li>\n<li>fyra</li>\n</ol>\n");
    doc::List bullets{false, 1, {{paragraph({text("a")}), paragraph({text("b")})}}};
    CHECK(html::render_blocks({{bullets}}) == "<ul>\n<li>\n<p>a</p>\n<p>b</p>\n</li>\n</ul>\n");
}

TEST_CASE("html: a table has column headers, a row header in the total row, amounts right-aligned") {
    const auto html = html::render_blocks({{amounts_table()}});
    CHECK(contains(html,
                   "<thead>\n<tr><th scope=\"col\">Stadsdelsförvaltning</th><th scope=\"col\" class=\"number\">Summa "
                   "(kr)</th></tr>\n</thead>"));
    // One-word values of up to twelve characters never break at a hyphen.
    CHECK(contains(
        html,
        "<tbody>\n<tr><td class=\"nowrap\">Farsta</td><td class=\"number nowrap\">500\u00A0000</td></tr>\n</tbody>"));
    CHECK(contains(html,
                   "<tfoot>\n<tr><th scope=\"row\" class=\"nowrap\"><strong>Totalt</strong></th><td class=\"number "
                   "nowrap\"><strong>500\u00A0000</strong></td></tr>\n</tfoot>"));
    CHECK_FALSE(contains(html, "<caption>"));
}

TEST_CASE("html: a bold paragraph directly above a table becomes its caption") {
    const doc::Blocks blocks{paragraph({text("Lokala utvecklingsmedel (LUM) 2025", true)}), {amounts_table()}};
    const auto html = html::render_blocks(blocks);
    CHECK(contains(html, "<table>\n<caption><strong>Lokala utvecklingsmedel (LUM) 2025</strong></caption>\n<thead>"));
    CHECK_FALSE(contains(html, "<p>"));
    // Not above a table: an ordinary paragraph.
    CHECK(html::render_blocks({paragraph({text("Fet", true)})}) == "<p><strong>Fet</strong></p>\n");
}

TEST_CASE("html: text and attributes are escaped, and only safe link targets are followed") {
    doc::Document d;
    d.meta.title = "Projekt <A> & \"B\"";
    d.body = {paragraph({text("<script>alert('x')</script> & co"), text("se ", false, "#sec-a"),
                         text("bilagan", true, "#sec-a"), text(" eller ", false),
                         text("klicka", false, "javascript:alert(1)")})};
    const auto html = html::render(d);
    CHECK(contains(html, "<title>Projekt &lt;A&gt; &amp; &quot;B&quot;</title>"));
    CHECK(contains(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    CHECK(contains(html, "<a href=\"#sec-a\">se <strong>bilagan</strong></a> eller klicka"));
    CHECK_FALSE(contains(html, "javascript"));
    CHECK_FALSE(contains(html, "<script"));
}

TEST_CASE("html: the page is Swedish, titled, with the letterhead as its banner") {
    doc::Document d;
    d.meta.title = "Titel";
    doc::Letterhead l;
    l.organisation = {"Socialförvaltningen", "Avdelningen"};
    l.document_type = "Tjänsteutlåtande";
    l.left_heading = {"Handläggare"};
    l.left_lines = {"Susanna Nytell"};
    d.body = {{l}, {doc::Heading{1, "", "sec-titel", {text("Titel")}}}};
    const auto html = html::render(d);
    CHECK(contains(html, "<html lang=\"sv\">"));
    CHECK(contains(html, "<body>\n<header class=\"letterhead\">"));
    CHECK(contains(html, "<dl>\n<dt>Handläggare</dt>\n<dd>Susanna Nytell</dd>\n</dl>"));
    CHECK(contains(html, "</header>\n<main>\n<h1 id=\"sec-titel\">Titel</h1>\n</main>"));
}

TEST_CASE("golden: html of lum-mul-2025") {
    const auto& documents = html_test::fixture_documents();
    REQUIRE(documents.size() == 3);
    for (const auto& d : documents)
        test_support::check_golden("html/lum-mul-2025/" + d.name + ".html", html::render(d.document));
}

TEST_CASE("golden: html of the fuelstockholm-2005 application, its budget appendix and decision document") {
    const auto& documents = html_test::application_documents();
    REQUIRE(documents.size() == 3);
    for (const auto& d : documents)
        test_support::check_golden("html/fuelstockholm-2005/" + d.name + ".html", html::render(d.document));
}

TEST_CASE("html: footnotes are superscript links to a list of notes at the end, with links back") {
    doc::Document document;
    document.meta.title = "T";
    document.body = {paragraph({text("Ord"), doc::Footnote{"1", {text("Första noten.")}, false}, text(" och mer"),
                                doc::Footnote{"1", {}, true}})};
    const auto html = html::render(document);
    CHECK(contains(html, "Ord<sup><a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\""));
    CHECK(contains(html, " och mer<sup><a href=\"#fn-1\" role=\"doc-noteref\""));  // a second reference has no id
    CHECK(contains(html, "<section class=\"footnotes\" role=\"doc-endnotes\""));
    CHECK(contains(html, "<li id=\"fn-1\" value=\"1\"><p>Första noten. <a href=\"#fnref-1\" role=\"doc-backlink\""));
    // The list closes the main content, once.
    CHECK(html.find("role=\"doc-endnotes\"") == html.rfind("role=\"doc-endnotes\""));
    CHECK(html.find("</section>\n</main>") != std::string::npos);
    CHECK(html::render_notes({paragraph({text("Ingen not")})}).empty());
}

TEST_CASE("html: a long document is written in pieces that join to the whole file, every block in order") {
    doc::Document d;
    d.meta.title = "Prov";
    d.meta.language = "sv-SE";
    constexpr int kParagraphs = 40000;  // about 2 MB of HTML
    for (int i = 0; i < kParagraphs; ++i)
        d.body.push_back({doc::Paragraph{{doc::Text{"Stycke " + std::to_string(i) + " av en lång bilaga.", {}, ""}}}});
    const auto pieces = html::render_pieces(d);
    REQUIRE(pieces.size() > 1);
    std::string joined;
    for (const auto& piece : pieces) joined += piece;
    CHECK(joined == html::render(d));
    // The body as the single-buffer path writes it, whole, inside <main>.
    const std::string main = "<main>\n" + html::render_blocks(d.body) + "</main>\n";
    CHECK(joined.find(main) != std::string::npos);
    CHECK(joined.size() - joined.find(main) - main.size() == std::string("</body>\n</html>\n").size());
}
