#pragma once
// Small doc trees for the revision tests, and the fixture's decision
// document (lum-mul-2025) built once per test process.
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "document/build.hpp"
#include "document/node.hpp"
#include "ingest/dataset_loader.hpp"
#include "transform/transform.hpp"

namespace revision_test {

inline doc::Text text(std::string s, bool bold = false) { return doc::Text{std::move(s), {bold, false}, ""}; }

inline doc::Block paragraph(std::string s) { return {doc::Paragraph{{text(std::move(s))}, doc::Align::Left}}; }

inline doc::Block heading(int level, std::string number, std::string title) {
    return {doc::Heading{level, std::move(number), "", {text(std::move(title))}, true}};
}

inline doc::Block bullets(std::vector<std::string> items) {
    doc::List list;
    for (auto& item : items) list.items.push_back({paragraph(std::move(item))});
    return {list};
}

inline doc::TableRow row(std::vector<std::string> cells, bool bold = false) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back({c.empty() ? doc::Inlines{} : doc::Inlines{text(std::move(c), bold)}});
    return r;
}

// A small decision document: letterhead, two numbered sections, a table of
// amounts under a caption, a list and signatures.
inline doc::Document small_document() {
    doc::Document d;
    doc::Letterhead letterhead;
    letterhead.organisation = {"Socialförvaltningen", "Avdelningen för strategi och utveckling"};
    letterhead.document_type = "Tjänsteutlåtande";
    letterhead.diary_number = "Dnr SoF 1.6-0612/2024";
    letterhead.right_heading = {"Till"};
    letterhead.right_lines = {"Socialnämnden", "2024-12-10"};
    d.body.push_back({letterhead});
    d.body.push_back(heading(2, "1", "Sammanfattning"));
    d.body.push_back(
        paragraph("Totalt har 16 ansökningar inkommit. Ansökningarna omfattar totalt 6\u00A0500\u00A0000\u00A0kronor, "
                  "bl.a. för studiebesök. Förslaget innebär att nio ansökningar beviljas helt."));
    d.body.push_back(heading(2, "2", "Förvaltningens förslag"));
    d.body.push_back(bullets(
        {"Projekt med avsikt att testa förebyggande insatser.", "Projekt med syfte att stärka klientcentrering."}));
    d.body.push_back({doc::Paragraph{{text("Lokala utvecklingsmedel (LUM) 2025", true)}, doc::Align::Left}});
    doc::Table table;
    table.columns = {{doc::Align::Left}, {doc::Align::Left}, {doc::Align::Right}};
    table.head = {row({"Ansökande förvaltning", "Titel på ansökan", "Summa (kr)"})};
    table.body = {row({"Södermalm", "Prata om det", "300\u00A0000"}), row({"Farsta", "Digital Lots", "500\u00A0000"}),
                  row({"Järva", "Visuella verktyg i socialtjänsten", "500\u00A0000"})};
    table.foot = {row({"Totalt", "", "1\u00A0300\u00A0000"}, true)};
    d.body.push_back({table});
    d.body.push_back({doc::Signatures{{{"Veronica Wolgast Carstorp", {"Socialdirektör"}}}}});
    return d;
}

// The body block at `index` as a T.
template <class T>
T& block(doc::Document& d, std::size_t index) {
    return std::get<T>(d.body.at(index).node);
}

// The decision document of a fixture dataset ("lum-mul-2025").
inline doc::Document decision_document(const std::string& dataset_name) {
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/" + dataset_name, diagnostics);
    const auto report = transform::aggregate(*dataset);
    for (auto& built : doc::build_documents(report, std::string(FUEL_SOURCE_DIR) + "/templates", diagnostics))
        if (built.name == "tjansteutlatande") return built.document;
    throw std::logic_error("no decision document in " + dataset_name);
}

inline const doc::Document& fixture_decision_document() {
    static const doc::Document document = decision_document("lum-mul-2025");
    return document;
}

// The fixture's decision document against a revision of it with one amount
// in a sentence, one sentence's wording and one table row changed.
inline doc::Document revised_fixture() {
    auto after = fixture_decision_document();
    int edits = 0;
    for (auto& block : after.body) {
        if (auto* paragraph = std::get_if<doc::Paragraph>(&block.node)) {
            for (auto& node : paragraph->content) {
                auto* run = std::get_if<doc::Text>(&node);
                if (!run) continue;
                for (auto [from, to] : std::initializer_list<std::pair<std::string, std::string>>{
                         {"Det högsta beloppet att söka är 25\u00A0000\u00A0kronor.",
                          "Det högsta beloppet att söka är 30\u00A0000\u00A0kronor."},
                         {"Godkänd rapport är en förutsättning för att kunna ansöka om och beviljas medel kommande år.",
                          "Godkänd rapport är ett krav för att kunna ansöka om och beviljas medel kommande år."}}) {
                    if (const auto at = run->text.find(from); at != std::string::npos) {
                        run->text.replace(at, from.size(), to);
                        ++edits;
                    }
                }
            }
        } else if (auto* table = std::get_if<doc::Table>(&block.node)) {
            for (auto& row : table->body) {
                if (row.cells.size() == 3 && std::get<doc::Text>(row.cells[1].content.at(0)).text == "Digital Lots") {
                    row.cells[2].content = {text("450\u00A0000")};
                    ++edits;
                }
            }
        }
    }
    if (edits != 3) throw std::logic_error("the fixture no longer has the text the revision edits");
    return after;
}

}  // namespace revision_test
