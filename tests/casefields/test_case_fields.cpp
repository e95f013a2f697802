// The summary and decision points for case systems: found by the headings
// the template names, checked so that a decision document never silently
// lacks them, and written as text and JSON.
#include <catch2/catch.hpp>

#include <fstream>

#include "casefields/case_fields.hpp"
#include "html/fixture_documents.hpp"
#include "job/command.hpp"
#include "support/golden.hpp"

namespace {

const doc::Document& decision_document() {
    const auto& d = html_test::fixture_documents().at(2);
    REQUIRE(d.name == "tjansteutlatande");
    return d.document;
}

doc::Block heading(int level, const std::string& text) {
    return {doc::Heading{level, "", "", {doc::Text{text, {}, ""}}}};
}
doc::Block paragraph(const std::string& text) { return {doc::Paragraph{{doc::Text{text, {}, ""}}, doc::Align::Left}}; }
doc::Block numbered(std::vector<std::string> items, int start = 1) {
    doc::List list{true, start, {}};
    for (const auto& item : items) list.items.push_back({paragraph(item)});
    return {list};
}

// A small decision document: letterhead, the two sections, and a section after them.
doc::Document small_document() {
    doc::Document d;
    d.meta.title = "Titel \"med\" citat\\";
    d.meta.date = "2024-12-10";
    d.meta.summary_section = "Sammanfattning";
    d.meta.decision_section = "Förslag till beslut";
    doc::Letterhead l;
    l.document_type = "Tjänsteutlåtande";
    l.diary_number = "Dnr 1.6-0612/2024";
    d.body = {{l},
              heading(1, "Titel"),
              heading(2, "Förslag till beslut"),
              numbered({"Första", "Andra"}, 3),
              heading(2, "Sammanfattning"),
              paragraph("Ett."),
              heading(3, "Underrubrik"),
              paragraph("Två."),
              heading(2, "Bakgrund"),
              paragraph("Inte med.")};
    return d;
}

doc::Template template_with_front_matter() {
    return {"beslut", "templates/x/beslut.md",
            "---\ntitle: T\nsummary-section: Sammanfattning\ndecision-section: Förslag till beslut\n---\n"};
}

}  // namespace

TEST_CASE("case fields: the fixture's decision document gives its two decision points and its summary") {
    const auto fields = casefields::extract(decision_document());
    REQUIRE(fields);
    CHECK(fields->diary_number == "Dnr SoF 1.6-0612/2024");
    CHECK(fields->date == "2024-12-10");
    REQUIRE(fields->decision_points.size() == 2);
    CHECK(fields->decision_points[0].number == 1);
    CHECK(fields->decision_points[1].text == "Ärendet överlämnas till stadsdelsnämnderna för kännedom.");
    REQUIRE(fields->summary.size() == 2);
    CHECK(fields->summary[1].rfind("Förvaltningens förslag till beslut innebär att nio", 0) == 0);
    core::Diagnostics diagnostics;
    for (const auto& d : html_test::fixture_documents())
        casefields::check(d.document, {d.name, d.name + ".md", ""}, diagnostics);
    CHECK(diagnostics.empty());
    // The appendices name no sections and are not decision documents.
    CHECK_FALSE(casefields::extract(html_test::fixture_documents().at(0).document));
}

TEST_CASE("case fields: a section ends at the next heading of its level, and list numbering is kept") {
    const auto fields = casefields::extract(small_document());
    REQUIRE(fields);
    CHECK(fields->summary == std::vector<std::string>{"Ett.", "Två."});
    REQUIRE(fields->decision_points.size() == 2);
    CHECK(fields->decision_points[0].number == 3);
    CHECK(fields->decision_points[1].number == 4);
}

TEST_CASE("case fields: a named heading the document lacks is an error at the front matter line") {
    auto d = small_document();
    d.meta.summary_section = "Sammanfatning";
    core::Diagnostics diagnostics;
    casefields::check(d, template_with_front_matter(), diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(core::to_string(diagnostics.items()[0]) ==
          "templates/x/beslut.md:3:1: error: summary-section names the heading \"Sammanfatning\", which the "
          "document does not have");
    CHECK_FALSE(casefields::extract(d));
}

TEST_CASE("case fields: a decision section without a numbered list, or one key alone, is an error") {
    auto d = small_document();
    d.body[3] = paragraph("Inga punkter.");
    core::Diagnostics diagnostics;
    casefields::check(d, template_with_front_matter(), diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.items()[0].message == "decision-section \"Förslag till beslut\" has no numbered list");
    CHECK(diagnostics.items()[0].where.line == 4);

    auto one = small_document();
    one.meta.decision_section.clear();
    core::Diagnostics more;
    casefields::check(one, template_with_front_matter(), more);
    CHECK(more.error_count() == 1);
}

TEST_CASE("case fields: a decision document whose template names no sections is warned about") {
    auto d = small_document();
    d.meta.summary_section.clear();
    d.meta.decision_section.clear();
    core::Diagnostics diagnostics;
    casefields::check(d, template_with_front_matter(), diagnostics);
    CHECK(diagnostics.error_count() == 0);
    CHECK(diagnostics.warning_count() == 1);
}

TEST_CASE("case fields: JSON escapes quotes, backslashes and control characters, and parses") {
    auto fields = *casefields::extract(small_document());
    fields.summary.push_back("rad\nrad\ttab \x01 4\u00A0500\u00A0000");
    const auto json = casefields::format_json(fields);
    CHECK(json.find(R"("title": "Titel \"med\" citat\\")") != std::string::npos);
    CHECK(json.find("\"rad\\nrad\\ttab \\u0001 4\u00A0500\u00A0000\"") != std::string::npos);
    // A parser we did not write reads it back.
    const auto path = scratch_dir("case-fields-json") + "/fields.json";
    std::ofstream(path, std::ios::binary) << json;
    const auto read_back = run_command(
        "python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding=\"utf-8\")); "
        "print(d[\"decision\"][\"points\"][1][\"number\"], d[\"summary\"][\"paragraphs\"][2])' " +
        quote(path));
    CHECK(read_back.status == 0);
    CHECK(read_back.output == "4 rad\nrad\ttab \x01 4\u00A0500\u00A0000\n");
}

TEST_CASE("golden: case fields of the lum-mul-2025 decision document") {
    const auto fields = casefields::extract(decision_document());
    REQUIRE(fields);
    test_support::check_golden("casefields/lum-mul-2025/tjansteutlatande.txt", casefields::format_text(*fields));
    test_support::check_golden("casefields/lum-mul-2025/tjansteutlatande.json", casefields::format_json(*fields));
}

TEST_CASE("golden: case fields of the fuelstockholm-2005 decision document") {
    const auto& d = html_test::application_documents().at(2);
    REQUIRE(d.name == "tjansteutlatande");
    const auto fields = casefields::extract(d.document);
    REQUIRE(fields);
    test_support::check_golden("casefields/fuelstockholm-2005/tjansteutlatande.txt", casefields::format_text(*fields));
    test_support::check_golden("casefields/fuelstockholm-2005/tjansteutlatande.json", casefields::format_json(*fields));
}
