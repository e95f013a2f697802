// Hyphenation (libhyphen with Debian's hyphen-sv patterns), justification by
// placing words, and pair kerning. Fixed-width metrics: at 10 pt every
// character is 6 pt wide, so every width below is a count of characters.
#include <stdexcept>

#include "layout/hyphenation.hpp"
#include "layout/line_breaking.hpp"
#include "layout_support.hpp"

using namespace layout_test;

namespace {

const Hyphenator& swedish() {
    static const Hyphenator hyphenator(kSwedishHyphenationPatterns);
    return hyphenator;
}

// The word with a '-' at each hyphenation point.
std::string hyphenated(const std::u32string& word) {
    std::vector<bool> points;
    swedish().points(word, points);
    std::string out;
    for (std::size_t k = 0; k < word.size(); ++k) {
        if (points[k]) out += '-';
        append_utf8(out, word[k]);
    }
    return out;
}

PagedDocument lay_hyphenated(const doc::Document& d, const FontMetrics& metrics = FixedWidthMetrics{}) {
    core::Diagnostics diagnostics;
    return lay_out(d, metrics, diagnostics, fixed_style(), &swedish());
}

doc::Block one_cell_table(const std::string& content) {
    doc::Table table;
    table.columns = {doc::TableColumn{doc::Align::Left}};
    table.body = {doc::TableRow{{doc::TableCell{{text(content)}}}}};
    return doc::Block{table};
}

// Glyph advance 600, and "AV" kerned by -100 in the serif regular face only.
class KernedMetrics final : public FontMetrics {
public:
    double advance(FontId, char32_t) const override { return 600.0; }
    bool has_glyph(FontId, char32_t code_point) const override { return code_point < 0x10000; }
    double ascent(FontId) const override { return 800.0; }
    double descent(FontId) const override { return -200.0; }
    double kerning(FontId font, char32_t left, char32_t right) const override {
        return font == FontId::SerifRegular && left == U'A' && right == U'V' ? -100.0 : 0.0;
    }
};

}  // namespace

TEST_CASE("hyphenation: Swedish compounds break at their joints and syllables", "[layout][hyphenation]") {
    // The break points libhyphen finds with hyph_sv_SE.dic used as
    // docs/libraries.md §2 says (lower-cased, in Latin-1).
    CHECK(hyphenated(U"stadsdelsförvaltningarna") == "stads-dels-för-valt-ning-ar-na");
    CHECK(hyphenated(U"försörjningsstöd") == "för-sörj-nings-stöd");
    CHECK(hyphenated(U"bistånd") == "bi-stånd");
    // Upper case gets the same points (the patterns are lower case), and
    // two letters stay on each side.
    CHECK(hyphenated(U"STADSDELSFÖRVALTNINGARNA") == "STADS-DELS-FÖR-VALT-NING-AR-NA");
    CHECK(hyphenated(U"avtal") == "av-tal");
    // A letter outside ISO 8859-1 (the patterns' encoding): no points.
    CHECK(hyphenated(U"łódźkiego") == "łódźkiego");
    CHECK_THROWS_AS(Hyphenator("no/such/patterns.dic"), std::runtime_error);
}

TEST_CASE("hyphenation: a word wider than its table cell breaks at proper points", "[layout][hyphenation][table]") {
    // 14 characters of text width: the cell's inside is 84 - 2 × 4 = 76 pt,
    // room for 12 characters with the hyphen.
    const auto paged = lay_hyphenated(document(small_page(14, 20), {one_cell_table("stadsdelsförvaltningarna")}));
    const auto lines = layout_test::lines(paged.pages.at(0));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "stadsdels-");
    CHECK(lines[1].text == "förvaltning-");
    CHECK(lines[2].text == "arna");
    for (const auto& line : lines) CHECK(line.right <= kLeft + 14 * kChar - 4 + 1e-6);

    // Without patterns the same cell is cut between arbitrary letters.
    const auto cut =
        line_texts(lay(document(small_page(14, 20), {one_cell_table("stadsdelsförvaltningarna")})).pages.at(0));
    CHECK(cut == std::vector<std::string>{"stadsdelsför", "valtningarna"});
}

