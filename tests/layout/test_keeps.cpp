// Keeps and splits, as a typesetter would set them: a heading or a lead-in
// never ends a page, tables split only with three rows on each side (and
// not at all when they fit on a page), lists not one item from an end, the
// signatures with the paragraph before them, appendix fields with their
// description; long tokens break in their own cell only.
#include "layout_support.hpp"

using namespace layout_test;

namespace {

doc::TableRow row(std::vector<std::string> cells) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back(doc::TableCell{{text(std::move(c))}});
    return r;
}

doc::Block table_block(int body_rows) {
    doc::Table t;
    t.head = {row({"Namn"})};
    for (int i = 1; i <= body_rows; ++i) t.body.push_back(row({"r" + std::to_string(i)}));
    return doc::Block{t};
}

doc::Block list_block(int items) {
    doc::List list;
    for (int i = 1; i <= items; ++i) list.items.push_back({para("a" + std::to_string(i))});
    return doc::Block{list};
}

// Each line's text without the list markers ("•|a1" is "a1").
std::vector<std::string> texts(const Page& page, bool artifacts = false) {
    std::vector<std::string> out;
    for (std::string line : line_texts(page, artifacts)) {
        const auto bar = line.find('|');
        out.push_back(bar == std::string::npos ? line : line.substr(bar + 1));
    }
    return out;
}

}  // namespace

TEST_CASE("keeps: a heading keeps two lines of what follows, a lead-in its list's first items", "[layout][keeps]") {
    // 5 lines a page. The heading, the one-line lead-in and the first item
    // would fit on page 1, but the list may not break after its first item:
    // heading, lead-in and two items go to page 2, the last two to page 3
    // (not one item alone).
    doc::Blocks body = numbered_paragraphs(2);
    body.push_back(heading(2, "Rubrik"));
    body.push_back(para("Lista:"));
    body.push_back(list_block(4));
    const auto paged = lay(document(small_page(20, 5), body));
    REQUIRE(paged.pages.size() == 3);
    CHECK(texts(paged.pages[0]) == std::vector<std::string>{"p1", "p2"});
    CHECK(texts(paged.pages[1]) == std::vector<std::string>{"Rubrik", "Lista:", "a1", "a2"});
    CHECK(texts(paged.pages[2]) == std::vector<std::string>{"a3", "a4"});
}

