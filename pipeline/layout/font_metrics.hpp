#pragma once
// What layout needs to know about fonts, and nothing else. The PDF stage
// implements it with the embedded TrueType fonts' real advance widths; tests
// use FixedWidthMetrics so that every expected width is a simple sum.
#include <cstdint>
#include <string>
#include <string_view>

namespace layout {

// The faces a document may use. Body text is set in the serif family,
// headings and the letterhead in the sans family.
enum class FontId : std::uint8_t {
    SerifRegular,
    SerifBold,
    SerifItalic,
    SerifBoldItalic,
    SansRegular,
    SansBold,
    SansItalic,
    SansBoldItalic,
};
constexpr int kFontCount = 8;
const char* to_string(FontId font);

// The face as a reader names it, in the user's language: "Liberation
// Serif, kursiv" (fuel embeds fonts-liberation2: pdf::FontFiles).
std::string describe(FontId font);

class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // Advance width of one code point in 1/1000 em.
    virtual double advance(FontId font, char32_t code_point) const = 0;
    // Whether the font has a glyph for the code point (layout substitutes a
    // visible replacement for those it lacks).
    virtual bool has_glyph(FontId font, char32_t code_point) const = 0;
    // Ascender and descender (descender negative) in 1/1000 em.
    virtual double ascent(FontId font) const = 0;
    virtual double descent(FontId font) const = 0;
    // Pair kerning in 1/1000 em between two code points set next to each
    // other in one font (negative: closer), 0 for fonts without kerning.
    virtual double kerning(FontId /*font*/, char32_t /*left*/, char32_t /*right*/) const { return 0; }
};

// Width of a UTF-8 string at a size in points: sum of advances, without
// kerning. Layout uses it only for resolved page numbers, which it never
// kerns (they are painted as plain runs).
double text_width(const FontMetrics& metrics, FontId font, std::string_view utf8, double size);

// Every glyph 600/1000 em wide, ascent 800, descent -200: for layout tests.
class FixedWidthMetrics final : public FontMetrics {
public:
    double advance(FontId, char32_t) const override { return 600.0; }
    bool has_glyph(FontId, char32_t code_point) const override { return code_point < 0x10000; }
    double ascent(FontId) const override { return 800.0; }
    double descent(FontId) const override { return -200.0; }
};

}  // namespace layout