TEST_CASE("hyphenation: punctuation around a word stays on its side", "[layout][hyphenation][table]") {
    const auto paged = lay_hyphenated(document(small_page(14, 20), {one_cell_table("(stadsdelsförvaltningarna),")}));
    const auto lines = line_texts(paged.pages.at(0));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "(stadsdels-");
    CHECK(lines[1] == "förvaltning-");
    CHECK(lines[2] == "arna),");
}

TEST_CASE("hyphenation: ragged-right body text is never hyphenated", "[layout][hyphenation]") {
    const auto paged = lay_hyphenated(document(small_page(30, 20), {para("Vi ser stadsdelsförvaltningarna i dag.")}));
    CHECK(line_texts(paged.pages.at(0)) == std::vector<std::string>{"Vi ser", "stadsdelsförvaltningarna i", "dag."});
}

TEST_CASE("justification: every line but the last fills the measure, word by word", "[layout][justify]") {
    const auto paged = lay(
        document(small_page(18, 20), {para({text("ett två tre fyra fem sex sju åtta nio tio")}, doc::Align::Justify)}));
    const auto lines = layout_test::lines(paged.pages.at(0));
    REQUIRE(lines.size() == 3);
    // 16 characters of 18: 12 pt more, shared by three spaces of 6 pt each.
    CHECK(lines[0].text == "ett|två|tre|fyra");
    CHECK(lines[1].text == "fem|sex|sju|åtta");
    for (int k = 0; k < 2; ++k) {
        CHECK(lines[static_cast<std::size_t>(k)].x == Approx(kLeft));
        CHECK(lines[static_cast<std::size_t>(k)].right == Approx(kLeft + 18 * kChar));
    }
    const auto* two = find_run(paged.pages[0], "två");
    REQUIRE(two);
    CHECK(two->x == Approx(kLeft + 3 * kChar + kChar + 4));
    // The last line stays ragged and is one run.
    CHECK(lines[2].text == "nio tio");
    CHECK(lines[2].right == Approx(kLeft + 7 * kChar));
}

TEST_CASE("justification: a line ending at a forced break is not stretched", "[layout][justify]") {
    const doc::Inlines content{text("ett två"), doc::LineBreak{}, text("tre fyra fem sex sju")};
    const auto paged = lay(document(small_page(18, 20), {para(content, doc::Align::Justify)}));
    const auto lines = layout_test::lines(paged.pages.at(0));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].text == "ett två");
    CHECK(lines[1].text == "tre|fyra|fem|sex");
    CHECK(lines[1].right == Approx(kLeft + 18 * kChar));
    CHECK(lines[2].text == "sju");
}

TEST_CASE("justification: a line that would be too loose hyphenates the next word", "[layout][justify][hyphenation]") {
    // "Vi ser" alone on 22 characters would stretch its one space by 16
    // characters; "Vi ser stadsdelsför-" is 20, its two spaces take 6 pt each.
    const auto block = para({text("Vi ser stadsdelsförvaltningarna i dag.")}, doc::Align::Justify);
    const auto lines = layout_test::lines(lay_hyphenated(document(small_page(22, 20), {block})).pages.at(0));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "Vi|ser|stadsdelsför-");
    CHECK(lines[0].right == Approx(kLeft + 22 * kChar));
    CHECK(lines[1].text == "valtningarna i dag.");
    // Without patterns the line stays loose rather than cut a word.
    const auto plain = line_texts(lay(document(small_page(22, 20), {block})).pages.at(0));
    CHECK(plain.at(0) == "Vi|ser");
}

