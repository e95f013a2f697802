// The Word twin: read back by python-docx (Debian's python3-docx), a reader
// we did not write, and compared with the document tree: the text of every
// paragraph, list item and table cell in order, the footnotes, the styles,
// the properties, the page and the headers. Plus determinism.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "docx/docx_expectations.hpp"
#include "docx/package.hpp"
#include "docx/writer.hpp"
#include "html/fixture_documents.hpp"
#include "job/build_plan.hpp"
#include "job/command.hpp"

namespace {

// Debian's interpreter: the one Debian's python3-docx is installed for.
const std::string kPython = "/usr/bin/python3";

std::string write_docx(const doc::Document& document, const std::string& name) {
    const auto path = scratch_dir("docx-" + name) + "/" + name + ".docx";
    std::ofstream(path, std::ios::binary) << docx::render(document);
    return path;
}

std::vector<std::string> read_back(const std::string& path) {
    const auto r = run_command(kPython + " " + quote(std::string(FUEL_SOURCE_DIR) + "/tests/docx/docx_read.py") + " " +
                               quote(path) + " 2>&1");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::vector<std::string> lines;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> starting(const std::vector<std::string>& lines, const std::vector<std::string>& kinds) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        for (const auto& k : kinds)
            if (l.rfind(k + "\t", 0) == 0) out.push_back(l);
    return out;
}

// The first difference, for a readable failure.
void check_same(const std::vector<std::string>& actual, const std::vector<std::string>& expected) {
    for (std::size_t i = 0; i < std::max(actual.size(), expected.size()); ++i) {
        const auto a = i < actual.size() ? actual[i] : "(nothing)";
        const auto e = i < expected.size() ? expected[i] : "(nothing)";
        if (a != e) {
            INFO("item " << i << "\n docx: " << a << "\n tree: " << e);
            CHECK(a == e);
            return;
        }
    }
    CHECK(actual.size() == expected.size());
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

const doc::Document& decision_document() { return html_test::fixture_documents().at(2).document; }

doc::Inlines text(const std::string& s) { return {doc::Text{s, {}, ""}}; }

}  // namespace

// Every document of every fixture dataset, as a build makes them: rounds,
// appendices, letters, the evaluation with its charts, the final report with
// its notes and table of contents, an application with its budget.
std::vector<doc::BuiltDocument> all_fixture_documents() {
    job::Spec spec;
    job::Environment environment;
    environment.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
    const job::RunContext context{spec, environment, {}, 1};
    std::vector<std::filesystem::path> datasets;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(FUEL_SOURCE_DIR) + "/fixtures"))
        if (std::filesystem::exists(entry.path() / "round.xml") ||
            std::filesystem::exists(entry.path() / "report.xml") ||
            std::filesystem::exists(entry.path() / "application.xml"))
            datasets.push_back(entry.path());
    std::sort(datasets.begin(), datasets.end());
    std::vector<doc::BuiltDocument> all;
    for (const auto& dataset : datasets)
        for (auto& built : job::build_document_trees(dataset.string(), context)) {
            built.name = dataset.filename().string() + "--" + built.name;
            all.push_back(std::move(built));
        }
    return all;
}

TEST_CASE("docx: every fixture document's paragraphs, list items, table cells and notes are the tree's, in order") {
    const auto documents = all_fixture_documents();
    REQUIRE(documents.size() >= 30);
    int charts = 0, notes = 0;
    for (const auto& built : documents) {
        CAPTURE(built.name);
        const auto lines = read_back(write_docx(built.document, built.name));
        const auto expected = docx_test::expected(built.document);
        check_same(starting(lines, {"p", "cell"}), expected.body);
        check_same(starting(lines, {"note"}), expected.notes);
        CHECK(has(lines, "charts\t\"" + std::to_string(expected.charts) + "\""));
        charts += expected.charts;
        notes += static_cast<int>(expected.notes.size());
    }
    // The fixtures exercise charts and footnotes.
    CHECK(charts > 0);
    CHECK(notes > 0);
}

TEST_CASE("docx: the decision document has Word's heading styles, A4 with the PDF's margins, properties and sv-SE") {
    const auto& d = decision_document();
    const auto lines = read_back(write_docx(d, "tjansteutlatande"));
    CHECK(has(lines, "property\ttitle\t" + docx_test::json(d.meta.title)));
    CHECK(has(lines, "property\tsubject\t" + docx_test::json(d.meta.subject)));
    CHECK(has(lines, "property\tauthor\t" + docx_test::json(d.meta.author)));
    CHECK(has(lines, "property\tlanguage\t\"sv-SE\""));
    CHECK(has(lines, "property\tcreated\t\"" + d.meta.date + "T00:00:00\""));
    // 595.3 x 841.9 pt (A4), 20 mm top and bottom, 25 mm left and right
    // (70.87 pt is 1417 twips, 70.85 pt), a first page of its own.
    CHECK(has(lines, "section\t595.3\t841.9\t56.7\t56.7\t70.8\t70.8\t\"True\""));
    CHECK(has(lines, "style\tHeading1\tbuiltin\t\"Heading 1\""));
    CHECK(has(lines, "style\tHeading2\tbuiltin\t\"Heading 2\""));
    CHECK(starting(lines, {"cell\th"}).size() > 0);  // repeated header rows
    // The total row: bold and right-aligned amounts.
    CHECK(has(lines, "cell\tb\tbold\tright\t\"4\u00A0500\u00A0000\""));
    // The sv-SE language is on the text (the default run properties).
    const auto styles = run_command("unzip -p " + quote(write_docx(d, "styles")) + " word/styles.xml").output;
    CHECK(styles.find("<w:lang w:val=\"sv-SE\"") != std::string::npos);
}

