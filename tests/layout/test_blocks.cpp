// Block layout and page breaking: lists, headings and their anchors, links,
// forced page breaks, orphan and widow control.
#include "layout_support.hpp"

using namespace layout_test;

namespace {

// A paragraph of exactly n lines on a 10-character line: 9-character words
// ("L1xxxxxxx"), two of which never fit together (19 > 10).
doc::Block lines_paragraph(int n, const std::string& tag = "L") {
    std::string s;
    for (int i = 1; i <= n; ++i) {
        std::string word = tag + std::to_string(i);
        word += std::string(9 - word.size(), 'x');
        s += (i > 1 ? " " : "") + word;
    }
    return para(s);
}

doc::Block list(bool ordered, int start, std::vector<doc::Blocks> items) {
    return doc::Block{doc::List{ordered, start, std::move(items)}};
}

std::vector<std::string> first_words(const Page& page) {
    std::vector<std::string> out;
    for (const auto& line : line_texts(page)) out.push_back(line.substr(0, line.find_first_of("x ")));
    return out;
}

}  // namespace

TEST_CASE("list items hang after their marker and continuation lines align with the text", "[layout][list]") {
    // 20 chars = 120 pt; the item text gets 120 - 18 = 102 pt = 17 chars.
    const auto paged =
        lay(document(small_page(20, 20), {list(true, 1, {{para("aaaa bbbb cccc dddd eeee")}, {para("ffff")}})}));
    const auto& page = paged.pages[0];
    const auto found = lines(page);
    REQUIRE(found.size() == 3);
    // "aaaa bbbb cccc" = 14; "+ dddd" = 19 > 17.
    CHECK(found[0].text == "1.|aaaa bbbb cccc");
    CHECK(found[1].text == "dddd eeee");
    CHECK(found[2].text == "2.|ffff");
    CHECK(find_run(page, "1.")->x == Approx(kLeft));
    CHECK(find_run(page, "aaaa bbbb cccc")->x == Approx(kLeft + 18));
    CHECK(find_run(page, "dddd eeee")->x == Approx(kLeft + 18));
    CHECK(find_run(page, "1.")->baseline == Approx(find_run(page, "aaaa bbbb cccc")->baseline));
}

TEST_CASE("a nested list indents by one more gutter", "[layout][list]") {
    const auto paged = lay(document(
        small_page(30, 20), {list(false, 1, {{para("outer"), list(false, 1, {{para("inner")}, {para("second")}})}})}));
    const auto& page = paged.pages[0];
    CHECK(find_run(page, "\u2022")->x == Approx(kLeft));
    CHECK(find_run(page, "outer")->x == Approx(kLeft + 18));
    CHECK(find_run(page, "inner")->x == Approx(kLeft + 36));
    CHECK(find_run(page, "second")->x == Approx(kLeft + 36));
    const auto bullets = [&] {
        std::vector<double> xs;
        for (const auto* run : runs(page))
            if (run->text == "\u2022") xs.push_back(run->x);
        return xs;
    }();
    CHECK(bullets == std::vector<double>{kLeft, kLeft + 18, kLeft + 18});
}

TEST_CASE("an ordered list starts at its start and keeps counting on the next page", "[layout][list]") {
    std::vector<doc::Blocks> items;
    for (int i = 0; i < 8; ++i) items.push_back({para("item")});
    // 5 lines per page: items 3..7 on page 1, 8..10 on page 2.
    const auto paged = lay(document(small_page(20, 5), {list(true, 3, items)}));
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[0]) ==
          std::vector<std::string>{"3.|item", "4.|item", "5.|item", "6.|item", "7.|item"});
    // "10." is 3 × 6 = 18 pt, the whole gutter: no gap before the text.
    CHECK(line_texts(paged.pages[1]) == std::vector<std::string>{"8.|item", "9.|item", "10.item"});
    CHECK(find_run(paged.pages[1], "8.")->x == Approx(kLeft));
    CHECK(find_run(paged.pages[1], "8.")->baseline == Approx(kFirstBaseline));
}