TEST_CASE("justification: the stretch limit decides when to hyphenate", "[layout][justify][hyphenation]") {
    const auto block = para({text("Vi ser stadsdelsförvaltningarna i dag.")}, doc::Align::Justify);
    // A limit no line exceeds: "Vi ser" stays alone, stretched to 22.
    Style tolerant = fixed_style();
    tolerant.hyphenate_stretch = 100;
    core::Diagnostics diagnostics;
    static const FixedWidthMetrics metrics;
    const auto paged = lay_out(document(small_page(22, 20), {block}), metrics, diagnostics, tolerant, &swedish());
    const auto lines = layout_test::lines(paged.pages.at(0));
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].text == "Vi|ser");
    CHECK(lines[0].right == Approx(kLeft + 22 * kChar));
    // No point of the next word fits: the loose line stays as it is.
    const auto fem = line_texts(
        lay_hyphenated(document(small_page(18, 20), {para({text("ett två tre fyra femtio")}, doc::Align::Justify)}))
            .pages.at(0));
    CHECK(fem == std::vector<std::string>{"ett|två|tre|fyra", "femtio"});
}

TEST_CASE("kerning: pairs are measured and carried on the run for the painter", "[layout][kerning]") {
    static const KernedMetrics metrics;
    core::Diagnostics diagnostics;
    const auto paged = lay_out(document(small_page(30, 20), {para("AVA VA")}), metrics, diagnostics, fixed_style());
    const auto* run = find_run(paged.pages.at(0), "AVA VA");
    REQUIRE(run);
    CHECK(run->width == Approx(6 * kChar - 1));  // one AV pair: -100/1000 em at 10 pt
    REQUIRE(run->kerns.size() == 1);
    CHECK(run->kerns[0].index == 1);
    CHECK(run->kerns[0].amount == Approx(-100));
}

TEST_CASE("kerning: not across a change of face, nor after the last glyph of a line", "[layout][kerning]") {
    static const KernedMetrics metrics;
    core::Diagnostics diagnostics;
    const auto paged = lay_out(document(small_page(30, 20), {para({text("A"), text("V", true)})}), metrics, diagnostics,
                               fixed_style());
    const auto* v = find_run(paged.pages.at(0), "V");
    REQUIRE(v);
    CHECK(v->x == Approx(kLeft + kChar));

    TextShaper shaper(metrics, diagnostics);
    ShapedText shaped;
    shaper.shape("AV", TextSetting{Family::Serif, 10, 1.2, false}, shaped);
    CHECK(shaped.width(0, 2) == Approx(11));
    CHECK(shaped.line_width(0, 1) == Approx(6));  // a line ending at "A" has no kern
    CHECK(shaped.line_width(0, 2) == Approx(11));
}

TEST_CASE("kerning: the shaper's cache keeps faces and the order of a pair apart", "[layout][kerning]") {
    static const KernedMetrics metrics;
    core::Diagnostics diagnostics;
    TextShaper shaper(metrics, diagnostics);
    for (int asked = 0; asked < 2; ++asked) {  // computed, then from the cache
        CHECK(shaper.kerning(FontId::SerifRegular, U'A', U'V') == -100);
        CHECK(shaper.kerning(FontId::SerifRegular, U'V', U'A') == 0);
        CHECK(shaper.kerning(FontId::SansRegular, U'A', U'V') == 0);
        CHECK(shaper.kerning(FontId::SerifRegular, U'A', U'\u2019') == 0);
    }
}

TEST_CASE("justification: never more than two hyphenated lines in a row", "[layout][justify][hyphenation]") {
    // Each "Vi ser" line would hyphenate the compound after it.
    const std::string word = "stadsdelsförvaltningarna";
    const auto block =
        para({text("Vi ser " + word + " Vi ser " + word + " Vi ser " + word + " Vi ser " + word)}, doc::Align::Justify);
    const auto lines = line_texts(lay_hyphenated(document(small_page(22, 40), {block})).pages.at(0));
    int in_a_row = 0;
    int most = 0;
    int total = 0;
    for (const auto& line : lines) {
        const bool hyphen = !line.empty() && line.back() == '-';
        in_a_row = hyphen ? in_a_row + 1 : 0;
        most = std::max(most, in_a_row);
        total += hyphen ? 1 : 0;
    }
    CHECK(total >= 2);
    CHECK(most <= 2);
}
