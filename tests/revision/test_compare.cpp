// compare_documents: what changed between two doc trees, unit by unit.
#include <catch2/catch.hpp>

#include "revision/compare.hpp"
#include "support/golden.hpp"
#include "trees.hpp"

using namespace revision_test;
using revision::ChangeKind;
using revision::SectionStatus;
using revision::UnitKind;

namespace {

revision::Change only_change(const revision::ChangeReport& report) {
    INFO(revision::dump(report));
    REQUIRE(report.change_count() == 1);
    REQUIRE(report.sections.size() == 1);
    REQUIRE(report.sections[0].changes.size() == 1);
    return report.sections[0].changes[0];
}

doc::Table& amounts(doc::Document& d) { return block<doc::Table>(d, 6); }

}  // namespace

TEST_CASE("revision: identical trees have no changes") {
    const auto report = revision::compare_documents(small_document(), small_document());
    CHECK(report.empty());
    CHECK(report.change_count() == 0);
    CHECK(revision::dump(report) == "No changes\n");
    const auto& fixture = fixture_decision_document();
    REQUIRE_FALSE(fixture.body.empty());
    CHECK(revision::compare_documents(fixture, fixture).empty());
}

TEST_CASE("revision: one amount changed in a table row is one changed row naming the cell and both amounts") {
    auto after = small_document();
    amounts(after).body[1].cells[2].content = {text("450\u00A0000")};
    const auto report = revision::compare_documents(small_document(), after);
    const auto& change = only_change(report);
    CHECK(report.sections[0].title() == "Förvaltningens förslag");
    CHECK(change.kind == ChangeKind::Changed);
    CHECK(change.unit == UnitKind::TableRow);
    CHECK(change.key == "Farsta");
    CHECK(change.context == "Lokala utvecklingsmedel (LUM) 2025");
    REQUIRE(change.cells.size() == 1);
    CHECK(change.cells[0].column == "Summa (kr)");
    CHECK(change.cells[0].before == "500\u00A0000");
    CHECK(change.cells[0].after == "450\u00A0000");
    REQUIRE(change.figures.size() == 1);
    CHECK(change.figures[0].before == "500\u00A0000\u00A0kr");
    CHECK(change.figures[0].after == "450\u00A0000\u00A0kr");
    CHECK(revision::dump(report) ==
          "section \"Förvaltningens förslag\"\n"
          "  changed table row \"Farsta\" in \"Lokala utvecklingsmedel (LUM) 2025\"\n"
          "    cell \"Summa (kr)\": \"500\\u00A0000\" -> \"450\\u00A0000\"\n"
          "    figure: \"500\\u00A0000\\u00A0kr\" -> \"450\\u00A0000\\u00A0kr\"\n"
          "total: 1 changes in 1 sections\n");
}

TEST_CASE("revision: a row that moved because its amount changed is one changed row") {
    auto after = small_document();
    auto& body = amounts(after).body;
    body[0].cells[2].content = {text("600\u00A0000")};
    std::swap(body[0], body[2]);  // sorted by amount: Södermalm last
    const auto& change = only_change(revision::compare_documents(small_document(), after));
    CHECK(change.key == "Södermalm");
    REQUIRE(change.cells.size() == 1);
    CHECK(change.cells[0].after == "600\u00A0000");
}

TEST_CASE("revision: one sentence changed in a paragraph of several is exactly that sentence") {
    auto after = small_document();
    block<doc::Paragraph>(after, 2).content = {
        text("Totalt har 16 ansökningar inkommit. Ansökningarna omfattar totalt 6\u00A0800\u00A0000\u00A0kronor, "
             "bl.a. för studieresor. Förslaget innebär att nio ansökningar beviljas helt.")};
    const auto report = revision::compare_documents(small_document(), after);
    const auto& change = only_change(report);
    CHECK(report.sections[0].title() == "Sammanfattning");
    CHECK(change.unit == UnitKind::Sentence);
    CHECK(change.kind == ChangeKind::Changed);
    CHECK(change.before == "Ansökningarna omfattar totalt 6\u00A0500\u00A0000\u00A0kronor, bl.a. för studiebesök.");
    CHECK(change.after == "Ansökningarna omfattar totalt 6\u00A0800\u00A0000\u00A0kronor, bl.a. för studieresor.");
    CHECK(change.removed_words == std::vector<std::string>{"6\u00A0500\u00A0000\u00A0kronor,", "studiebesök."});
    CHECK(change.added_words == std::vector<std::string>{"6\u00A0800\u00A0000\u00A0kronor,", "studieresor."});
    REQUIRE(change.figures.size() == 1);
    CHECK(change.figures[0].before == "6\u00A0500\u00A0000\u00A0kronor");
    CHECK(change.figures[0].after == "6\u00A0800\u00A0000\u00A0kronor");
}

