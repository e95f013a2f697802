// layout::dump on a tiny document whose every number was worked out by hand
// (fixed-width glyphs: 6 pt a character at 10 pt, 12 pt lines).
#include "layout_support.hpp"

using namespace layout_test;

namespace {

// Page 140 × 100: text area x 10..130, y 30..90. A heading, a paragraph
// with a link, a page break and a list; a page mark and a running header.
doc::Document two_page_document() {
    auto d = document(small_page(20, 5),
                      {heading(1, "Titel", "1", "titel"),
                       para({text("Hej "), text("du", true), text(" och "), text("dig", false, false, "#titel")}),
                       doc::Block{doc::PageBreak{}}, doc::Block{doc::List{false, 1, {{para("punkt")}}}}});
    d.page.page_mark = {text("Sida "), doc::PageNumber{}, text(" ("), doc::PageCount{}, text(")")};
    d.page.running_header = {text("Beslut")};
    return d;
}

}  // namespace

TEST_CASE("dump of a small two-page document", "[layout][dump]") {
    const auto d = two_page_document();
    // Baselines: first line 30 + 1 + 8 = 39, then 51. Furniture at 30 - 14 = 16;
    // the page mark is 10 characters (60 pt) ending at 130, so x = 70.
    // "Hej " 24 pt: "du" at 34, " och " at 46, "dig" at 76 (link box 43..53).
    const std::string expected =
        "page 1 (140 x 100)\n"
        "  text x=10 y=39 font=SansBold size=10 \"1 Titel\" tag=H1#1\n"
        "  text x=10 y=51 font=SerifRegular size=10 \"Hej \" tag=P#2\n"
        "  text x=34 y=51 font=SerifBold size=10 \"du\" tag=P#2\n"
        "  text x=46 y=51 font=SerifRegular size=10 \" och \" tag=P#2\n"
        "  text x=76 y=51 font=SerifRegular size=10 \"dig\" tag=Link#3\n"
        "  link x=76 y=43 w=18 h=10 \"#titel\" tag=Link#3\n"
        "  text x=70 y=16 font=SansRegular size=10 \"Sida 1 (2)\" artifact\n"
        "page 2 (140 x 100)\n"
        "  text x=10 y=39 font=SerifRegular size=10 \"\u2022\" tag=Lbl#6\n"
        "  text x=28 y=39 font=SerifRegular size=10 \"punkt\" tag=P#8\n"
        "  text x=70 y=16 font=SansRegular size=10 \"Sida 2 (2)\" artifact\n"
        "  text x=10 y=16 font=SansRegular size=10 \"Beslut\" artifact\n"
        "anchor \"titel\" level=1 page=1 y=30 \"1 Titel\"\n"
        // The structure in reading order: the link inside its paragraph,
        // the list item's label beside its body.
        "structure\n"
        "  #0 Document\n"
        "    #1 H1\n"
        "    #2 P\n"
        "      #3 Link\n"
        "    #4 L\n"
        "      #5 LI\n"
        "        #6 Lbl\n"
        "        #7 LBody\n"
        "          #8 P\n";
    CHECK(dump(lay(d)) == expected);
}

TEST_CASE("dump rounds to 0.01 and shows rules and fills", "[layout][dump]") {
    PagedDocument paged;
    paged.pages.push_back(Page{595.276, 841.89, {}});
    paged.pages[0].items.push_back(Item{Rule{70.874, 100.005, 524.4, 100.005, 0.75}, false});
    paged.pages[0].items.push_back(Item{Fill{1, 2, 3, 4, 0.9}, false});
    paged.pages[0].items.push_back(Item{TextRun{-0.001, 5, FontId::SansItalic, 8.5, "a \"b\"", 1, {}}, true});
    CHECK(dump(paged) ==
          "page 1 (595.28 x 841.89)\n"
          "  rule x1=70.87 y1=100.01 x2=524.4 y2=100.01 thickness=0.75\n"
          "  fill x=1 y=2 w=3 h=4 gray=0.9\n"
          "  text x=0 y=5 font=SansItalic size=8.5 \"a \\\"b\\\"\" artifact\n");
}

TEST_CASE("a document laid out from a moved tree gives the same pages, and its body is freed", "[layout][dump]") {
    // The body is freed once its text is set in lines (layout.hpp): the
    // link targets and the page setup the later phases use must not be
    // read from it.
    const auto d = two_page_document();
    const auto kept = layout::dump(lay(d));
    auto moved = d;
    core::Diagnostics diagnostics;
    const FixedWidthMetrics metrics;
    const auto released = layout::lay_out(std::move(moved), metrics, diagnostics, fixed_style());
    CHECK(layout::dump(released) == kept);
    CHECK(moved.body.empty());
    CHECK(moved.page.running_header.size() == 1);
}
