// Tables: content-sized columns, alignment, rules, head rows repeated over
// pages, rows kept whole. Cell padding is 4 pt left and right, 2 pt top and
// bottom, so a one-line row is 2 + 12 + 2 = 16 pt high.
#include "layout/table_columns.hpp"
#include "layout_support.hpp"

using namespace layout_test;

namespace {

doc::TableRow row(std::vector<std::string> cells) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back(doc::TableCell{{text(std::move(c))}});
    return r;
}

doc::Table amounts_table() {
    doc::Table t;
    t.columns = {doc::TableColumn{doc::Align::Left}, doc::TableColumn{doc::Align::Right}};
    t.head = {row({"Namn", "Belopp"})};
    t.body = {row({"Ann", "1\u00A0000"}), row({"Bo", "250\u00A0000"})};
    t.foot = {row({"Summa", "251\u00A0000"})};
    return t;
}

constexpr double kRow = 16;

}  // namespace

TEST_CASE("column widths: max-content widths that fit are widened to the text width", "[layout][table]") {
    // Max 40 + 20 = 60 of 120: the 60 left over goes 2 : 1.
    const auto widths = layout::column_widths({{20, 40}, {10, 20}}, 120);
    REQUIRE(widths.size() == 2);
    CHECK(widths[0] == Approx(80));  // 40 + 60 × 40/60
    CHECK(widths[1] == Approx(40));  // 20 + 60 × 20/60
}

TEST_CASE("column widths: a narrow column gets its one-line width before a long one grows", "[layout][table]") {
    // Max 100 + 30 = 130 > 70. Column 1 (max 30) fits on one line beside
    // column 0's minimum (20): it gets 30, column 0 the other 40.
    const auto widths = layout::column_widths({{20, 100}, {10, 30}}, 70);
    CHECK(widths[0] == Approx(40));
    CHECK(widths[1] == Approx(30));
    // Narrowest first: of an administration's name (90) and two amounts (50
    // each) beside a long title (min 70), all three fit on one line in 300;
    // the title takes the 40 left over and wraps.
    const auto four = layout::column_widths({{70, 400}, {60, 90}, {50, 50}, {50, 50}}, 300);
    CHECK(four[1] == Approx(90));
    CHECK(four[2] == Approx(50));
    CHECK(four[0] == Approx(110));
    // When one more does not fit, the widest of them is the one left to wrap.
    const auto tight = layout::column_widths({{70, 400}, {60, 90}, {50, 50}, {50, 50}}, 250);
    CHECK(tight[2] == Approx(50));
    CHECK(tight[3] == Approx(50));
    CHECK(tight[1] < 90);
}

TEST_CASE("column widths: a header is set on one line while a long column has room", "[layout][table]") {
    // "Summa (kr)" (head 60) over short amounts (min 30) beside a title
    // column of 300: the header gets its 60 before the titles grow.
    const std::vector<layout::ColumnNeeds> columns = {{40, 300, 40, 40}, {30, 60, 60, 30}};
    const auto widths = layout::column_widths(columns, 150);
    CHECK(widths[1] == Approx(60));
    CHECK(widths[0] == Approx(90));
    // Where even the headers do not all fit, the slack is shared towards them.
    const auto tight = layout::column_widths({{40, 300, 100, 40}, {30, 60, 60, 30}}, 120);
    CHECK(tight[0] + tight[1] == Approx(120));
    CHECK(tight[0] > 40);
    CHECK(tight[1] > 30);
    CHECK(tight[1] < 60);
}

TEST_CASE("column widths: a header word breaks only when the table cannot be set otherwise", "[layout][table]") {
    // The minima with the header word (50 + 60) do not fit in 100; without
    // it (20 + 60) they do: the header's column gives way, the body's
    // minimum of the other column (an amount) is kept.
    const auto widths = layout::column_widths({{50, 80, 50, 20}, {60, 60, 30, 60}}, 100);
    CHECK(widths[1] == Approx(60));
    CHECK(widths[0] == Approx(40));
}

TEST_CASE("column widths: when not even the min widths fit, they shrink proportionally", "[layout][table]") {
    const auto widths = layout::column_widths({{60, 60}, {40, 40}}, 50);
    CHECK(widths[0] == Approx(30));
    CHECK(widths[1] == Approx(20));
    CHECK(layout::column_widths({{0, 0}, {0, 0}}, 50) == std::vector<double>{25, 25});
}

TEST_CASE("a table spans the text width and amounts are right-aligned to one edge", "[layout][table]") {
    const auto paged = lay(document(small_page(40, 20), {doc::Block{amounts_table()}}));
    const auto& page = paged.pages[0];
    // Column 0: widest "Summa" 30 + 8 = 38; column 1: "250 000" 42 + 8 = 50.
    // 240 - 88 = 152 shared 38 : 50.
    const double col0 = 38 + 152 * 38.0 / 88;
    for (const char* amount : {"Belopp", "1\u00A0000", "250\u00A0000", "251\u00A0000"}) {
        const auto* run = find_run(page, amount);
        REQUIRE(run);
        CHECK(run->x + run->width == Approx(kLeft + 240 - 4));  // right padding
    }
    CHECK(find_run(page, "Ann")->x == Approx(kLeft + 4));
    CHECK(find_run(page, "1\u00A0000")->x == Approx(kLeft + 240 - 4 - 5 * kChar));
    CHECK(col0 > 38);
    CHECK(find_run(page, "Namn")->font == FontId::SerifBold);
    CHECK(find_run(page, "Belopp")->font == FontId::SerifBold);
    CHECK(find_run(page, "Summa")->font == FontId::SerifRegular);               // the template bolds totals, not layout
    CHECK(find_run(page, "Ann")->baseline == Approx(kTop + kRow + 2 + 1 + 8));  // second row
}

