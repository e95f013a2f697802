// Tagged PDF, read back by tools we did not write (poppler's pdfinfo
// -struct-text, qpdf, PDFBox Preflight) and by our own check of the content
// streams (content_streams.hpp).
#include <catch2/catch.hpp>

#include <regex>

#include "content_streams.hpp"
#include "core/diagnostics.hpp"
#include "external_tools.hpp"
#include "layout/layout.hpp"
#include "pdf/writer.hpp"
#include "preflight.hpp"
#include "sample_documents.hpp"

using layout::FontId;
using layout::Role;

namespace {

std::string written(const std::string& name, const layout::PagedDocument& document, bool compress) {
    pdf::WriteOptions options;
    options.compress = compress;  // uncompressed, as a test reads it
    const std::string path = pdf_test::scratch_path(name);
    pdf_test::write_bytes(path, pdf::render(document, pdf::FontFiles::liberation(), options));
    return path;
}

std::string struct_text(const std::string& path) {
    const auto result = pdf_test::run_tool("pdfinfo -struct-text", {path});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result.out;
}

doc::TableRow row(std::vector<std::string> cells) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back(doc::TableCell{doc::Inlines{doc::Text{std::move(c), {}, {}}}});
    return r;
}

// A heading and a 60-row table, laid out by the layout stage with the real
// fonts: the table runs over two pages and repeats its head.
layout::PagedDocument long_table() {
    doc::Document d;
    d.meta.title = "Lång tabell";
    d.meta.date = "2025-01-31";
    d.page.running_header = {doc::Text{"Tjänsteutlåtande", {}, {}}};
    d.page.page_mark = {doc::Text{"Sida ", {}, {}}, doc::PageNumber{}};
    d.body.push_back(doc::Block{doc::Heading{1, "", "", {doc::Text{"Beviljade medel", {}, {}}}}});
    doc::Table t;
    t.head = {row({"Förvaltning", "Summa (kr)"})};
    for (int i = 1; i <= 60; ++i) t.body.push_back(row({"Rad " + std::to_string(i), std::to_string(i * 1000)}));
    t.foot = {row({"Summa", "1 830 000"})};
    d.body.push_back(doc::Block{t});
    core::Diagnostics diagnostics;
    return layout::lay_out(d, pdf_test::liberation(), diagnostics);
}

// A chart as the chart nodes will give it: a Figure with its alternative
// text, bars and a label, and a footnote.
layout::PagedDocument figure_and_note() {
    layout::PagedDocument document;
    document.meta.title = "Diagram";
    document.meta.date = "2025-01-31";
    document.structure = {{Role::Document, -1, {}, {}},
                          {Role::Figure, 0, {}, "Stapeldiagram: beviljade medel; högst Rinkeby 3 836 tkr"},
                          {Role::Note, 0, {}, {}}};
    layout::Page page;
    page.items.push_back({layout::Fill{72, 100, 40, 120, 0.4}, false, 1});
    page.items.push_back({layout::Rule{70, 220, 300, 220, 0.5}, false, 1});
    page.items.push_back(pdf_test::text(72, 235, FontId::SansRegular, 8, "Rinkeby"));
    page.items.back().structure = 1;
    page.items.push_back(pdf_test::text(72, 700, FontId::SerifRegular, 9, "1 Källa: ansökningarna."));
    page.items.back().structure = 2;
    document.pages.push_back(page);
    return document;
}

// A paragraph with a footnote, laid out by the layout stage: the note at
// the foot of the page under its rule, the mark a link to it.
layout::PagedDocument paragraph_with_note() {
    doc::Document d;
    d.meta.title = "Fotnot";
    d.meta.date = "2025-01-31";
    d.body.push_back(doc::Block{doc::Paragraph{
        {doc::Text{"Projektet prövar ASI-metoden", {}, {}},
         doc::Footnote{"1", {doc::Text{"Addiction Severity Index, från missbruksvården.", {}, {}}}, false},
         doc::Text{" i försörjningsstödet.", {}, {}}},
        doc::Align::Left}});
    core::Diagnostics diagnostics;
    return layout::lay_out(d, pdf_test::liberation(), diagnostics);
}

void require_all_marked(const std::string& path) {
    const auto summary = content_check::check(path, path + ".qdf");
    INFO(path);
    for (const auto& finding : summary.outside) UNSCOPED_INFO("page " << finding.page << ": " << finding.op);
    CHECK(summary.outside.empty());
    CHECK(summary.balanced);
    CHECK(summary.text_operators > 0);
    CHECK(summary.tagged_sequences > 0);
}

}  // namespace

