// Footnotes: the superscript mark in the line, the note at the foot of the
// page of its reference under a short rule, the body area shortened by the
// notes, and a line moved to the next page together with its note.
#include "layout_support.hpp"

using namespace layout_test;

namespace {

// Notes in the test size (10 pt on 12 pt lines, 6 pt characters), 12 pt
// from the body to the first note, the rule 3 pt above it, no gap between
// notes: a foot of n note lines is 12 + 12 n high.
Style note_style() {
    Style s = fixed_style();
    s.footnote_size = 10;
    s.footnote_leading = 1.2;
    s.footnote_space = 12;
    s.footnote_rule_gap = 3;
    s.footnote_gap = 0;
    return s;
}

PagedDocument lay_notes(const doc::Document& d) {
    core::Diagnostics diagnostics;
    return lay(d, diagnostics, note_style());
}

doc::Footnote note(std::string mark, std::string content) {
    return doc::Footnote{std::move(mark), doc::Inlines{text(std::move(content))}, false};
}

doc::Block noted(std::string before, doc::Footnote footnote) {
    return para(doc::Inlines{text(std::move(before)), std::move(footnote)});
}

// The bottom of the text area of small_page(·, lines).
double area_bottom(int page_lines) { return kTop + page_lines * kLine; }

// The footnote rule of a page: the rule that is an artifact and starts at
// the left margin. Pages in these tests have no other rules.
const Rule* note_rule(const Page& page) {
    for (const Item& item : page.items)
        if (const auto* rule = std::get_if<Rule>(&item.content); rule && item.artifact) return rule;
    return nullptr;
}

// Runs at the body size above `limit` (the rule), or below it (the notes).
std::vector<const TextRun*> runs_above(const Page& page, double limit, bool above) {
    std::vector<const TextRun*> out;
    for (const TextRun* run : runs(page)) {
        if ((run->baseline < limit) == above) out.push_back(run);
    }
    return out;
}

const TextRun* run_with(const Page& page, const std::string& s) { return find_run(page, s, false); }

}  // namespace

TEST_CASE("a footnote mark is set as a superscript in its line", "[layout][footnotes]") {
    const auto paged = lay_notes(document(small_page(30, 10), {noted("ord", note("1", "not"))}));
    REQUIRE(paged.pages.size() == 1);
    const auto* word = run_with(paged.pages[0], "ord");
    REQUIRE(word);
    const TextRun* mark = nullptr;
    for (const TextRun* run : runs(paged.pages[0]))
        if (run->text == "1" && run->baseline < word->baseline) mark = run;
    REQUIRE(mark);
    CHECK(mark->size == Approx(10.0 * 2 / 3));
    CHECK(mark->baseline == Approx(word->baseline - 10.0 / 3));
    CHECK(mark->x == Approx(word->x + word->width));  // right after the word
    CHECK(mark->width == Approx(kChar * 2 / 3));
}

TEST_CASE("a footnote stands at the foot of the page of its reference, under a rule", "[layout][footnotes]") {
    const auto paged = lay_notes(document(small_page(30, 10), {noted("ord", note("1", "not")), para("efter")}));
    REQUIRE(paged.pages.size() == 1);
    const auto& page = paged.pages[0];
    const auto* text = run_with(page, " not");
    REQUIRE(text);
    // One note line at the very bottom: its line box is [138, 150].
    CHECK(text->baseline == Approx(area_bottom(10) - kLine + 1 + 8));
    CHECK(text->x == Approx(kLeft + kChar * 2 / 3));  // after its own superscript mark
    const auto* rule = note_rule(page);
    REQUIRE(rule);
    CHECK(rule->y1 == Approx(area_bottom(10) - kLine - 3));
    CHECK(rule->x1 == Approx(kLeft));
    CHECK(rule->x2 - rule->x1 == Approx(0.4 * 30 * kChar));
    // The note is a Note element, a child of the paragraph with the reference.
    const Item* note_item = nullptr;
    for (const Item& item : page.items)
        if (const auto* run = std::get_if<TextRun>(&item.content); run && run->text == " not") note_item = &item;
    REQUIRE(note_item);
    const auto& element = paged.structure[static_cast<std::size_t>(note_item->structure)];
    CHECK(element.role == Role::Note);
    CHECK(paged.structure[static_cast<std::size_t>(element.parent)].role == Role::P);
    // The mark links to the note, the note's mark back to the reference's line.
    const auto links = items_of<Link>(page);
    REQUIRE(links.size() == 2);
    CHECK(links[0]->target == "#fn-1");
    CHECK(links[1]->target == "#fnref-1");
    const auto anchor =
        std::find_if(paged.anchors.begin(), paged.anchors.end(), [](const Anchor& a) { return a.id == "fn-1"; });
    REQUIRE(anchor != paged.anchors.end());
    CHECK(anchor->page == 0);
    CHECK(anchor->y == Approx(area_bottom(10) - kLine));
    CHECK(anchor->title.empty());  // a link target, not a bookmark
}

TEST_CASE("the notes shorten the body area of their page", "[layout][footnotes]") {
    // 12 one-line paragraphs on 10-line pages; the first has a one-line
    // note, whose foot takes two lines: eight body lines fit on page 1.
    doc::Blocks body = numbered_paragraphs(12);
    body[0] = noted("p1", note("1", "not"));
    const auto paged = lay_notes(document(small_page(30, 10), body));
    REQUIRE(paged.pages.size() == 2);
    const auto* rule = note_rule(paged.pages[0]);
    REQUIRE(rule);
    const auto body_runs = runs_above(paged.pages[0], rule->y1, true);
    CHECK(body_runs.back()->text == "p8");
    CHECK(run_with(paged.pages[1], "p9"));
    CHECK_FALSE(note_rule(paged.pages[1]));
    // Nothing of the body reaches into the foot: the last line's box ends
    // above the space that holds the rule.
    CHECK(body_runs.back()->baseline - 9 + kLine <= area_bottom(10) - 2 * kLine + 1e-6);
}