TEST_CASE("docx: the letterhead is the first page's header, the running header and page fields the others'") {
    const auto& d = decision_document();
    const auto lines = read_back(write_docx(d, "header"));
    const auto* letterhead = std::get_if<doc::Letterhead>(&d.body.front().node);
    REQUIRE(letterhead);
    const auto first = starting(lines, {"header1"});
    for (const auto& line : letterhead->organisation) CHECK(has(first, "header1\t" + docx_test::json(line)));
    CHECK(has(first, "header1\t" + docx_test::json(letterhead->document_type)));
    CHECK(has(first, "header1\t" + docx_test::json(letterhead->diary_number)));
    for (const auto& line : letterhead->right_lines) CHECK(has(first, "header1\t" + docx_test::json(line)));
    CHECK(has(first, "header1\t\"Sida {PAGE} ({NUMPAGES})\""));
    CHECK(has(lines,
              "header\t" + docx_test::json(doc::plain_text(d.page.running_header) + "\tSida {PAGE} ({NUMPAGES})")));
}

TEST_CASE(
    "docx: lists are Word lists that restart, notes are Word footnotes, a chart is a Word chart with its data, "
    "the contents a TOC field") {
    doc::Document d;
    d.meta.title = "Prov";
    doc::List ordered{true, 3, {}};
    ordered.items.push_back({{doc::Paragraph{text("tredje")}}});
    doc::List bullets{false, 1, {{{doc::Paragraph{text("inre")}}}}};
    ordered.items.push_back({{doc::Paragraph{text("fjärde")}}, {bullets}});
    doc::Paragraph noted{text("Med not")};
    noted.content.push_back(doc::Footnote{"1", text("Notens text."), false});
    doc::Chart chart;
    chart.title = "Beviljat per år";
    chart.unit = "tkr";
    chart.categories = {"2024", "2025"};
    chart.series = {{"", {3836, 4500}, {"3 836", "4 500"}}};
    chart.ticks = {{0, "0"}, {2500, "2 500"}, {5000, "5 000"}};
    chart.alt = "Beviljat 2024: 3 836 tkr, 2025: 4 500 tkr.";
    doc::TableOfContents toc{2, 3, {{2, "1", "sec-mal", text("Mål")}}};
    d.body = {{toc}, {doc::Heading{2, "1", "sec-mal", text("Mål")}}, {ordered}, {noted}, {chart}};
    const auto path = write_docx(d, "structures");
    const auto numbering = run_command("unzip -p " + quote(path) + " word/numbering.xml").output;
    const auto main = run_command("unzip -p " + quote(path) + " word/document.xml").output;
    const auto chart_xml = run_command("unzip -p " + quote(path) + " word/charts/chart1.xml").output;
    // The ordered list starts at 3 (its own instance), the inner one is a bullet list one level down.
    CHECK(std::regex_search(
        numbering,
        std::regex(
            R"(<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>)")));
    CHECK(std::regex_search(numbering, std::regex(R"(<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>)")));
    CHECK(std::regex_search(main, std::regex(R"(<w:ilvl w:val="1"/><w:numId w:val="2"/>.*inre)")));
    CHECK(main.find("<w:footnoteReference w:id=\"1\"/>") != std::string::npos);
    CHECK(main.find("descr=\"Beviljat 2024: 3 836 tkr, 2025: 4 500 tkr.\"") != std::string::npos);
    CHECK(chart_xml.find("<c:pt idx=\"1\"><c:v>4500</c:v></c:pt>") != std::string::npos);
    CHECK(chart_xml.find("<c:pt idx=\"0\"><c:v>2024</c:v></c:pt>") != std::string::npos);
    CHECK(chart_xml.find("<c:max val=\"5000\"/><c:min val=\"0\"/>") != std::string::npos);
    // The table of contents is Word's TOC field, its entry linked to the heading's bookmark, and Word is
    // asked to fill in the page numbers on opening.
    CHECK(main.find("<w:instrText xml:space=\"preserve\"> TOC \\o \"2-3\" \\h \\z \\u </w:instrText>") !=
          std::string::npos);
    CHECK(main.find("<w:bookmarkStart w:id=\"1\" w:name=\"sec_mal\"/>") != std::string::npos);
    CHECK(main.find("<w:hyperlink w:anchor=\"sec_mal\">") != std::string::npos);
    CHECK(
        run_command("unzip -p " + quote(path) + " word/settings.xml").output.find("<w:updateFields w:val=\"true\"/>") !=
        std::string::npos);
    // The data behind the chart, as a workbook Word's "Edit data" opens, read by openpyxl.
    CHECK(chart_xml.find("<c:externalData r:id=\"rIdData\">") != std::string::npos);
    const auto embedded = scratch_dir("docx-embedded") + "/data.xlsx";
    REQUIRE(
        run_command("unzip -p " + quote(path) + " word/embeddings/Microsoft_Excel_Worksheet1.xlsx > " + quote(embedded))
            .status == 0);
    const auto cells = run_command(
        "/usr/bin/python3 -c 'import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1])[\"Blad1\"]; "
        "print(ws[\"A2\"].value, ws[\"A3\"].value, ws[\"B1\"].value, ws[\"B2\"].value, ws[\"B3\"].value)' " +
        quote(embedded) + " 2>&1");
    CHECK(cells.output == "2024 2025 Beviljat per år 3836 4500\n");
    const auto lines = read_back(path);
    CHECK(has(lines, "p\tList Paragraph\t\"tredje\""));
    CHECK(has(lines, "note\t1\t\"Notens text.\""));
    CHECK(has(lines, "charts\t\"1\""));
}

