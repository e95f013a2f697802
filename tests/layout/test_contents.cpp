// The table of contents in layout: entries with their numbers, titles, dot
// leaders and the page numbers of their headings, known only after
// pagination. Fixed-width metrics: a character is 6 pt, a line 12 pt.
#include "layout_support.hpp"

using namespace layout_test;

namespace {

doc::ContentsEntry entry(int level, std::string number, std::string title, std::string id) {
    return doc::ContentsEntry{level, std::move(number), std::move(id), doc::Inlines{text(std::move(title))}};
}

// `n` sections "1 Avsnitt 1" ... each a heading and `lines` one-line
// paragraphs, preceded by their table of contents (and a page break).
doc::Document sections(int n, int lines, bool break_after_contents, doc::PageSetup page) {
    doc::TableOfContents toc{2, 2, {}};
    doc::Blocks sections;
    for (int i = 1; i <= n; ++i) {
        const std::string number = std::to_string(i);
        toc.entries.push_back(entry(2, number, "Avsnitt " + number, "s" + number));
        sections.push_back(heading(2, "Avsnitt " + number, number, "s" + number));
        for (int k = 0; k < lines; ++k) sections.push_back(para("text"));
    }
    doc::Blocks body{doc::Block{toc}};
    if (break_after_contents) body.push_back(doc::Block{doc::PageBreak{}});
    body.insert(body.end(), sections.begin(), sections.end());
    return document(std::move(page), std::move(body));
}

// The page (1-based) on which the heading "n Avsnitt n" is drawn.
int page_of_heading(const PagedDocument& paged, int n) {
    const std::string title = std::to_string(n) + " Avsnitt " + std::to_string(n);
    for (std::size_t p = 0; p < paged.pages.size(); ++p)
        if (find_run(paged.pages[p], title, false)) return static_cast<int>(p) + 1;
    return 0;
}

// The page numbers the table of contents shows, in entry order: the last
// run of each line that holds a leader.
std::vector<int> shown_page_numbers(const PagedDocument& paged) {
    std::vector<int> shown;
    for (const Page& page : paged.pages)
        for (const TextLine& line : lines(page, true))  // the leaders are artifacts
            if (line.text.find(". .") != std::string::npos)
                shown.push_back(std::stoi(line.text.substr(line.text.rfind('|') + 1)));
    return shown;
}

}  // namespace

TEST_CASE("contents: number, title, aligned dot leaders and the page number, the entry a link") {
    const doc::TableOfContents toc{2,
                                   3,
                                   {entry(2, "1", "Bakgrund", "a"), entry(3, "1.1", "Syfte", "b"),
                                    entry(2, "2", "Beslut", "c"), entry(2, "", "Bilagor", "d")}};
    const auto paged = lay(
        document(small_page(30, 10), {doc::Block{toc}, doc::Block{doc::PageBreak{}}, heading(2, "Bakgrund", "1", "a"),
                                      heading(3, "Syfte", "1.1", "b"), doc::Block{doc::PageBreak{}},
                                      heading(2, "Beslut", "2", "c"), heading(2, "Bilagor", "", "d")}));
    REQUIRE(paged.pages.size() == 3);
    const Page& page = paged.pages[0];
    const double right = kLeft + 30 * kChar;
    // Level 2: "1" in a column one digit and the 6 pt gap wide; level 3
    // indented by 18 pt, its column "1.1" wide.
    const TextRun* one = find_run(page, "1");
    REQUIRE(one);
    CHECK(one->x == Approx(kLeft));
    CHECK(find_run(page, "Bakgrund")->x == Approx(kLeft + kChar + 6));
    CHECK(find_run(page, "1.1")->x == Approx(kLeft + 18));
    CHECK(find_run(page, "Syfte")->x == Approx(kLeft + 18 + 3 * kChar + 6));
    CHECK(find_run(page, "Bilagor")->x == Approx(kLeft));  // no number: no number column
    const auto shown = lines(page);
    REQUIRE(shown.size() == 4);
    std::vector<int> numbers;
    for (const auto& line : shown) {
        numbers.push_back(std::stoi(line.text.substr(line.text.rfind('|') + 1)));
        CHECK(line.right == Approx(right));  // page numbers right-aligned
    }
    CHECK(numbers == std::vector<int>{2, 2, 3, 3});
    // Leaders: on a 12 pt grid (". " is two characters) so that the dots of
    // all entries stand in columns; clear of the title and of the
    // three-digit page column.
    for (const TextRun* run : runs(page)) {
        if (run->text.rfind(". ", 0) != 0) continue;
        CHECK(std::fmod(run->x, 2 * kChar) == Approx(0).margin(1e-6));
        CHECK(run->x + run->width <= right - 3 * kChar - 4 + 1e-6);
    }
    const auto links = items_of<Link>(page);
    REQUIRE(links.size() == 4);
    CHECK(links[0]->target == "#a");
    CHECK(links[1]->target == "#b");
    CHECK(links[2]->target == "#c");
    CHECK(links[0]->x == Approx(kLeft));
    CHECK(links[0]->x + links[0]->width == Approx(right));
    CHECK(links[1]->x == Approx(kLeft + 18));
    CHECK(links[0]->height == Approx(kLine));
}