TEST_CASE("revision: a sentence rewritten entirely is one removed and one added sentence") {
    auto after = small_document();
    block<doc::Paragraph>(after, 2).content = {
        text("Totalt har 16 ansökningar inkommit. Detta är helt ny text om något annat. "
             "Förslaget innebär att nio ansökningar beviljas helt.")};
    const auto report = revision::compare_documents(small_document(), after);
    INFO(revision::dump(report));
    REQUIRE(report.change_count() == 2);
    CHECK(report.sections[0].changes[0].kind == ChangeKind::Removed);
    CHECK(report.sections[0].changes[1].kind == ChangeKind::Added);
}

TEST_CASE("revision: a list item added") {
    auto after = small_document();
    block<doc::List>(after, 4).items.push_back({paragraph("Projekt med syfte att förbättra samordningen.")});
    const auto& change = only_change(revision::compare_documents(small_document(), after));
    CHECK(change.kind == ChangeKind::Added);
    CHECK(change.unit == UnitKind::ListItem);
    CHECK(change.after == "Projekt med syfte att förbättra samordningen.");
    CHECK(change.before.empty());
}

TEST_CASE("revision: a table row removed") {
    auto after = small_document();
    auto& body = amounts(after).body;
    body.erase(body.begin());
    const auto& change = only_change(revision::compare_documents(small_document(), after));
    CHECK(change.kind == ChangeKind::Removed);
    CHECK(change.unit == UnitKind::TableRow);
    CHECK(change.key == "Södermalm");
    CHECK(change.before == "Södermalm | Prata om det | 300\u00A0000");
    CHECK(change.columns == std::vector<std::string>{"Ansökande förvaltning", "Titel på ansökan", "Summa (kr)"});
}

TEST_CASE("revision: headings renumbered only are no change") {
    auto after = small_document();
    block<doc::Heading>(after, 1).number = "2";
    block<doc::Heading>(after, 3).number = "3";
    CHECK(revision::compare_documents(small_document(), after).empty());
    // The number written into the heading's text is no change either.
    block<doc::Heading>(after, 1).number = "";
    block<doc::Heading>(after, 1).content = {text("4.1 Sammanfattning")};
    CHECK(revision::compare_documents(small_document(), after).empty());
    // A year is no number: "2025 Sammanfattning" is another heading.
    block<doc::Heading>(after, 1).content = {text("2025 Sammanfattning")};
    CHECK(revision::compare_documents(small_document(), after).sections.at(0).status == SectionStatus::Renamed);
}

TEST_CASE("revision: a heading renamed is a changed heading of the same section") {
    auto after = small_document();
    block<doc::Heading>(after, 3).content = {text("Förvaltningens förslag till beslut")};
    const auto report = revision::compare_documents(small_document(), after);
    INFO(revision::dump(report));
    REQUIRE(report.sections.size() == 1);
    CHECK(report.sections[0].status == SectionStatus::Renamed);
    CHECK(report.sections[0].title_before == "Förvaltningens förslag");
    CHECK(report.sections[0].title_after == "Förvaltningens förslag till beslut");
    CHECK(report.sections[0].number == "2");
    CHECK(report.sections[0].changes.empty());
    CHECK(report.change_count() == 1);
}

TEST_CASE("revision: a section added") {
    auto after = small_document();
    after.body.insert(after.body.begin() + 3, heading(2, "2", "Bakgrund"));
    after.body.insert(after.body.begin() + 4,
                      paragraph("Arbetet ska vara praktiknära. Det ska ha ett stockholmsperspektiv."));
    block<doc::Heading>(after, 5).number = "3";
    const auto report = revision::compare_documents(small_document(), after);
    INFO(revision::dump(report));
    REQUIRE(report.sections.size() == 1);
    CHECK(report.sections[0].status == SectionStatus::Added);
    CHECK(report.sections[0].title() == "Bakgrund");
    CHECK(report.sections[0].changes.size() == 2);  // its two sentences, as added
    CHECK(report.change_count() == 1);
}

TEST_CASE("revision: a section removed") {
    auto after = small_document();
    after.body.erase(after.body.begin() + 1, after.body.begin() + 3);
    const auto report = revision::compare_documents(small_document(), after);
    INFO(revision::dump(report));
    REQUIRE(report.sections.size() == 1);
    CHECK(report.sections[0].status == SectionStatus::Removed);
    CHECK(report.sections[0].title() == "Sammanfattning");
}