TEST_CASE("a table has a rule under the head, above the foot and under the table", "[layout][table]") {
    const auto paged = lay(document(small_page(40, 20), {doc::Block{amounts_table()}}));
    const auto rules = items_of<Rule>(paged.pages[0]);
    REQUIRE(rules.size() == 3);
    const double ys[] = {kTop + kRow, kTop + 3 * kRow, kTop + 4 * kRow};  // after head, before foot, end
    const double thickness[] = {0.75, 0.5, 0.5};
    for (int i = 0; i < 3; ++i) {
        CHECK(rules[i]->y1 == Approx(ys[i]));
        CHECK(rules[i]->y2 == Approx(ys[i]));
        CHECK(rules[i]->x1 == Approx(kLeft));
        CHECK(rules[i]->x2 == Approx(kLeft + 240));
        CHECK(rules[i]->thickness == Approx(thickness[i]));
    }
}

TEST_CASE("a column with long text takes the space the others leave and wraps", "[layout][table]") {
    doc::Table t;
    t.body = {row({"aaaa bbbb cccc dddd", "x"})};
    const auto paged = lay(document(small_page(20, 20), {doc::Block{t}}));
    // Max 19 × 6 + 8 = 122 and 6 + 8 = 14: 136 > 120. Min 24 + 8 = 32 and 14;
    // the 74 left all go to column 0 (max - min 90 against 0): 106 and 14.
    // Column 0 then holds 98 pt = 16 characters per line.
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"aaaa bbbb cccc|x", "dddd"});
    CHECK(find_run(paged.pages[0], "x")->x == Approx(kLeft + 106 + 4));
}

TEST_CASE("the head rows are repeated on every page a table continues on", "[layout][table]") {
    doc::Table t;
    t.head = {row({"Namn", "Belopp"})};
    for (int i = 1; i <= 10; ++i) t.body.push_back(row({"r" + std::to_string(i), std::to_string(i)}));
    // 8 lines = 96 pt = six 16 pt rows: head + 5 body rows per page.
    const auto paged = lay(document(small_page(20, 8), {doc::Block{t}}));
    REQUIRE(paged.pages.size() == 2);
    // The repeated head is an artifact: the table's structure has one head.
    CHECK(line_texts(paged.pages[1]).size() == 5);
    const auto page2 = line_texts(paged.pages[1], true);
    REQUIRE(page2.size() == 6);
    CHECK(page2[0].rfind("Namn|", 0) == 0);
    CHECK(page2[1].rfind("r6|", 0) == 0);
    CHECK(find_run(paged.pages[1], "Namn")->font == FontId::SerifBold);
    CHECK(find_run(paged.pages[1], "Namn")->baseline == Approx(kFirstBaseline + 2));  // + top padding
    const auto rules = items_of<Rule>(paged.pages[1]);
    REQUIRE_FALSE(rules.empty());
    CHECK(rules[0]->y1 == Approx(kTop + kRow));  // the head rule comes along
}

TEST_CASE("the total row is kept with the row above it", "[layout][table]") {
    doc::Table t;
    t.head = {row({"Namn"})};
    for (int i = 1; i <= 5; ++i) t.body.push_back(row({"r" + std::to_string(i)}));
    t.foot = {row({"Summa"})};
    // Head + 5 rows fill the six row places; the foot pulls r5 over.
    const auto paged = lay(document(small_page(20, 8), {doc::Block{t}}));
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[1], true) == std::vector<std::string>{"Namn", "r5", "Summa"});
}

TEST_CASE("a table row is never split over pages", "[layout][table]") {
    doc::Table t;
    for (int i = 1; i <= 5; ++i) t.body.push_back(row({"r" + std::to_string(i)}));
    t.body.push_back(row({"aaaaaaa bbbbbbb ccccccc"}));
    // The column is 60 pt, 52 inside the padding: one 7-letter word a line.
    // 5 × 16 = 80 of 96; the 3-line row (2 + 36 + 2 = 40) does not fit. The
    // table breaks where three rows stand on each side: after r3.
    const auto paged = lay(document(small_page(10, 8), {doc::Block{t}}));
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"r1", "r2", "r3"});
    CHECK(line_texts(paged.pages[1]) == std::vector<std::string>{"r4", "r5", "aaaaaaa", "bbbbbbb", "ccccccc"});
}

TEST_CASE("a row taller than a page is split between its lines", "[layout][table]") {
    std::string cell;
    for (int i = 10; i < 22; ++i) cell += (cell.empty() ? "w" : " w") + std::to_string(i) + "xxxxxx";
    doc::Table t;
    t.body.push_back(row({cell}));
    const auto page = small_page(12, 8);
    const auto paged = lay(document(page, {doc::Block{t}}));
    // 12 lines of 12 pt + 4 padding = 148 > 96. First page: 2 + 7 × 12 = 86.
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[0]).size() == 7);
    CHECK(line_texts(paged.pages[1]).size() == 5);
    for (const auto& p : paged.pages) {
        for (const auto* run : runs(p)) {
            CHECK(run->baseline - 8 >= page.margin_top - 1e-9);
            CHECK(run->baseline + 2 <= page.height - page.margin_bottom + 1e-9);
        }
    }
}