TEST_CASE("keeps: a heading followed by a one-line paragraph takes the next block's first line too",
          "[layout][keeps]") {
    // p1..p3, heading, a one-line paragraph: page 1 is full; the paragraph
    // after it may not open page 2 alone under nothing.
    doc::Blocks body = numbered_paragraphs(3);
    body.push_back(heading(2, "Rubrik"));
    body.push_back(para("Kort."));
    body.push_back(para("Nästa stycke."));
    const auto paged = lay(document(small_page(20, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(texts(paged.pages[0]) == std::vector<std::string>{"p1", "p2", "p3"});
    CHECK(texts(paged.pages[1]) == std::vector<std::string>{"Rubrik", "Kort.", "Nästa stycke."});
}

TEST_CASE("keeps: a list of three or more items is not split one item from either end", "[layout][keeps]") {
    doc::Blocks first = numbered_paragraphs(4);  // one line left: a1 alone would stand there
    first.push_back(list_block(4));
    const auto a = lay(document(small_page(20, 5), first));
    REQUIRE(a.pages.size() == 2);
    CHECK(texts(a.pages[0]) == std::vector<std::string>{"p1", "p2", "p3", "p4"});
    CHECK(texts(a.pages[1]) == std::vector<std::string>{"a1", "a2", "a3", "a4"});
    doc::Blocks last = numbered_paragraphs(2);  // three lines left: a4 alone would go over
    last.push_back(list_block(4));
    const auto b = lay(document(small_page(20, 5), last));
    REQUIRE(b.pages.size() == 2);
    CHECK(texts(b.pages[0]) == std::vector<std::string>{"p1", "p2", "a1", "a2"});
    CHECK(texts(b.pages[1]) == std::vector<std::string>{"a3", "a4"});
}

TEST_CASE("keeps: a table splits only with three body rows on each side, its head repeated", "[layout][keeps]") {
    // 8 lines = six 16 pt rows a page. After p1..p4 (48 pt) the head and two
    // rows would fit: too few. p4, which introduces the table, goes with it
    // to page 2; there head + 4 rows fit, and four are left.
    doc::Blocks body = numbered_paragraphs(4);
    body.push_back(table_block(8));
    const auto paged = lay(document(small_page(20, 8), body));
    REQUIRE(paged.pages.size() == 3);
    CHECK(texts(paged.pages[0]) == std::vector<std::string>{"p1", "p2", "p3"});
    CHECK(texts(paged.pages[1]) == std::vector<std::string>{"p4", "Namn", "r1", "r2", "r3", "r4"});
    CHECK(texts(paged.pages[2], true) == std::vector<std::string>{"Namn", "r5", "r6", "r7", "r8"});
    // Seven rows alone: head + 5 rows would fit, but the break after r5
    // would leave two; it comes after r4.
    const auto seven = lay(document(small_page(20, 8), {table_block(7)}));
    REQUIRE(seven.pages.size() == 2);
    CHECK(texts(seven.pages[0]) == std::vector<std::string>{"Namn", "r1", "r2", "r3", "r4"});
    CHECK(texts(seven.pages[1], true) == std::vector<std::string>{"Namn", "r5", "r6", "r7"});
}

TEST_CASE("keeps: a table that fits on a page is moved whole to the next page", "[layout][keeps]") {
    // 9 lines = 108 pt. Head + 4 rows = 80 pt; after p1..p3 (36 pt) there is
    // room for the head and three rows, which would be allowed if the table
    // did not fit on a page. It moves whole, with p3 that introduces it.
    doc::Blocks body = numbered_paragraphs(3);
    body.push_back(table_block(4));
    body.push_back(para("Efter."));
    const auto paged = lay(document(small_page(20, 9), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(texts(paged.pages[0]) == std::vector<std::string>{"p1", "p2"});
    CHECK(texts(paged.pages[1]) == std::vector<std::string>{"p3", "Namn", "r1", "r2", "r3", "r4", "Efter."});
}

TEST_CASE("keeps: the signatures keep with the paragraph before them", "[layout][keeps]") {
    doc::Signatures s;
    s.people = {{"Anna Direktör", {"Förvaltningschef"}}};
    doc::Blocks body = numbered_paragraphs(3);
    body.push_back(para("Sista stycket."));
    body.push_back(doc::Block{s});
    // 5 lines: p1..p3 and the last paragraph fill four, the two signature
    // lines do not fit: the last paragraph goes over with them.
    const auto paged = lay(document(small_page(40, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(texts(paged.pages[0]) == std::vector<std::string>{"p1", "p2", "p3"});
    CHECK(texts(paged.pages[1]) == std::vector<std::string>{"Sista stycket.", "Anna Direktör", "Förvaltningschef"});
}

TEST_CASE("keeps: an appendix entry's fields stay with its heading and the start of its description",
          "[layout][keeps]") {
    doc::Paragraph fields;
    fields.content = {text("Sökt:", true), text(" 10 kr"), doc::LineBreak{}, text("Nr:", true), text(" 7")};
    doc::Blocks body = numbered_paragraphs(1);
    body.push_back(heading(2, "Ansökan"));
    body.push_back(doc::Block{fields});
    body.push_back(para("d1xxxxxxx d2xxxxxxx d3xxxxxxx d4xxxxxxx"));
    // 12-character lines, 5 a page: heading, two field lines and one line
    // of the description would fit under p1, but the fields keep two.
    const auto paged = lay(document(small_page(12, 5), body));
    REQUIRE(paged.pages.size() == 3);
    CHECK(texts(paged.pages[0]) == std::vector<std::string>{"p1"});
    CHECK(texts(paged.pages[1]) ==
          std::vector<std::string>{"Ansökan", "Sökt: 10 kr", "Nr: 7", "d1xxxxxxx", "d2xxxxxxx"});
}

TEST_CASE("keeps: a quotation is indented and its lead-in keeps with it", "[layout][keeps]") {
    doc::Paragraph quote;
    quote.content = {text("Citat.")};
    quote.quote = true;
    doc::Blocks body = numbered_paragraphs(4);
    body.push_back(para("Han skrev:"));
    body.push_back(doc::Block{quote});
    const auto paged = lay(document(small_page(20, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(texts(paged.pages[1]) == std::vector<std::string>{"Han skrev:", "Citat."});
    const Style style = fixed_style();
    CHECK(find_run(paged.pages[1], "Citat.")->x == Approx(kLeft + style.quote_indent));
    bool tagged = false;
    for (const auto& element : paged.structure) tagged = tagged || element.role == Role::BlockQuote;
    CHECK(tagged);
}

TEST_CASE("column widths: a long token breaks in its own cell, at its punctuation first", "[layout][table]") {
    doc::Table t;
    t.columns = {doc::TableColumn{}, doc::TableColumn{}, doc::TableColumn{doc::Align::Right}};
    t.head = {row({"Nr", "Kontakt", "Belopp"})};
    t.body = {row({"A12", "anna.svensson@exempel.stockholm.se", "120\u00A0000"}),
              row({"B7", std::string(300, 'x'), "5\u00A0000"})};
    const auto paged = lay(document(small_page(40, 60), {doc::Block{t}}));
    REQUIRE(paged.pages.size() == 1);
    const auto& page = paged.pages[0];
    // The ids and amounts are whole, on one line each.
    for (const char* whole : {"A12", "B7", "120\u00A0000", "5\u00A0000", "Belopp", "Kontakt"})
        CHECK(find_run(page, whole));
    // The address breaks after its punctuation, not between letters.
    std::vector<std::string> parts;
    for (const auto* r : runs(page)) {
        if (r->text.find("anna") != std::string::npos || r->text.find("svensson") != std::string::npos ||
            r->text.find("stockholm") != std::string::npos || r->text.find("exempel") != std::string::npos ||
            r->text == "se")
            parts.push_back(r->text);
    }
    REQUIRE(parts.size() >= 2);
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        const char last = parts[i].back();
        CHECK((last == '.' || last == '@'));
    }
    // No run leaves its column: the 300 x's wrap inside theirs.
    const auto* amount = find_run(page, "5\u00A0000");
    for (const auto* r : runs(page))
        if (r->text.find("xxx") != std::string::npos) CHECK(r->x + r->width <= amount->x);
}

TEST_CASE("keeps: the table of contents is a TOC of TOCI entries, each a Link with its text and annotation",
          "[layout][structure]") {
    const doc::TableOfContents toc{2, 2, {{2, "1", "a", {text("Bakgrund")}}, {2, "2", "b", {text("Beslut")}}}};
    const auto paged = lay(document(
        small_page(30, 10), {doc::Block{toc}, heading(2, "Bakgrund", "1", "a"), heading(2, "Beslut", "2", "b")}));
    const auto& structure = paged.structure;
    std::vector<std::int32_t> links;
    for (std::size_t i = 0; i < structure.size(); ++i) {
        if (structure[i].role != Role::Link) continue;
        const auto toci = structure[i].parent;
        REQUIRE(toci >= 0);
        CHECK(structure[static_cast<std::size_t>(toci)].role == Role::TOCI);
        CHECK(structure[static_cast<std::size_t>(structure[static_cast<std::size_t>(toci)].parent)].role == Role::TOC);
        links.push_back(static_cast<std::int32_t>(i));
    }
    REQUIRE(links.size() == 2);
    // Each Link holds the entry's number, title and page number and its link area.
    for (const std::int32_t link : links) {
        std::string words;
        int areas = 0;
        for (const Item& item : paged.pages[0].items) {
            if (item.structure != link) continue;
            if (const auto* run = std::get_if<TextRun>(&item.content)) words += run->text + "|";
            if (std::holds_alternative<Link>(item.content)) ++areas;
        }
        CHECK(areas == 1);
        CHECK((words == "1|Bakgrund|1|" || words == "2|Beslut|1|"));
    }
}

TEST_CASE("keeps: a caption is its table's Caption, the total row's label a row header, empty cells TDs",
          "[layout][structure]") {
    doc::Table t;
    t.head = {row({"Namn", "Belopp"})};
    t.body = {row({"Ann", ""})};
    t.foot = {row({"Summa", "0"})};
    doc::Paragraph caption;
    caption.content = {text("Tabell 1. Medel", true)};
    const auto paged = lay(document(small_page(40, 20), {doc::Block{caption}, doc::Block{t}}));
    const auto& s = paged.structure;
    std::int32_t table = -1;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i].role == Role::Table) table = static_cast<std::int32_t>(i);
    REQUIRE(table >= 0);
    std::vector<Role> kids;
    for (const auto& e : s)
        if (e.parent == table) kids.push_back(e.role);
    CHECK(kids == std::vector<Role>{Role::Caption, Role::TR, Role::TR, Role::TR});
    std::vector<std::pair<Role, HeaderScope>> cells;
    for (const auto& e : s)
        if (e.parent >= 0 && s[static_cast<std::size_t>(e.parent)].role == Role::TR)
            cells.emplace_back(e.role, e.scope);
    CHECK(cells == std::vector<std::pair<Role, HeaderScope>>{{Role::TH, HeaderScope::Column},
                                                             {Role::TH, HeaderScope::Column},
                                                             {Role::TD, HeaderScope::None},
                                                             {Role::TD, HeaderScope::None},
                                                             {Role::TH, HeaderScope::Row},
                                                             {Role::TD, HeaderScope::None}});
}

TEST_CASE("keeps: a footnote referenced in a heading is not part of the heading", "[layout][structure]") {
    doc::Heading h{2, "", "h", {text("Rubrik"), doc::Footnote{"1", {text("En not.")}, false}}};
    const auto paged = lay(document(small_page(30, 20), {doc::Block{h}, para("Text.")}));
    const auto& s = paged.structure;
    for (const auto& e : s) {
        if (e.role != Role::Note) continue;
        REQUIRE(e.parent >= 0);
        CHECK(s[static_cast<std::size_t>(e.parent)].role == Role::Document);
    }
}

TEST_CASE("keeps: the room above the signatures shrinks so that a letter stays on one page", "[layout][keeps]") {
    doc::Signatures s;
    s.people = {{"Anna Direktör", {"Förvaltningschef"}}};
    doc::Blocks body = numbered_paragraphs(3);
    body.push_back(doc::Block{s});
    Style style = fixed_style();
    style.signature_space_before = 24;
    style.signature_space_min = 12;
    core::Diagnostics diagnostics;
    // 6 lines = 72 pt: p1..p3 (36) + 24 + the signature (24) = 84; with the
    // room shrunk to 12 it is exactly 72.
    const auto one = lay(document(small_page(40, 6), body), diagnostics, style);
    REQUIRE(one.pages.size() == 1);
    CHECK(find_run(one.pages[0], "Anna Direktör")->baseline == Approx(kFirstBaseline + 3 * kLine + 12));
    // With room to spare the space is not shrunk.
    const auto roomy = lay(document(small_page(40, 10), body), diagnostics, style);
    CHECK(find_run(roomy.pages[0], "Anna Direktör")->baseline == Approx(kFirstBaseline + 3 * kLine + 24));
    // Where even the shrunk room does not make it fit, the last paragraph
    // goes over with the signatures.
    const auto two = lay(document(small_page(40, 5), body), diagnostics, style);
    REQUIRE(two.pages.size() == 2);
    CHECK(texts(two.pages[1]).front() == "p3");
}

TEST_CASE("keeps: a paragraph in bold alone keeps with two lines of what follows, as a heading", "[layout][keeps]") {
    doc::Blocks body = numbered_paragraphs(4);
    body.push_back(para(doc::Inlines{text("Workshop, juni 2003", true)}));
    body.push_back(para("Text under."));
    body.push_back(para("Mer text."));
    const auto paged = lay(document(small_page(20, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(texts(paged.pages[0]) == std::vector<std::string>{"p1", "p2", "p3", "p4"});
    CHECK(texts(paged.pages[1]) == std::vector<std::string>{"Workshop, juni 2003", "Text under.", "Mer text."});
}
