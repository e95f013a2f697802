// The layout lint: it finds each kind of page a secretary would send back
// (pages made by hand), and finds none in a stress set laid out by the
// layout stage (long words, long tables, many short entries).
#include "layout/lint.hpp"
#include "layout_support.hpp"

using namespace layout_test;

namespace {

// A hand-made page: one run per (element, baseline).
struct Builder {
    PagedDocument document;
    Builder() { document.structure.push_back(StructElement{Role::Document, kNoElement, {}, {}, false, false}); }
    std::int32_t element(Role role, std::int32_t parent, HeaderScope scope = HeaderScope::None) {
        document.structure.push_back(StructElement{role, parent, scope, {}, false, false});
        return static_cast<std::int32_t>(document.structure.size() - 1);
    }
    void run(std::size_t page, std::int32_t element, double baseline, std::string text) {
        while (document.pages.size() <= page) document.pages.push_back(Page{300, 400, {}});
        TextRun run{10, baseline, FontId::SerifRegular, 10, std::move(text), 20, {}};
        document.pages[page].items.push_back(Item{run, false, element});
    }
};

std::vector<LintRule> rules(const std::vector<LintFinding>& findings) {
    std::vector<LintRule> out;
    for (const auto& f : findings) out.push_back(f.rule);
    return out;
}

doc::TableRow row(std::vector<std::string> cells) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back(doc::TableCell{{text(std::move(c))}});
    return r;
}

}  // namespace

TEST_CASE("lint: a heading in the last two lines of a page", "[layout][lint]") {
    Builder b;
    const auto p = b.element(Role::P, 0);
    const auto h = b.element(Role::H2, 0);
    const auto q = b.element(Role::P, 0);
    for (int i = 0; i < 5; ++i) b.run(0, p, 20 + 12 * i, "text");
    b.run(0, h, 80, "Rubrik");
    b.run(0, q, 92, "one line under it");
    b.run(1, q, 20, "the rest");
    const auto findings = lint(b.document);
    REQUIRE(rules(findings) == std::vector<LintRule>{LintRule::HeadingAtFoot});
    CHECK(findings[0].page == 1);
    CHECK(to_string(findings[0]) == "page 1: heading in the last two lines of a page (Rubrik)");
}

TEST_CASE("lint: a table part of fewer than three body rows, a list split one item from an end", "[layout][lint]") {
    Builder b;
    const auto table = b.element(Role::Table, 0);
    const auto head = b.element(Role::TR, table);
    b.run(0, b.element(Role::TH, head, HeaderScope::Column), 20, "Namn");
    for (int r = 0; r < 6; ++r) {
        const auto tr = b.element(Role::TR, table);
        b.run(r < 4 ? 0 : 1, b.element(Role::TD, tr), 32 + 12 * (r % 4), "r" + std::to_string(r));
    }
    const auto list = b.element(Role::L, 0);
    for (int i = 0; i < 3; ++i) b.run(i == 0 ? 1 : 2, b.element(Role::LI, list), 100 + 12 * i, "item");
    CHECK(rules(lint(b.document)) == std::vector<LintRule>{LintRule::ShortTablePart, LintRule::ListSplitAtEnd});
}

TEST_CASE("lint: a header broken inside a word though the table had room, a page of signatures alone",
          "[layout][lint]") {
    Builder b;
    const auto table = b.element(Role::Table, 0);
    b.document.structure[static_cast<std::size_t>(table)].slack = true;
    const auto tr = b.element(Role::TR, table);
    const auto th = b.element(Role::TH, tr, HeaderScope::Column);
    b.run(0, th, 20, "Uppfyl");
    b.run(0, th, 32, "ler");
    const auto other = b.element(Role::TH, tr, HeaderScope::Column);
    b.run(0, other, 20, "Summa ");  // broken between words: fine
    b.run(0, other, 32, "(kr)");
    const auto div = b.element(Role::Div, 0);
    b.document.structure[static_cast<std::size_t>(div)].signatures = true;
    b.run(1, b.element(Role::P, div), 20, "Anna Direktör");
    CHECK(rules(lint(b.document)) == std::vector<LintRule>{LintRule::HeaderWordBroken, LintRule::LoneSignatures});
    // A table too narrow for its header words may break them.
    b.document.structure[static_cast<std::size_t>(table)].slack = false;
    CHECK(rules(lint(b.document)) == std::vector<LintRule>{LintRule::LoneSignatures});
}

TEST_CASE("lint: the stress set of long words, long tables and many short entries has no findings", "[layout][lint]") {
    doc::Blocks body;
    for (int section = 1; section <= 12; ++section) {
        body.push_back(heading(2, "Avsnitt " + std::to_string(section)));
        body.push_back(para("Förvaltningen föreslår följande:"));
        doc::List list;
        for (int i = 0; i < 2 + section % 5; ++i) list.items.push_back({para("punkt " + std::to_string(i))});
        body.push_back(doc::Block{list});
        doc::Table t;
        t.columns = {doc::TableColumn{}, doc::TableColumn{}, doc::TableColumn{doc::Align::Right}};
        t.head = {row({"Nr", "Uppfyller inte", "Summa (kr)"})};
        for (int r = 0; r < section * 3; ++r)
            t.body.push_back(row({"L" + std::to_string(100 + r),
                                  r % 4 == 0   ? "anna.svensson@stadsdelsforvaltningen.stockholm.se"
                                  : r % 4 == 1 ? std::string(120, 'x')
                                               : "kort text",
                                  std::to_string(r) + "\u00A0000"}));
        t.foot = {row({"Totalt", "", "99\u00A0000"})};
        body.push_back(doc::Block{t});
        for (int k = 0; k < section % 3; ++k) body.push_back(para("Ett kort stycke."));
    }
    doc::Signatures s;
    s.people = {{"Anna Direktör", {"Förvaltningschef"}}};
    body.push_back(para("Stockholm den 1 mars."));
    body.push_back(doc::Block{s});
    const auto paged = lay(document(small_page(60, 40), body));
    std::string findings;
    for (const auto& f : lint(paged)) findings += "\n  " + to_string(f);
    INFO(paged.pages.size() << " pages:" << findings);
    CHECK(paged.pages.size() > 10);
    CHECK(findings.empty());
}