TEST_CASE("docx: two renderings are byte-identical and every zip entry carries the 1980 stamp") {
    const auto& d = decision_document();
    const auto bytes = docx::render(d);
    CHECK(docx::render(d) == bytes);
    const auto listing = run_command("unzip -l " + quote(write_docx(d, "stamps"))).output;
    CHECK(std::regex_search(listing, std::regex("1980-01-01 00:00 +word/document.xml")));
    CHECK_FALSE(std::regex_search(listing, std::regex("20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] ")));
    // [Content_Types].xml first, as Word writes it.
    CHECK(std::regex_search(listing, std::regex(R"(----\n +[0-9]+ +1980-01-01 00:00 +\[Content_Types\].xml)")));
}

TEST_CASE("docx: a block quotation is Word's Quote style, indented on both sides as in the PDF") {
    doc::Document d;
    d.meta.title = "Prov";
    doc::Paragraph quoted{text("Det vi lärde oss var att fråga barnen först.")};
    quoted.quote = true;
    d.body = {{doc::Paragraph{text("Så här skrev en deltagare:")}}, {quoted}};
    const auto path = write_docx(d, "quote");
    const auto main = run_command("unzip -p " + quote(path) + " word/document.xml").output;
    const auto styles = run_command("unzip -p " + quote(path) + " word/styles.xml").output;
    CHECK(std::regex_search(main, std::regex(R"(<w:pStyle w:val="Quote"/>.*fråga barnen först)")));
    CHECK(main.find("Så här skrev") < main.find("<w:pStyle w:val=\"Quote\"/>"));
    CHECK(styles.find("w:styleId=\"Quote\"><w:name w:val=\"Quote\"/>") != std::string::npos);
    CHECK(styles.find("<w:ind w:left=\"440\" w:right=\"440\"/>") != std::string::npos);
}

TEST_CASE("docx: a long body, written in pieces, comes back whole and in order") {
    // Over a megabyte of main part: the body is kept in pieces of about a
    // megabyte (docx::append_body), zipped one after another.
    doc::Document d;
    d.meta.title = "Prov";
    constexpr int kParagraphs = 12000;
    for (int i = 0; i < kParagraphs; ++i)
        d.body.push_back({doc::Paragraph{text("Stycke " + std::to_string(i) + " av en lång bilaga med text.")}});
    const auto path = write_docx(d, "long");
    const auto main = run_command("unzip -p " + quote(path) + " word/document.xml").output;
    REQUIRE(main.size() > (std::size_t{1} << 20));
    std::size_t at = 0;
    for (int i = 0; i < kParagraphs; ++i) {
        const auto next = main.find("Stycke " + std::to_string(i) + " av", at);
        REQUIRE(next != std::string::npos);
        at = next;
    }
    CHECK(main.rfind("</w:body></w:document>") == main.size() - std::string("</w:body></w:document>").size());
}

TEST_CASE("docx: a part zipped from pieces has the bytes of the pieces joined") {
    const std::vector<std::string> pieces{"<a>", "", std::string(70000, 'x'), "y", "</a>"};
    std::string joined;
    for (const auto& piece : pieces) joined += piece;
    const auto from_pieces = docx::zip_package({docx::Part("word/document.xml", pieces)});
    CHECK(from_pieces == docx::zip_package({docx::Part("word/document.xml", joined)}));
    const auto path = scratch_dir("docx-pieces") + "/pieces.zip";
    std::ofstream(path, std::ios::binary) << from_pieces;
    CHECK(run_command("unzip -p " + quote(path) + " word/document.xml").output == joined);
}