TEST_CASE("several notes on one page stand in the order of their references", "[layout][footnotes]") {
    doc::Blocks body = numbered_paragraphs(6);
    body[1] = noted("p2", note("1", "första"));
    body[4] = noted("p5", note("2", "andra"));
    const auto paged = lay_notes(document(small_page(30, 10), body));
    REQUIRE(paged.pages.size() == 1);
    const auto& page = paged.pages[0];
    const auto* first = run_with(page, " första");
    const auto* second = run_with(page, " andra");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second->baseline == Approx(first->baseline + kLine));
    CHECK(second->baseline == Approx(area_bottom(10) - kLine + 9));
    const auto* rule = note_rule(page);
    REQUIRE(rule);
    CHECK(rule->y1 == Approx(area_bottom(10) - 2 * kLine - 3));
    for (const TextRun* run : runs_above(page, rule->y1, true)) CHECK(run->baseline - 9 + kLine <= rule->y1);
}

TEST_CASE("a reference near the page bottom moves to the next page with its note", "[layout][footnotes]") {
    // Nine lines fill page 1 but for one; the tenth line's note needs two
    // more: the line and its note go to page 2 together.
    doc::Blocks body = numbered_paragraphs(9);
    body.push_back(noted("p10", note("1", "not")));
    const auto paged = lay_notes(document(small_page(30, 10), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK_FALSE(note_rule(paged.pages[0]));
    CHECK_FALSE(run_with(paged.pages[0], "p10"));
    CHECK(run_with(paged.pages[0], "p9"));
    CHECK(run_with(paged.pages[1], "p10"));
    CHECK(run_with(paged.pages[1], " not"));
    CHECK(note_rule(paged.pages[1]));
}

TEST_CASE("a note longer than the rest of its page continues on the next, nothing lost or overlapping",
          "[layout][footnotes]") {
    // A note of 14 words of 5 characters, one word per line on a 7-character
    // page: 14 note lines on 10-line pages.
    std::string long_note;
    for (int i = 0; i < 14; ++i) long_note += (i ? " ord" : "ord") + std::string(i < 10 ? "0" : "") + std::to_string(i);
    doc::Blocks body{noted("p1", note("1", long_note))};
    for (auto& b : numbered_paragraphs(12, "q")) body.push_back(b);
    const auto paged = lay_notes(document(small_page(7, 10), body));
    REQUIRE(paged.pages.size() >= 2);
    // The note starts on the page of its reference.
    CHECK(run_with(paged.pages[0], "p1"));
    int found = 0;
    for (std::size_t p = 0; p < paged.pages.size(); ++p) {
        const auto& page = paged.pages[p];
        const auto* rule = note_rule(page);
        std::vector<const TextRun*> all = runs(page);
        for (const TextRun* run : all) {
            if (run->text.find("ord") != std::string::npos) ++found;
            if (run->size != 10) continue;  // a raised mark, inside its line's box
            // Inside the text area, below the top margin.
            CHECK(run->baseline - 9 >= kTop - 1e-6);
            CHECK(run->baseline - 9 + kLine <= area_bottom(10) + 1e-6);
        }
        if (!rule) continue;
        for (const TextRun* run : runs_above(page, rule->y1, true)) CHECK(run->baseline - 9 + kLine <= rule->y1);
        // Line boxes below the rule do not overlap one another.
        auto below = runs_above(page, rule->y1, false);
        for (std::size_t a = 0; a < below.size(); ++a)
            for (std::size_t b = a + 1; b < below.size(); ++b)
                if (below[a]->size == 10 && below[b]->size == 10)
                    CHECK(std::abs(below[a]->baseline - below[b]->baseline) >= kLine - 1e-6);
    }
    CHECK(found == 14);
    // The page-1 part of the note and the rest: page 2 has notes too.
    CHECK(note_rule(paged.pages[0]));
    CHECK(note_rule(paged.pages[1]));
    for (int q = 1; q <= 12; ++q) {
        int times = 0;
        for (const auto& page : paged.pages) times += run_with(page, "q" + std::to_string(q)) ? 1 : 0;
        CHECK(times == 1);
    }
}

TEST_CASE("a paragraph that introduces a table stays with the table's first rows", "[layout][keeps]") {
    // Ten-line pages: a heading and a one-line introduction end page 1, the
    // table (head and two rows) would start page 2. They all move.
    doc::Blocks body = numbered_paragraphs(7);
    body.push_back(heading(2, "Rubrik"));
    body.push_back(para("enligt följande:"));
    doc::Table t;
    t.columns = {doc::TableColumn{}, doc::TableColumn{}};
    t.head = {doc::TableRow{{{{text("Namn")}}, {{text("Belopp")}}}}};
    t.body = {doc::TableRow{{{{text("A")}}, {{text("1")}}}}, doc::TableRow{{{{text("B")}}, {{text("2")}}}}};
    body.push_back(doc::Block{t});
    const auto paged = lay_notes(document(small_page(40, 10), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(run_with(paged.pages[0], "p7"));
    CHECK(run_with(paged.pages[1], "Rubrik"));
    CHECK(run_with(paged.pages[1], "enligt följande:"));
    CHECK(run_with(paged.pages[1], "Namn"));
}