TEST_CASE("a heading is never the last line of a page", "[layout][pages]") {
    // 5 lines per page: p1..p4 fill four; the heading would take the fifth,
    // alone: it moves to page 2 with its paragraph.
    doc::Blocks body = numbered_paragraphs(4);
    body.push_back(heading(2, "Rubrik"));
    body.push_back(lines_paragraph(2));
    const auto paged = lay(document(small_page(10, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"p1", "p2", "p3", "p4"});
    CHECK(first_words(paged.pages[1]) == std::vector<std::string>{"Rubrik", "L1", "L2"});
    CHECK(find_run(paged.pages[1], "Rubrik")->font == FontId::SansBold);
}

TEST_CASE("a heading keeps at least two lines of what follows", "[layout][pages]") {
    // p1, p2, heading, then a 4-line paragraph: two of its lines fit on page 1
    // and two go over, so the heading stays.
    doc::Blocks body = numbered_paragraphs(2);
    body.push_back(heading(3, "Rubrik"));
    body.push_back(lines_paragraph(4));
    const auto paged = lay(document(small_page(10, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(first_words(paged.pages[0]) == std::vector<std::string>{"p1", "p2", "Rubrik", "L1", "L2"});
    CHECK(first_words(paged.pages[1]) == std::vector<std::string>{"L3", "L4"});
}

TEST_CASE("orphan control: one line alone at the bottom moves the paragraph", "[layout][pages]") {
    doc::Blocks body = numbered_paragraphs(4);
    body.push_back(lines_paragraph(4));
    const auto paged = lay(document(small_page(10, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[0]).size() == 4);
    CHECK(first_words(paged.pages[1]) == std::vector<std::string>{"L1", "L2", "L3", "L4"});
}

TEST_CASE("widow control: one line alone at the top pulls another over", "[layout][pages]") {
    // Three lines would fit after p1, p2, leaving L4 alone: L3 goes with it.
    doc::Blocks body = numbered_paragraphs(2);
    body.push_back(lines_paragraph(4));
    const auto paged = lay(document(small_page(10, 5), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(first_words(paged.pages[0]) == std::vector<std::string>{"p1", "p2", "L1", "L2"});
    CHECK(first_words(paged.pages[1]) == std::vector<std::string>{"L3", "L4"});
}

TEST_CASE("a paragraph longer than a page runs over several pages", "[layout][pages]") {
    const auto paged = lay(document(small_page(10, 5), {lines_paragraph(12)}));
    // 5 + 5 + 2: the last page keeps two lines, as widow control asks.
    REQUIRE(paged.pages.size() == 3);
    CHECK(line_texts(paged.pages[0]).size() == 5);
    CHECK(line_texts(paged.pages[1]).size() == 5);
    CHECK(line_texts(paged.pages[2]).size() == 2);
}

TEST_CASE("a page break forces a new page, but a leading one makes no blank page", "[layout][pages]") {
    const auto paged = lay(document(
        small_page(10, 20), {doc::Block{doc::PageBreak{}}, para("one"), doc::Block{doc::PageBreak{}}, para("two")}));
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"one"});
    CHECK(line_texts(paged.pages[1]) == std::vector<std::string>{"two"});
    CHECK(find_run(paged.pages[1], "two")->baseline == Approx(kFirstBaseline));
}

TEST_CASE("space between paragraphs is dropped at the top of a page", "[layout][pages]") {
    auto style = fixed_style();
    style.paragraph_space = 6;
    core::Diagnostics diagnostics;
    // 4 lines per page = 48 pt: 12 + 6 + 12 + 6 + 12 = 48 fits three paragraphs.
    const auto paged = lay(document(small_page(10, 4), numbered_paragraphs(4)), diagnostics, style);
    REQUIRE(paged.pages.size() == 2);
    CHECK(find_run(paged.pages[0], "p2")->baseline == Approx(kFirstBaseline + 18));
    CHECK(find_run(paged.pages[0], "p3")->baseline == Approx(kFirstBaseline + 36));
    CHECK(find_run(paged.pages[1], "p4")->baseline == Approx(kFirstBaseline));
}

TEST_CASE("headings print their number and yield anchors with page and position", "[layout][anchors]") {
    const auto paged =
        lay(document(small_page(30, 20), {heading(1, "Inledning", "1", "inledning"), para("text"),
                                          doc::Block{doc::PageBreak{}}, para("more"), heading(2, "Bakgrund", "2.1")}));
    REQUIRE(paged.pages.size() == 2);
    CHECK(find_run(paged.pages[0], "1 Inledning"));
    REQUIRE(paged.anchors.size() == 2);
    CHECK(paged.anchors[0].id == "inledning");
    CHECK(paged.anchors[0].title == "1 Inledning");
    CHECK(paged.anchors[0].level == 1);
    CHECK(paged.anchors[0].page == 0);
    CHECK(paged.anchors[0].y == Approx(kTop));
    CHECK(paged.anchors[1].id.empty());
    CHECK(paged.anchors[1].title == "2.1 Bakgrund");
    CHECK(paged.anchors[1].level == 2);
    CHECK(paged.anchors[1].page == 1);
    CHECK(paged.anchors[1].y == Approx(kTop + kLine));  // under "more"
}

TEST_CASE("a linked run gets a link area over its text, one per line when it wraps", "[layout][links]") {
    auto paged =
        lay(document(small_page(30, 20),
                     {para({text("se "), text("webben", false, false, "https://start.stockholm"), text(" nu")})}));
    auto links = items_of<Link>(paged.pages[0]);
    REQUIRE(links.size() == 1);
    CHECK(links[0]->target == "https://start.stockholm");
    CHECK(links[0]->x == Approx(kLeft + 3 * kChar));   // after "se "
    CHECK(links[0]->width == Approx(6 * kChar));       // "webben"
    CHECK(links[0]->y == Approx(kFirstBaseline - 8));  // ascent 800/1000 × 10
    CHECK(links[0]->height == Approx(10));             // (800 + 200)/1000 × 10

    // 8 chars: "aa bbbb" | "cccc": the link wraps and gets two areas.
    paged = lay(document(small_page(8, 20), {para({text("aa "), text("bbbb cccc", false, false, "#bilaga")})}));
    links = items_of<Link>(paged.pages[0]);
    REQUIRE(links.size() == 2);
    CHECK(links[0]->x == Approx(kLeft + 3 * kChar));
    CHECK(links[0]->width == Approx(4 * kChar));  // trailing space not included
    CHECK(links[1]->x == Approx(kLeft));
    CHECK(links[1]->y == Approx(kFirstBaseline + kLine - 8));
    CHECK(links[1]->target == "#bilaga");
}

TEST_CASE("a bold word inside a link makes one link area", "[layout][links]") {
    const auto paged =
        lay(document(small_page(30, 20), {para({text("se ", false, false, "#x"), text("mer", true, false, "#x")})}));
    const auto links = items_of<Link>(paged.pages[0]);
    REQUIRE(links.size() == 1);
    CHECK(links[0]->width == Approx(6 * kChar));
}