TEST_CASE("tagging: pdfinfo reads the structure tree in reading order", "[pdf][tagging]") {
    const std::string path = written("tagged-report.pdf", pdf_test::two_page_report(), false);
    // The links sit inside their paragraph, the page marks are absent
    // (artifacts), and headings on page 2 follow the paragraph on page 1.
    // pdfinfo lists each link's annotation (its OBJR) as "Object n 0".
    const std::string tree = struct_text(path);
    CHECK(pdf_test::count(tree, "Object ") == 2);
    const std::string without_objects = std::regex_replace(tree, std::regex(" +Object [0-9]+ 0\n"), "");
    CHECK(without_objects ==
          "Document\n"
          "  H1 (block)\n"
          "    \"1 Ärenden\"\n"
          "  P (block)\n"
          "    \"Stadsdelsförvaltningarna – årsredovisning ÅÄÖ åäö Belopp: 1\u00A0234\u00A0567 kr \"\n"
          "    Link (inline)\n"
          "      \"Se avsnitt 2 – Beslut\"\n"
          "    Link (inline)\n"
          "      \"https://www.example.se/fond\"\n"
          "  H1 (block)\n"
          "    \"2 Beslut\"\n"
          "  H2 (block)\n"
          "    \"2.1 Östermalms ansökan\"\n"
          "  P (block)\n"
          "    \"Nämnden beslutar att bevilja medel.\"\n");
    const auto info = pdf_test::run_tool("pdfinfo", {path});
    CHECK_THAT(info.out, Catch::Contains("Tagged:          yes"));
}

TEST_CASE("tagging: every text and paint operator is in tagged content or an artifact", "[pdf][tagging]") {
    require_all_marked(written("marked-report.pdf", pdf_test::two_page_report(), false));
    require_all_marked(written("marked-table.pdf", long_table(), false));
    const std::string figure = written("marked-figure.pdf", figure_and_note(), false);
    require_all_marked(figure);
    const auto summary = content_check::check(figure, figure + ".qdf");
    CHECK(summary.paint_operators == 2);  // the bar and the axis, both in the Figure
    CHECK(summary.artifact_sequences == 0);
}

TEST_CASE("tagging: the checker finds text outside marked content", "[pdf][tagging]") {
    // The checker must be able to fail: a bare Tj and a stroke outside, a Tj
    // inside an /Artifact and one inside tagged content.
    content_check::Summary summary;
    content_check::detail::scan(
        "BT (a) Tj /P <</MCID 0>> BDC <0041> Tj EMC /Artifact BMC [(b) 2 (c)] TJ EMC ET "
        "0 0 m 1 1 l S",
        1, summary);
    REQUIRE(summary.outside.size() == 2);
    CHECK(summary.outside[0].op == "Tj");
    CHECK(summary.outside[1].op == "S");
    CHECK(summary.text_operators == 3);
    CHECK(summary.tagged_sequences == 1);
    CHECK(summary.artifact_sequences == 1);
}

TEST_CASE("tagging: a table over two pages is one Table with its head once", "[pdf][tagging]") {
    const auto paged = long_table();
    REQUIRE(paged.pages.size() == 2);
    const std::string tree = struct_text(written("long-table.pdf", paged, false));
    CHECK(pdf_test::count(tree, "Table (block)") == 1);
    CHECK(pdf_test::count(tree, "    TR") == 62);          // head, 60 rows, total
    CHECK(pdf_test::count(tree, "\"Förvaltning\"") == 1);  // the repeated head is an artifact
    CHECK(pdf_test::count(tree, "/Scope /Column") == 2);
    // The rows read in order across the page break.
    const auto r30 = tree.find("\"Rad 30\"");
    const auto r31 = tree.find("\"Rad 31\"");
    const auto r60 = tree.find("\"Rad 60\"");
    CHECK(r30 < r31);
    CHECK(r31 < r60);
    CHECK(r60 < tree.find("\"Summa\""));
    CHECK(tree.find("Tjänsteutlåtande") == std::string::npos);  // the running header is an artifact
}

TEST_CASE("tagging: a figure carries its alternative text and a note its own element", "[pdf][tagging]") {
    const std::string path = written("figure.pdf", figure_and_note(), false);
    const std::string tree = struct_text(path);
    CHECK_THAT(tree, Catch::Contains("Figure"));
    CHECK_THAT(tree, Catch::Contains("Note"));
    const std::string raw = pdf_test::read_text(path);
    CHECK_THAT(raw, Catch::Contains("/S /Figure"));
    CHECK_THAT(raw, Catch::Contains("/Alt <FEFF"));  // UTF-16BE text string
    CHECK_THAT(raw, Catch::Contains("/MarkInfo <<\n/Marked true"));
}

