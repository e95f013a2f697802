#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "pdf/font_library.hpp"
#include "sample_documents.hpp"

using layout::FontId;
using pdf_test::liberation;

namespace {

// Sum of advances in 1/1000 em, decoding UTF-8 here so that the check does
// not depend on the code under test for decoding.
double em_width(FontId font, std::u32string_view text) {
    double total = 0;
    for (char32_t cp : text) {
        total += liberation().advance(font, cp);
    }
    return total;
}

}  // namespace

TEST_CASE("widths match libharu's HPDF_Font_TextWidth for Liberation Sans", "[font_library]") {
    // The reference numbers were measured with HPDF_Font_TextWidth
    // (docs/libraries.md §1.1), independently of this code.
    CHECK(em_width(FontId::SansRegular, U"åäö") == 1668);
    CHECK(em_width(FontId::SansRegular, U"ÅÄÖ") == 2109);
    CHECK(em_width(FontId::SansRegular, U"\u2013") == 556);
    CHECK(em_width(FontId::SansRegular, U"Stadsdelsförvaltningarna – årsredovisning") == 18613);
    CHECK(em_width(FontId::SansRegular, U"Försörjningsstöd ökade med 12 % år 2024") == 18834);
    CHECK(em_width(FontId::SansRegular, U"AVTAL Tåg Vägar") == 8107);
    CHECK(em_width(FontId::SansRegular, U"To Yes WA") == 5051);
}

TEST_CASE("single advances are those of the right face", "[font_library]") {
    CHECK(liberation().advance(FontId::SansRegular, U'å') == 556);
    CHECK(liberation().advance(FontId::SansRegular, U'M') > liberation().advance(FontId::SansRegular, U'i'));
    CHECK(liberation().advance(FontId::SerifRegular, U'M') > liberation().advance(FontId::SerifRegular, U'i'));
    // Bold is wider than regular for the same letter in Sans ("i": 277 vs 222).
    CHECK(liberation().advance(FontId::SansBold, U'i') > liberation().advance(FontId::SansRegular, U'i'));
    // Serif and Sans differ: "a" is 443 in Liberation Serif, 556 in Sans.
    CHECK(liberation().advance(FontId::SerifRegular, U'a') == 443);
    CHECK(liberation().advance(FontId::SansRegular, U'a') == 556);
}

TEST_CASE("glyph coverage of Liberation", "[font_library]") {
    for (int f = 0; f < layout::kFontCount; ++f) {
        const auto font = static_cast<FontId>(f);
        INFO("font " << f);
        CHECK_FALSE(liberation().has_glyph(font, U'\u2011'));  // non-breaking hyphen: missing
        CHECK(liberation().has_glyph(font, U'\u00A0'));
        CHECK(liberation().has_glyph(font, U'\u2212'));  // minus sign
        CHECK(liberation().has_glyph(font, U'\u20AC'));  // euro sign
        CHECK(liberation().has_glyph(font, U'Ö'));
        CHECK_FALSE(liberation().has_glyph(font, U'\U0001F600'));     // beyond the BMP
        CHECK_FALSE(liberation().has_glyph(font, char32_t{0xD800}));  // a surrogate
        // Liberation 2 maps about 2 300 BMP code points per face.
        CHECK(liberation().glyph_count(font) > 2000);
        CHECK(liberation().glyph_count(font) < 3000);
    }
}

TEST_CASE("a missing glyph measures as .notdef, beyond the BMP as a space", "[font_library]") {
    // libharu draws .notdef for U+2011 and a space for non-BMP characters.
    const double notdef = liberation().advance(FontId::SansRegular, U'\u2011');
    CHECK(notdef > 0);
    CHECK(notdef == liberation().advance(FontId::SansRegular, U'\u0378'));  // unassigned
    CHECK(liberation().advance(FontId::SansRegular, U'\U0001F600') == liberation().advance(FontId::SansRegular, U' '));
}

TEST_CASE("ascent and descent are the font descriptor's", "[font_library]") {
    // hhea ascender 1854 and descender -434 at 2048 units per em, truncated.
    CHECK(liberation().ascent(FontId::SansRegular) == 905);
    CHECK(liberation().descent(FontId::SansRegular) == -211);
    CHECK(liberation().ascent(FontId::SerifRegular) == 891);
    CHECK(liberation().descent(FontId::SerifRegular) == -216);
}

