// Line breaking: UAX #14 opportunities, greedy fit, emergency breaks,
// NFC, missing glyphs. Page text areas are given in characters (6 pt each).
#include "layout_support.hpp"

using namespace layout_test;

TEST_CASE("a paragraph breaks greedily at spaces and trailing spaces do not count", "[layout][lines]") {
    // 10 characters = 60 pt per line.
    const auto paged = lay(document(small_page(10, 20), {para("aaaa bbbb cccc dddddd ee")}));
    REQUIRE(paged.pages.size() == 1);
    const auto found = lines(paged.pages[0]);
    // "aaaa bbbb" = 9 chars; adding " cccc" would make 14.
    // "cccc dddddd" = 11 > 10, so "cccc" alone; "dddddd ee" = 9.
    REQUIRE(found.size() == 3);
    CHECK(found[0].text == "aaaa bbbb");
    CHECK(found[1].text == "cccc");
    CHECK(found[2].text == "dddddd ee");
    CHECK(found[0].x == Approx(kLeft));
    CHECK(found[0].right == Approx(kLeft + 9 * kChar));  // 10 + 54
    CHECK(found[0].baseline == Approx(kFirstBaseline));  // 30 + 1 + 8
    CHECK(found[1].baseline == Approx(kFirstBaseline + kLine));
    CHECK(found[2].baseline == Approx(kFirstBaseline + 2 * kLine));
}

TEST_CASE("a line that fits exactly is kept and the spaces after it are dropped", "[layout][lines]") {
    // "aaaaa bbbb" is exactly 10 chars = 60 pt; the three spaces after it hang.
    const auto paged = lay(document(small_page(10, 20), {para("aaaaa bbbb   cc")}));
    const auto found = line_texts(paged.pages[0]);
    REQUIRE(found == std::vector<std::string>{"aaaaa bbbb", "cc"});
    const auto* run = find_run(paged.pages[0], "aaaaa bbbb");
    REQUIRE(run);
    CHECK(run->width == Approx(60));
}

TEST_CASE("numbers grouped with U+00A0 never break", "[layout][lines]") {
    // 11 chars: "Summa 4 000" would fit (11) if U+00A0 allowed a break.
    const std::string amount = "4\u00A0000\u00A0000";
    const auto paged = lay(document(small_page(11, 20), {para("Summa " + amount + " kr")}));
    const auto found = line_texts(paged.pages[0]);
    // "Summa 4 000 000" = 15 > 11: the amount moves whole; "4 000 000 kr" = 12 > 11.
    REQUIRE(found == std::vector<std::string>{"Summa", amount, "kr"});
}

TEST_CASE("a line may break after a hyphen and after a dash", "[layout][lines]") {
    // 10 chars: "ord-med-" = 8 fits, "ord-med-streck" = 14 does not.
    auto paged = lay(document(small_page(10, 20), {para("ord-med-streck")}));
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"ord-med-", "streck"});
    // En dash between years: "2002–2003" (9) in 6 chars breaks after the dash.
    paged = lay(document(small_page(6, 20), {para("2002\u20132003")}));
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"2002\u2013", "2003"});
}

TEST_CASE("a word wider than the line is broken between characters, within the margin", "[layout][lines]") {
    const auto page = small_page(10, 20);
    const auto paged = lay(document(page, {para("ab abcdefghijklmnopqrstuvwxyz cd")}));
    const auto found = lines(paged.pages[0]);
    std::vector<std::string> texts;
    for (const auto& l : found) texts.push_back(l.text);
    // The long word starts on its own line and is cut every 10 characters;
    // its tail shares a line with what follows ("uvwxyz cd" = 9).
    REQUIRE(texts == std::vector<std::string>{"ab", "abcdefghij", "klmnopqrst", "uvwxyz cd"});
    for (const auto& l : found) CHECK(l.right <= page.width - page.margin_right + 1e-9);
}

TEST_CASE("a word may change style mid-word without becoming breakable", "[layout][lines]") {
    // 8 chars. If "bbb"|"cc" were breakable, "aaaa bbb" (8) would fit on line 1.
    const auto paged =
        lay(document(small_page(8, 20), {para({text("aaaa "), text("bbb", true), text("cc", false, true)})}));
    const auto found = line_texts(paged.pages[0]);
    REQUIRE(found == std::vector<std::string>{"aaaa", "bbbcc"});
    const auto* bold = find_run(paged.pages[0], "bbb");
    const auto* italic = find_run(paged.pages[0], "cc");
    REQUIRE(bold);
    REQUIRE(italic);
    CHECK(bold->font == FontId::SerifBold);
    CHECK(italic->font == FontId::SerifItalic);
    CHECK(bold->x == Approx(kLeft));
    CHECK(italic->x == Approx(kLeft + 3 * kChar));  // right after "bbb"
}