TEST_CASE("contents: a long title wraps beside its number and the page number stands on its last line") {
    const doc::TableOfContents toc{2, 2, {entry(2, "1", "Ett mycket långt avsnitt om fördelningen", "a")}};
    const auto paged = lay(document(small_page(30, 10), {doc::Block{toc}, heading(2, "Kort", "1", "a")}));
    const auto shown = lines(paged.pages[0]);
    REQUIRE(shown.size() >= 3);  // two lines of the entry, then the heading
    CHECK(shown[0].text.find(". ") == std::string::npos);
    CHECK(shown[1].x == Approx(kLeft + kChar + 6));  // hanging under the title
    CHECK(shown[1].text.substr(shown[1].text.rfind('|') + 1) == "1");
    CHECK(items_of<Link>(paged.pages[0]).front()->height == Approx(2 * kLine));
    // Every title character stays left of the page column.
    for (const TextRun* run : runs(paged.pages[0]))
        if (run->text != "1" && run->baseline < shown[2].baseline)
            CHECK(run->x + run->width <= kLeft + 30 * kChar - 3 * kChar + 1e-6);
}

TEST_CASE("contents: every page number is the page its heading landed on") {
    // Eight-line pages, sections of a heading and three lines: the table
    // itself takes the first pages and pushes everything after it down.
    for (int n : {5, 8, 9, 17, 30}) {
        for (bool page_break : {false, true}) {
            CAPTURE(n, page_break);
            const auto paged = lay(sections(n, 3, page_break, small_page(30, 8)));
            const auto shown = shown_page_numbers(paged);
            REQUIRE(shown.size() == static_cast<std::size_t>(n));
            for (int i = 1; i <= n; ++i) {
                CAPTURE(i);
                CHECK(shown[static_cast<std::size_t>(i - 1)] == page_of_heading(paged, i));
            }
        }
    }
}

TEST_CASE("contents: a table of contents that grows by a page shifts every page number by one") {
    // Eight entries fill the first eight-line page; a ninth sends one entry,
    // and with the page break all sections, one page further.
    const auto before = lay(sections(8, 3, true, small_page(30, 8)));
    const auto after = lay(sections(9, 3, true, small_page(30, 8)));
    const auto shown_before = shown_page_numbers(before);
    const auto shown_after = shown_page_numbers(after);
    REQUIRE(shown_before.size() == 8);
    REQUIRE(shown_after.size() == 9);
    CHECK(shown_before.front() == 2);
    CHECK(shown_after.front() == 3);
    for (std::size_t i = 0; i < 8; ++i) CHECK(shown_after[i] == shown_before[i] + 1);
    CHECK(after.pages.size() == before.pages.size() + 2);  // one for the table, one for section 9
}
