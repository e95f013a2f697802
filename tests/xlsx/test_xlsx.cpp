// The Excel workbooks: Swedish numbers read back as numbers, sheet names by
// Excel's rules, and the fixture's workbook read back from its XML with
// unzip (an .xlsx is a zip of XML parts), a reader we did not write.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "document/fenced_blocks.hpp"
#include "html/fixture_documents.hpp"
#include "job/command.hpp"
#include "xlsx/sheet_names.hpp"
#include "xlsx/swedish_number.hpp"
#include "xlsx/tables.hpp"
#include "xlsx/workbook.hpp"

namespace {

std::string part(const std::string& workbook, const std::string& name) {
    const auto r = run_command("unzip -p " + quote(workbook) + " " + quote(name));
    REQUIRE(r.status == 0);
    return r.output;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

const doc::Document& decision_document() { return html_test::fixture_documents().at(2).document; }

std::string fixture_workbook() {
    static const std::string path = [] {
        const auto p = scratch_dir("xlsx-fixture") + "/tjansteutlatande.xlsx";
        xlsx::write_workbook(decision_document(), p);
        return p;
    }();
    return path;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("xlsx: Swedish numbers are read back as numbers, everything else stays text") {
    const auto million = xlsx::parse_swedish_number("4\u00A0000\u00A0000");
    REQUIRE(million);
    CHECK(million->value == 4000000);
    CHECK(million->grouped);
    const auto percent = xlsx::parse_swedish_number("37,5\u00A0%");
    REQUIRE(percent);
    CHECK(percent->value == Approx(0.375));
    CHECK(percent->percent);
    CHECK(percent->decimals == 1);
    CHECK(xlsx::parse_swedish_number("\u221212")->value == -12);
    CHECK(xlsx::parse_swedish_number("0")->value == 0);
    CHECK_FALSE(xlsx::parse_swedish_number("2025")->grouped);
    CHECK(xlsx::parse_swedish_number("5 587")->value == 5587);  // a typed space groups too
    for (const auto* text : {"", "2002\u20132003", "LUM-01", "2024-11-27", "08-508 25 138", "4\u00A000", "12,", ",5",
                             "1 0000", "3 kr", "37,5 % ", "Totalt"}) {
        CAPTURE(text);
        CHECK_FALSE(xlsx::parse_swedish_number(text));
    }
}

TEST_CASE(
    "xlsx: sheet names follow Excel's rules: 31 characters, no [ ] : * ? / or backslash, unique without case, "
    "shortened as a "
    "person would") {
    xlsx::SheetNames names;
    // An abbreviation stands for the words it abbreviates; else a cut after a whole word, marked "…".
    CHECK(names.take("Lokala utvecklingsmedel (LUM) 2025") == "LUM 2025");
    CHECK(names.take("Tabell 1:1 [tkr] a/b?") == "Tabell 1-1 -tkr- a-b-");
    CHECK(names.take("'citat'") == "citat");
    CHECK(names.take("") == "Tabell");
    CHECK(names.take("tabell") == "tabell (2)");
    CHECK(names.take("Medel för utveckling och lärande (MUL) 2025") == "MUL 2025");
    CHECK(names.take("MEDEL FÖR UTVECKLING OCH LÄRANDE") == "MEDEL FÖR UTVECKLING OCH…");
    CHECK(names.take("Minskning av antalet bidragstagare per förvaltning") == "Minskning av antalet…");
    CHECK(names.take("mul 2025") == "mul 2025 (2)");  // the same name twice: numbered
    CHECK(names.take("LUM-06 Familjeorienterat boendestöd (FOB)") == "LUM-06 FOB");
    // Two tables under one heading: what their rows are tells them apart.
    CHECK(names.take("Ekonomiskt bistånd i staden 1999–2003", {" per år"}) == "Ekonomiskt bistånd i staden…");
    CHECK(names.take("Ekonomiskt bistånd i staden 1999–2003", {" per förvaltning"}) == "Ekonomiskt… per förvaltning");
    CHECK(names.take("Olika orsaker till bidragsbehov", {" per försörjningshinder"}) ==
          "Olika orsaker till bidragsbehov");
    CHECK(names.take("Olika orsaker till bidragsbehov", {" per försörjningshinder", " \u2013 Förändring (%)"}) ==
          "Olika orsaker… \u2013 Förändring (%)");
    const auto long_word = names.take(std::string(40, 'x'));
    CHECK(long_word == std::string(30, 'x') + "…");
}

TEST_CASE("xlsx: a sheet name is never History, nor holds a control character") {
    xlsx::SheetNames names;
    CHECK(names.take("History") == "History (2)");
    CHECK(names.take("HISTORY") == "HISTORY (3)");
    CHECK(names.take("Söder\x1B[31m\x07") == "Söder-31m");
    CHECK(names.take("a\xEF\xBF\xBF"
                     "b") == "ab");
}

TEST_CASE("xlsx: the decision document's tables, one sheet each, named after their captions") {
    const auto workbook = part(fixture_workbook(), "xl/workbook.xml");
    INFO(workbook);
    CHECK(contains(workbook, "<sheet name=\"LUM 2025\" sheetId=\"1\""));
    CHECK(contains(workbook, "<sheet name=\"MUL 2025\" sheetId=\"2\""));
    CHECK(contains(workbook, "<sheet name=\"Attesterat av\" sheetId=\"3\""));  // no caption: the heading
    CHECK_FALSE(contains(workbook, "sheetId=\"4\""));
}

TEST_CASE("xlsx: amounts are numbers with a grouped format, the header is bold and frozen, widths are set") {
    const auto sheet = part(fixture_workbook(), "xl/worksheets/sheet1.xml");
    const auto styles = part(fixture_workbook(), "xl/styles.xml");
    INFO(sheet);
    // C2 is Södermalm's 300 000: a number cell (no t="s"), not a string.
    std::smatch number;
    REQUIRE(std::regex_search(sheet, number, std::regex(R"re(<c r="C2" s="([0-9]+)"><v>300000</v></c>)re")));
    // The total is the table's totals row: Excel's SUBTOTAL of the column, which follows a filter.
    CHECK(std::regex_search(
        sheet, std::regex(R"re(<c r="C12" s="[0-9]+"><f>SUBTOTAL\(109,\[Summa \(kr\)\]\)</f><v>4500000</v></c>)re")));
    CHECK(contains(sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    CHECK(std::regex_search(sheet, std::regex(R"re(<col min="2" max="2" width="6[0-9.]+" customWidth="1"/>)re")));
    CHECK(contains(styles, "formatCode=\"#,##0;&quot;\u2212&quot;#,##0\""));
    CHECK(contains(styles, "<b/>"));
    // The header cells' style is a bold font.
    std::smatch header;
    REQUIRE(std::regex_search(sheet, header, std::regex(R"re(<c r="A1" s="([0-9]+)" t="s">)re")));
    CHECK(header[1] != number[1]);
}

TEST_CASE("xlsx: a percent cell is a fraction with a percent format") {
    doc::Document d;
    d.meta.date = "2004-03-23";
    doc::Table t;
    t.columns = {{doc::Align::Left}, {doc::Align::Right}};
    t.head = {{{{{doc::Text{"Orsak", {}, ""}}}, {{doc::Text{"Andel", {}, ""}}}}}};
    t.body = {{{{{doc::Text{"Arbetslöshet", {}, ""}}}, {{doc::Text{"37,5\u00A0%", {}, ""}}}}}};
    d.body = {{doc::Heading{2, "1.3", "", {doc::Text{"Orsaker", {}, ""}}}}, {t}};
    const auto path = scratch_dir("xlsx-percent") + "/p.xlsx";
    xlsx::write_workbook(d, path);
    CHECK(contains(part(path, "xl/workbook.xml"), "<sheet name=\"1.3 Orsaker\""));
    CHECK(std::regex_search(part(path, "xl/worksheets/sheet1.xml"),
                            std::regex(R"re(<c r="B2" s="[0-9]+"><v>0.375</v></c>)re")));
    CHECK(contains(part(path, "xl/styles.xml"),
                   "formatCode=\"0.0&quot;\u00A0&quot;%;&quot;\u2212&quot;0.0&quot;\u00A0&quot;%\""));
}

TEST_CASE("xlsx: the workbook's dates are the document's and two writes are byte-identical") {
    const auto core = part(fixture_workbook(), "docProps/core.xml");
    CHECK(contains(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-12-10T00:00:00Z</dcterms:created>"));
    CHECK(contains(core, "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-12-10T00:00:00Z</dcterms:modified>"));
    CHECK(contains(core, "<dc:title>Fördelning av lokala utvecklingsmedel"));
    // Every zip entry carries the fixed 1980-01-01 stamp, not the clock.
    const auto listing = run_command("unzip -l " + quote(fixture_workbook())).output;
    CHECK(std::regex_search(listing, std::regex("1980-01-01 00:00 +xl/workbook.xml")));
    CHECK_FALSE(std::regex_search(listing, std::regex("20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] ")));
    const auto again = scratch_dir("xlsx-again") + "/tjansteutlatande.xlsx";
    xlsx::write_workbook(decision_document(), again);
    CHECK(read_bytes(again) == read_bytes(fixture_workbook()));
}

TEST_CASE("xlsx: a document without tables has none to write") {
    doc::Document d;
    d.body = {{doc::Paragraph{{doc::Text{"Bara text.", {}, ""}}, doc::Align::Left}}};
    CHECK_FALSE(xlsx::has_tables(d));
    CHECK(xlsx::has_tables(decision_document()));
}

TEST_CASE("xlsx: a chart's numbers get a sheet of their own, numbers as numbers") {
    std::vector<std::string> errors;
    doc::Document d;
    d.meta.title = "Diagram";
    d.meta.date = "2026-03-01";
    d.body.push_back(
        {doc::parse_chart("kind: columns\ntitle: Beviljat per år\nunit: tkr\nseries: LUM | MUL\ndata:\n"
                          "2024 | 4 200 | 300\n2025 | 4500 | 280\n",
                          errors)});
    REQUIRE(errors.empty());
    const auto tables = xlsx::tables_of(d);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].title == "Beviljat per år");
    const auto path = scratch_dir("xlsx-chart") + "/diagram.xlsx";
    xlsx::write_workbook(d, path);
    const auto sheet = part(path, "xl/worksheets/sheet1.xml");
    INFO(sheet);
    CHECK(contains(part(path, "xl/workbook.xml"), "<sheet name=\"Beviljat per år\""));
    CHECK(std::regex_search(sheet, std::regex(R"re(<c r="B2" s="[0-9]+"><v>4200</v></c>)re")));
    CHECK(std::regex_search(sheet, std::regex(R"re(<c r="C3" s="[0-9]+"><v>280</v></c>)re")));
    const auto strings = part(path, "xl/sharedStrings.xml");
    CHECK(contains(strings, "LUM, tkr"));
    CHECK(contains(strings, "MUL, tkr"));
    CHECK(contains(strings, "<t>År</t>"));  // what the categories are, from "per år"
}

TEST_CASE("xlsx: a chart's unit is said once, and a percentage is a fraction as in the tables") {
    std::vector<std::string> errors;
    doc::Document d;
    d.body.push_back(
        {doc::parse_chart("kind: bars\ntitle: Minskning per förvaltning, procent\nunit: procent\ndata:\n"
                          "Farsta | 57,8\nJärva | 12,5\n",
                          errors)});
    d.body.push_back(
        {doc::parse_chart("kind: columns\ntitle: Beviljade medel, tkr\nunit: tkr\ndata:\n2024 | 3 836\n", errors)});
    REQUIRE(errors.empty());
    const auto path = scratch_dir("xlsx-chart-units") + "/diagram.xlsx";
    xlsx::write_workbook(d, path);
    CHECK(std::regex_search(part(path, "xl/worksheets/sheet1.xml"),
                            std::regex(R"re(<c r="B2" s="[0-9]+"><v>0.578</v></c>)re")));
    const auto strings = part(path, "xl/sharedStrings.xml");
    CHECK(contains(strings, "<t>Förvaltning</t>"));
    CHECK(contains(strings, "<t>Beviljade medel, tkr</t>"));
    CHECK_FALSE(contains(strings, "tkr, tkr"));
    CHECK_FALSE(contains(strings, "procent, procent"));
}

// The fixtures' workbooks as a secretary uses them, read by openpyxl
// (Debian's python3-openpyxl, a reader we did not write): one number format
// per column, also for a value typed later; each table an Excel table with a
// filter and the total in its totals row; dates as dates; percentages as
// fractions; every sheet's A1 filled; sheet names told apart.
TEST_CASE("xlsx: every fixture workbook, read back by openpyxl, sorts, filters and formats as a spreadsheet should") {
    const auto out = scratch_dir("xlsx-fixtures");
    const auto build =
        run_command(quote(std::string(FUEL_BINARY_DIR) + "/fuel") + " build --quiet --templates " +
                    quote(std::string(FUEL_SOURCE_DIR) + "/templates") + " --data " +
                    quote(std::string(FUEL_SOURCE_DIR) + "/fixtures") + " --out " + quote(out) + " 2>&1");
    INFO(build.output);
    REQUIRE(build.status == 0);
    const auto files = run_command("find " + quote(out) + " -name '*.xlsx' | sort").output;
    std::string arguments;
    int count = 0;
    std::istringstream lines(files);
    for (std::string file; std::getline(lines, file); ++count) arguments += " " + quote(file);
    REQUIRE(count >= 4);
    const auto r = run_command("/usr/bin/python3 " + quote(std::string(FUEL_SOURCE_DIR) + "/tests/xlsx/xlsx_read.py") +
                               arguments + " 2>&1");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(std::count(r.output.begin(), r.output.end(), '\n') >= count);
}