TEST_CASE("a font file that does not exist is a pdf::Error naming the file", "[font_library]") {
    pdf::FontFiles files = pdf::FontFiles::liberation();
    files.paths[2] = "/nonexistent/NoSuchFont-Italic.ttf";
    try {
        (void)pdf::FontLibrary::load(files);
        FAIL("no exception");
    } catch (const pdf::Error& error) {
        CHECK_THAT(error.what(), Catch::Contains("/nonexistent/NoSuchFont-Italic.ttf"));
        CHECK_THAT(error.what(), Catch::Contains("No such file or directory"));
    }
}

TEST_CASE("a file that is not a font is a pdf::Error naming the file", "[font_library]") {
    pdf::FontFiles files = pdf::FontFiles::liberation();
    files.paths[0] = FUEL_SOURCE_DIR "/CMakeLists.txt";
    CHECK_THROWS_WITH(pdf::FontLibrary::load(files), Catch::Contains("CMakeLists.txt"));
}

TEST_CASE("one file may serve several faces", "[font_library]") {
    pdf::FontFiles files = pdf::FontFiles::liberation();
    for (std::string& path : files.paths) {
        path = files.paths[static_cast<std::size_t>(FontId::SansRegular)];
    }
    const pdf::FontLibrary library = pdf::FontLibrary::load(files);
    CHECK(library.advance(FontId::SerifBold, U'a') == 556);
}

// Speed is measured by the benchmarks under bench/, never by a timed test.
TEST_CASE("the library is safe to share between threads", "[font_library]") {
    const pdf::FontLibrary library = pdf::FontLibrary::load(pdf::FontFiles::liberation());

    std::vector<double> totals(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < totals.size(); ++t) {
        threads.emplace_back([&library, &totals, t] {
            for (char32_t cp = 0; cp < 0x10000; ++cp) {
                totals[t] += library.advance(FontId::SerifRegular, cp);
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (double total : totals) {
        CHECK(total == totals[0]);
    }
}

TEST_CASE("kerning kept for the process is what each pair gives asked first, in any order", "[font_library][kerning]") {
    // Two libraries fill their caches in opposite orders: a pair stored in
    // another pair's place (the order of the two, the face) would answer
    // with that pair's kerning in one of them.
    const auto files = pdf::FontFiles::liberation();
    const auto forwards = pdf::FontLibrary::load(files);
    const auto backwards = pdf::FontLibrary::load(files);
    const std::u32string letters = U"AVTWYaoy.,\u00C5\u00E4\u2013\u201D";
    struct Pair {
        FontId font;
        char32_t left, right;
    };
    std::vector<Pair> pairs;
    for (const FontId font : {FontId::SerifRegular, FontId::SansBold, FontId::SerifItalic})
        for (const char32_t left : letters)
            for (const char32_t right : letters) pairs.push_back({font, left, right});
    std::vector<double> first(pairs.size()), second(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i)
        first[i] = forwards.kerning(pairs[i].font, pairs[i].left, pairs[i].right);
    for (std::size_t i = pairs.size(); i-- > 0;)
        second[i] = backwards.kerning(pairs[i].font, pairs[i].left, pairs[i].right);
    std::size_t differ_by_order = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        INFO(static_cast<int>(pairs[i].font) << " U+" << std::hex << static_cast<unsigned>(pairs[i].left) << " U+"
                                             << static_cast<unsigned>(pairs[i].right));
        CHECK(first[i] == second[i]);
        // Asked again, from the cache.
        CHECK(forwards.kerning(pairs[i].font, pairs[i].left, pairs[i].right) == first[i]);
        const Pair& p = pairs[i];
        if (forwards.kerning(p.font, p.right, p.left) != first[i]) ++differ_by_order;
    }
    // The pairs can tell a key that mixes up the order of the two.
    CHECK(differ_by_order > 0);
    CHECK(forwards.kerning(FontId::SerifRegular, U'A', U'V') < 0);
}