TEST_CASE("revision: letterhead fields and signatures") {
    auto after = small_document();
    block<doc::Letterhead>(after, 0).right_lines = {"Socialnämnden", "2024-12-17"};
    block<doc::Signatures>(after, 7).people[0].lines = {"Tf. socialdirektör"};
    const auto report = revision::compare_documents(small_document(), after);
    INFO(revision::dump(report));
    REQUIRE(report.change_count() == 2);
    const auto& date = report.sections[0].changes.at(0);
    CHECK(report.sections[0].title().empty());
    CHECK(date.unit == UnitKind::LetterheadField);
    CHECK(date.key == "Datum");
    CHECK(date.before == "2024-12-10");
    CHECK(date.after == "2024-12-17");
    REQUIRE(date.figures.size() == 1);
    const auto& signature = report.sections[1].changes.at(0);
    CHECK(signature.unit == UnitKind::Signature);
    CHECK(signature.kind == ChangeKind::Changed);
    CHECK(signature.key == "Veronica Wolgast Carstorp");
}

TEST_CASE("revision: a chart value changed") {
    doc::Chart chart;
    chart.title = "Beviljade medel per år";
    chart.unit = "tkr";
    chart.categories = {"2023", "2024", "2025"};
    chart.series = {{"", {3836, 4200, 4500}, {"3\u00A0836", "4\u00A0200", "4\u00A0500"}}};
    auto before = small_document();
    before.body.push_back({chart});
    auto after = before;
    auto& series = std::get<doc::Chart>(after.body.back().node).series[0];
    series.values[1] = 4300;
    series.labels[1] = "4\u00A0300";
    const auto& change = only_change(revision::compare_documents(before, after));
    CHECK(change.unit == UnitKind::ChartPoint);
    CHECK(change.kind == ChangeKind::Changed);
    CHECK(change.key == "2024");
    CHECK(change.context == "Beviljade medel per år");
    REQUIRE(change.figures.size() == 1);
    CHECK(change.figures[0].before == "4\u00A0200\u00A0tkr");
    CHECK(change.figures[0].after == "4\u00A0300\u00A0tkr");
}

TEST_CASE("revision: a footnote changed") {
    auto before = small_document();
    block<doc::Paragraph>(before, 2).content.push_back(
        doc::Footnote{"1", {text("Enligt beslut i socialnämnden 2024.")}, false});
    auto after = before;
    std::get<doc::Footnote>(block<doc::Paragraph>(after, 2).content.back()).content = {
        text("Enligt beslut i socialnämnden 2025.")};
    const auto& change = only_change(revision::compare_documents(before, after));
    CHECK(change.unit == UnitKind::Footnote);
    REQUIRE(change.figures.size() == 1);
    CHECK(change.figures[0].before == "2024");
}

TEST_CASE("revision: the fixture's decision document with three edits has exactly three changes") {
    const auto report = revision::compare_documents(fixture_decision_document(), revised_fixture());
    INFO(revision::dump(report));
    CHECK(report.change_count() == 3);
    REQUIRE(report.sections.size() == 2);
    CHECK(report.sections[0].title() == "Medel för utveckling och lärande");
    REQUIRE(report.sections[0].changes.size() == 2);
    CHECK(report.sections[0].changes[0].figures.at(0).after == "30\u00A0000\u00A0kronor");
    CHECK(report.sections[0].changes[1].added_words == std::vector<std::string>{"ett", "krav"});
    CHECK(report.sections[1].title() == "Förvaltningens synpunkter och förslag");
    const auto& row = report.sections[1].changes.at(0);
    CHECK(row.key == "Farsta");
    CHECK(row.cells.at(0).before == "500\u00A0000");
    CHECK(row.cells.at(0).after == "450\u00A0000");
    test_support::check_golden("revision/lum-mul-2025-three-edits.txt", revision::dump(report));
}

TEST_CASE("revision: two rounds' decision documents compare without surprises") {
    // Not a revision, but a large real difference: every section is matched
    // or reported, and the report counts what it lists.
    const auto later = decision_document("lum-mul-2026");
    const auto report = revision::compare_documents(fixture_decision_document(), later);
    CHECK_FALSE(report.empty());
    std::size_t counted = 0;
    for (const auto& section : report.sections) {
        CHECK((section.status != SectionStatus::Same || !section.changes.empty()));
        counted += section.change_count();
    }
    CHECK(counted == report.change_count());
}
