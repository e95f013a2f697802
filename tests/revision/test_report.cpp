// change_report_document: the change report's doc tree, and that it goes
// through layout, the PDF writer and the HTML writer. The example is
// written to build/tests/revision-example/ for a look.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "document/plain_text.hpp"
#include "html/writer.hpp"
#include "layout/hyphenation.hpp"
#include "layout/layout.hpp"
#include "pdf/font_library.hpp"
#include "pdf/writer.hpp"
#include "revision/compare.hpp"
#include "revision/report.hpp"
#include "trees.hpp"

using namespace revision_test;

namespace {

revision::RevisionInfo info() {
    revision::RevisionInfo i;
    i.document_title =
        "Fördelning av lokala utvecklingsmedel och medel för utveckling och lärande "
        "genom studiebesök/resor 2025";
    i.organisation = {"Socialförvaltningen", "Avdelningen för strategi och utveckling"};
    i.diary_number = "Dnr SoF 1.6-0612/2024";
    i.version_before = 1;
    i.date_before = "2024-12-03";
    i.version_after = 2;
    i.date_after = "2024-12-10";
    i.reason = "beloppet för Digital Lots sänkt efter dialog med Farsta";
    return i;
}

// Every paragraph's text, one per line.
std::string paragraphs(const doc::Document& d) {
    std::string out;
    for (const auto& block : d.body)
        if (const auto* p = std::get_if<doc::Paragraph>(&block.node)) out += doc::plain_text(p->content) + "\n";
    return out;
}

std::vector<std::string> headings(const doc::Document& d) {
    std::vector<std::string> out;
    for (const auto& block : d.body)
        if (const auto* h = std::get_if<doc::Heading>(&block.node)) out.push_back(doc::plain_text(h->content));
    return out;
}

// A revision of the small document with changes of every kind.
doc::Document many_changes() {
    auto after = small_document();
    block<doc::Letterhead>(after, 0).right_lines = {"Socialnämnden", "2024-12-17"};
    block<doc::Paragraph>(after, 2).content = {
        text("Totalt har 16 ansökningar inkommit. Ansökningarna omfattar totalt 6\u00A0800\u00A0000\u00A0kronor, "
             "bl.a. för studieresor. Förslaget innebär att nio ansökningar beviljas helt.")};
    block<doc::List>(after, 4).items.push_back({paragraph("Projekt med syfte att förbättra samordningen.")});
    auto& table = block<doc::Table>(after, 6);
    table.body[1].cells[2].content = {text("450\u00A0000")};
    table.body.erase(table.body.begin());
    return after;
}

}  // namespace

TEST_CASE("revision: the change report names the versions, counts in words and lists each section") {
    const auto report = revision::compare_documents(small_document(), many_changes());
    const auto d = revision::change_report_document(report, info());
    CHECK(d.meta.title == "Ändringar i tjänsteutlåtandet");
    CHECK(d.meta.date == "2024-12-10");
    CHECK(std::get<doc::Letterhead>(d.body.at(0).node).diary_number == "Dnr SoF 1.6-0612/2024");
    const auto text = paragraphs(d);
    CHECK_THAT(text, Catch::Contains("Version 1 (2024-12-03) jämfört med version 2, reviderad 2024-12-10: "
                                     "beloppet för Digital Lots sänkt efter dialog med Farsta.\n"));
    CHECK_THAT(text, Catch::Contains("Fem ändringar i tre avsnitt.\n"));
    CHECK(headings(d) == std::vector<std::string>{"Ändringar i tjänsteutlåtandet", "Dokumenthuvud", "Sammanfattning",
                                                  "Förvaltningens förslag"});
    // The last section's table: a head row and three changes.
    const auto& table = std::get<doc::Table>(d.body.back().node);
    REQUIRE(table.body.size() == 3);
    CHECK(doc::plain_text(table.head[0].cells[0].content) == "Ändring");
    CHECK(doc::plain_text(table.body[0].cells[0].content) == "Tillagt punkt\u00A0i\u00A0lista");
    CHECK(doc::plain_text(table.body[1].cells[0].content) ==
          "Borttaget rad \u201DSödermalm\u201D i tabellen \u201DLokala utvecklingsmedel (LUM) 2025\u201D");
    CHECK(doc::plain_text(table.body[1].cells[1].content) ==
          "Södermalm Titel på ansökan: Prata om det Summa (kr): 300\u00A0000");
    CHECK(doc::plain_text(table.body[2].cells[1].content) == "Summa (kr): 500\u00A0000");
    CHECK(doc::plain_text(table.body[2].cells[2].content) == "Summa (kr): 450\u00A0000");
}