TEST_CASE("tagging: a footnote is a Note in its paragraph, its rule an artifact", "[pdf][tagging]") {
    const std::string path = written("footnote.pdf", paragraph_with_note(), false);
    require_all_marked(path);
    const std::string tree = std::regex_replace(struct_text(path), std::regex(" +Object [0-9]+ 0\n"), "");
    CHECK(tree ==
          "Document\n"
          "  P (block)\n"
          "    \"Projektet prövar ASI-metoden\"\n"
          "    Link (inline)\n"
          "      \"1\"\n"
          "    \" i försörjningsstödet.\"\n"
          "    Note (inline)\n"
          "      Link (inline)\n"
          "        \"1\"\n"
          "      \" Addiction Severity Index, från missbruksvården.\"\n");
    const auto summary = content_check::check(path, path + ".qdf");
    CHECK(summary.artifact_sequences == 1);  // the rule above the note
}

TEST_CASE("tagging: links are Link elements with their annotation", "[pdf][tagging]") {
    const std::string raw = pdf_test::read_text(written("links.pdf", pdf_test::two_page_report(), false));
    CHECK(pdf_test::count(raw, "/Type /OBJR") == 2);
    CHECK(pdf_test::count(raw, "/StructParent ") == 2);
    CHECK(pdf_test::count(raw, "/StructParents ") == 2);
    CHECK(pdf_test::count(raw, "/Tabs /S") == 1);
}

TEST_CASE("tagging: tagged documents stay valid PDF/A-1b and pass qpdf", "[pdf][tagging]") {
    std::vector<std::string> files = {written("valid-report.pdf", pdf_test::two_page_report(), true),
                                      written("valid-table.pdf", long_table(), true),
                                      written("valid-figure.pdf", figure_and_note(), true),
                                      written("valid-footnote.pdf", paragraph_with_note(), true)};
    for (const auto& file : files) {
        const auto check = pdf_test::run_tool("qpdf --check", {file});
        INFO(file << "\n" << check.out << check.err);
        CHECK(check.exit_code == 0);
        CHECK(check.out.find("WARNING") == std::string::npos);
    }
    const auto verdicts = preflight::validate(files, pdf_test::scratch_path("tagging-preflight"));
    for (const auto& verdict : verdicts) {
        INFO(verdict.report());
        CHECK(verdict.valid);
    }
}

// PDF/A-1 keeps PDF 1.4's implementation limits (ISO 19005-1 §6.1.12): no
// array of more than 8 191 items. A long appendix has more top-level
// elements than that, and more pages than one /Kids or /Nums array holds.
TEST_CASE("tagging: a document of 8 200 pages and paragraphs keeps every array within PDF/A-1's limit",
          "[pdf][tagging]") {
    constexpr int kPages = 8200;
    layout::PagedDocument document;
    document.meta.title = "Lång bilaga";
    document.meta.date = "2025-01-31";
    document.structure.push_back({Role::Document, -1, {}, {}});
    for (int p = 0; p < kPages; ++p) {
        document.structure.push_back({Role::P, 0, {}, {}});
        layout::Page page;
        page.items.push_back(pdf_test::text(72, 100, FontId::SerifRegular, 11, "Stycke " + std::to_string(p + 1)));
        page.items.back().structure = p + 1;
        document.pages.push_back(page);
    }
    const std::string path = written("limits.pdf", document, false);
    const std::string raw = pdf_test::read_text(path);

    // The Document's 8 200 paragraphs are in two Div groups, in page order,
    // and no array of any object has more than 8 191 items (read from
    // qpdf's JSON by tests/pdf/pdf_limits.py).
    const auto limits = pdf_test::run_tool("python3 " FUEL_SOURCE_DIR "/tests/pdf/pdf_limits.py", {path});
    INFO(limits.err);
    REQUIRE(limits.exit_code == 0);
    CHECK(limits.out == "longest 8191\ndivs 2\nparagraphs 8200\nin_order yes\n");
    // The parent tree is a root and leaves of at most 4 095 pairs; the
    // pages are grouped under /Pages nodes of at most 8 191.
    CHECK(pdf_test::count(raw, "/Limits [0 4094]") == 1);
    CHECK(pdf_test::count(raw, "/Limits [4095 8189]") == 1);
    CHECK(pdf_test::count(raw, "/Limits [8190 8199]") == 1);
    CHECK(pdf_test::count(raw, "/Count 8191") == 1);
    CHECK(pdf_test::count(raw, "/Count 9\n") == 1);
    const auto check = pdf_test::run_tool("qpdf --check", {path});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    const auto verdicts = preflight::validate({path}, pdf_test::scratch_path("limits-preflight"));
    for (const auto& verdict : verdicts) {
        INFO(verdict.report());
        CHECK(verdict.valid);
    }
}