TEST_CASE("bold and italic map to the four serif faces", "[layout][lines]") {
    const auto paged = lay(document(
        small_page(40, 20), {para({text("r "), text("b ", true), text("i ", false, true), text("bi", true, true)})}));
    const auto& page = paged.pages[0];
    CHECK(find_run(page, "r ")->font == FontId::SerifRegular);
    CHECK(find_run(page, "b ")->font == FontId::SerifBold);
    CHECK(find_run(page, "i ")->font == FontId::SerifItalic);
    CHECK(find_run(page, "bi")->font == FontId::SerifBoldItalic);
}

TEST_CASE("a hard line break starts a new line even when the text would fit", "[layout][lines]") {
    const auto paged = lay(document(small_page(30, 20), {para({text("Handläggare"), doc::LineBreak{}, text("Ann")})}));
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"Handläggare", "Ann"});
}

TEST_CASE("right and centred paragraphs are aligned within the text width", "[layout][lines]") {
    const auto paged = lay(document(small_page(10, 20),
                                    {para({text("abcd")}, doc::Align::Right), para({text("ab")}, doc::Align::Center)}));
    const auto& page = paged.pages[0];
    CHECK(find_run(page, "abcd")->x == Approx(kLeft + 60 - 24));  // right edge at 70
    CHECK(find_run(page, "ab")->x == Approx(kLeft + (60 - 12) / 2.0));
}

TEST_CASE("a soft hyphen is invisible unless the line breaks there", "[layout][lines]") {
    const std::string word = "för\u00ADsörjning";  // för-sörjning
    auto paged = lay(document(small_page(20, 20), {para(word)}));
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"försörjning"});
    // 6 chars: "för-" (4) fits, the hyphen is shown and measured.
    paged = lay(document(small_page(6, 20), {para(word)}));
    const auto found = lines(paged.pages[0]);
    REQUIRE(found.size() >= 2);
    CHECK(found[0].text == "för-");
    CHECK(found[0].right == Approx(kLeft + 4 * kChar));
}

TEST_CASE("text is normalised to NFC before it is measured", "[layout][lines]") {
    // "a" + COMBINING DIAERESIS is one character "ä" after NFC: 6 pt, not 12.
    const auto paged = lay(document(small_page(20, 20), {para("a\u0308r")}));
    const auto* run = find_run(paged.pages[0], "\u00E4r");
    REQUIRE(run);
    CHECK(run->width == Approx(2 * kChar));
}

TEST_CASE("a character the font lacks is replaced visibly and reported", "[layout][lines]") {
    // FixedWidthMetrics has no glyph beyond the BMP.
    core::Diagnostics diagnostics;
    const auto paged = lay(document(small_page(30, 20), {para("Hej gl\U0001F600d v\u00E4n")}), diagnostics);
    const auto found = line_texts(paged.pages[0]);
    REQUIRE(found == std::vector<std::string>{"Hej gl\uFFFDd v\u00E4n"});
    REQUIRE(diagnostics.warning_count() == 1);
    const std::string& message = diagnostics.items()[0].message;
    CHECK(message.find("U+1F600") != std::string::npos);
    CHECK(message.find("gl\U0001F600d") != std::string::npos);
    CHECK(diagnostics.items()[0].severity == core::Severity::Warning);
}

namespace {

// A font that lacks "ö" and has no U+FFFD either.
class NoReplacementMetrics final : public layout::FontMetrics {
public:
    double advance(layout::FontId, char32_t) const override { return 600; }
    bool has_glyph(layout::FontId, char32_t cp) const override { return cp != U'ö' && cp != 0xFFFD; }
    double ascent(layout::FontId) const override { return 800; }
    double descent(layout::FontId) const override { return -200; }
};

}  // namespace

TEST_CASE("without U+FFFD in the font a question mark stands in", "[layout][lines]") {
    core::Diagnostics diagnostics;
    const NoReplacementMetrics metrics;
    const auto paged =
        layout::lay_out(document(small_page(30, 20), {para("bröd")}), metrics, diagnostics, fixed_style());
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"br?d"});
    REQUIRE(diagnostics.warning_count() == 1);
    CHECK(diagnostics.items()[0].message.find("U+00F6") != std::string::npos);
    CHECK(diagnostics.items()[0].message.find("\"bröd\"") != std::string::npos);
}

TEST_CASE("text_width sums advances and to_string names the faces", "[layout][lines]") {
    const layout::FixedWidthMetrics metrics;
    CHECK(layout::text_width(metrics, layout::FontId::SerifRegular, "åäö", 10) == Approx(18));  // 3 × 6
    CHECK(layout::text_width(metrics, layout::FontId::SerifRegular, "", 10) == 0);
    CHECK(std::string(layout::to_string(layout::FontId::SerifBoldItalic)) == "SerifBoldItalic");
    CHECK(std::string(layout::to_string(layout::FontId::SansBold)) == "SansBold");
}