TEST_CASE("revision: the change report marks the changed words in bold") {
    const auto report = revision::compare_documents(small_document(), many_changes());
    const auto d = revision::change_report_document(report, info());
    const doc::Table* sentences = nullptr;
    for (const auto& block : d.body)
        if (const auto* t = std::get_if<doc::Table>(&block.node);
            t && !sentences && t->body.size() == 1 &&
            doc::plain_text(t->body[0].cells[0].content).rfind("Ändrat mening", 0) == 0)
            sentences = t;
    REQUIRE(sentences);
    const auto& after = sentences->body[0].cells[2].content;
    std::vector<std::string> bold;
    for (const auto& node : after)
        if (const auto* run = std::get_if<doc::Text>(&node); run && run->style.bold) bold.push_back(run->text);
    CHECK(bold == std::vector<std::string>{"6\u00A0800\u00A0000\u00A0kronor,", "studieresor."});
    CHECK(doc::plain_text(sentences->body[0].cells[0].content) ==
          "Ändrat mening 6\u00A0500\u00A0000\u00A0kronor \u2192\u00A06\u00A0800\u00A0000\u00A0kronor");
}

TEST_CASE("revision: counts in the change report are grammatical Swedish") {
    auto after = small_document();
    block<doc::List>(after, 4).items.push_back({paragraph("Ny punkt.")});
    const auto one = revision::change_report_document(revision::compare_documents(small_document(), after), info());
    CHECK_THAT(paragraphs(one), Catch::Contains("En ändring i ett avsnitt.\n"));
    auto no_reason = info();
    no_reason.reason.clear();
    const auto none = revision::change_report_document(revision::ChangeReport{}, no_reason);
    CHECK(paragraphs(none) ==
          "Gäller tjänsteutlåtandet \u201DFördelning av lokala utvecklingsmedel och medel för utveckling och lärande "
          "genom studiebesök/resor 2025\u201D.\n"
          "Version 1 (2024-12-03) jämfört med version 2, reviderad 2024-12-10.\n"
          "Inga ändringar i texten.\n");
    CHECK(headings(none).size() == 1);
}

TEST_CASE("revision: the change report renders through layout, PDF and HTML") {
    const auto report = revision::compare_documents(small_document(), many_changes());
    const auto d = revision::change_report_document(report, info());
    core::Diagnostics diagnostics;
    static const auto fonts = pdf::FontLibrary::load(pdf::FontFiles::liberation());
    const layout::Hyphenator hyphenator(layout::kSwedishHyphenationPatterns);
    const auto paged = layout::lay_out(d, fonts, diagnostics, layout::Style{}, &hyphenator);
    CHECK(diagnostics.empty());
    REQUIRE_FALSE(paged.pages.empty());
    const auto bytes = pdf::render(paged, pdf::FontFiles::liberation());
    CHECK(bytes.size() > 1000);
    const auto html = html::render(d);
    CHECK_THAT(html, Catch::Contains("<h1"));
    CHECK_THAT(html, Catch::Contains("Ändringar i tjänsteutlåtandet"));
    CHECK_THAT(html, Catch::Contains("<strong>450\u00A0000</strong>"));

    // The fixture's decision document with three edits, for a look.
    const auto fixture = revision::change_report_document(
        revision::compare_documents(fixture_decision_document(), revised_fixture()), info());
    const auto dir = std::filesystem::path(FUEL_BINARY_DIR) / "tests" / "revision-example";
    std::filesystem::create_directories(dir);
    // Two rounds' documents: not a revision, but a report of several pages.
    const auto rounds = revision::change_report_document(
        revision::compare_documents(fixture_decision_document(), decision_document("lum-mul-2026")), info());
    for (const auto& [name, document] : {std::pair{"tjansteutlatande-andringar", &fixture},
                                         std::pair{"liten-andringar", &d}, std::pair{"omgangar-andringar", &rounds}}) {
        core::Diagnostics more;
        const auto pages = layout::lay_out(*document, fonts, more, layout::Style{}, &hyphenator);
        CHECK(more.empty());
        pdf::write_file(pages, pdf::FontFiles::liberation(), (dir / (std::string(name) + ".pdf")).string());
        std::ofstream(dir / (std::string(name) + ".html"), std::ios::binary) << html::render(*document);
    }
}
