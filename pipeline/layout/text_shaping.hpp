#pragma once
// From inline runs to measured glyphs: the text of a paragraph is normalised
// to NFC, checked against the fonts, measured code point by code point and
// given its line break opportunities (UAX #14, ICU, Swedish locale). Every
// later phase (line breaking, tables, furniture) works on ShapedText and never
// measures again.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/node.hpp"
#include "layout/font_metrics.hpp"

namespace layout {

enum class Family : std::uint8_t { Serif, Sans };

// How a piece of text is set.
struct TextSetting {
    Family family = Family::Serif;
    double size = 11.5;
    double leading = 1.3;  // line pitch as a multiple of the size
    bool bold = false;     // forced bold: headings, table heads, letterhead titles
    double line_height() const { return size * leading; }
};

FontId font_for(Family family, bool bold, bool italic);

// A page number or count that is only known after pagination.
enum class Field : std::uint8_t { None, PageNumber, PageCount };

// One inline run of the text, as the glyphs refer to it.
struct Span {
    FontId font = FontId::SerifRegular;
    Field field = Field::None;
    const std::string* link = nullptr;  // into the doc tree, which outlives lay_out
    bool artifact = false;
    float hyphen = 0;  // width of the hyphen shown when a line ends at a soft hyphen
    // A footnote mark is set smaller and raised: its size as a share of the
    // text's, its baseline shift upwards in points.
    float scale = 1;
    float rise = 0;
    // The footnote whose mark this is (ShapedText::notes), or -1.
    std::int32_t note = -1;
};

// How footnote marks are set: the superscript's size and rise as shares of
// the text's size.
struct Superscript {
    double scale = 2.0 / 3.0;
    double rise = 1.0 / 3.0;
};

enum class GlyphKind : std::uint8_t {
    Visible,
    Space,       // collapses at the end of a line
    Invisible,   // zero width and never drawn (ZWSP, word joiner, ...)
    SoftHyphen,  // invisible unless the line breaks after it
    HardBreak,   // a forced line break, never drawn
};

struct Glyph {
    char32_t code_point = 0;  // what will be drawn, after substitution
    float advance = 0;        // in points
    std::uint32_t span = 0;
    GlyphKind kind = GlyphKind::Visible;
    // Pair kerning towards the next glyph, in points (negative: closer).
    // Counted in `prefix`; a line that ends here does not include it.
    float kern = 0;
};

enum class Break : std::uint8_t { None, Allowed, Mandatory };

struct ShapedText {
    TextSetting setting;
    std::vector<Span> spans;
    std::vector<Glyph> glyphs;
    // prefix[i]: width of glyphs [0, i), so any range is measured in O(1).
    std::vector<double> prefix;
    // breaks[i]: whether a line may (or must) end before glyph i; size glyphs + 1.
    std::vector<Break> breaks;
    // The footnotes referenced in the text (first references only), which
    // Span::note indexes; they point into the doc tree.
    std::vector<const doc::Footnote*> notes;

    double width(std::size_t begin, std::size_t end) const { return prefix[end] - prefix[begin]; }
    // Width of [begin, end) set as one line: without the kern towards the
    // glyph after it, which lands on the next line.
    double line_width(std::size_t begin, std::size_t end) const {
        return end > begin ? width(begin, end) - glyphs[end - 1].kern : 0.0;
    }
    bool empty() const { return glyphs.empty(); }
};

// Known page numbers for text set after pagination (the page furniture).
struct FieldValues {
    int page = 1;  // 1-based
    int pages = 1;
};

class TextShaper {
public:
    TextShaper(const FontMetrics& metrics, core::Diagnostics& diagnostics, int field_estimate_digits = 2,
               Superscript superscript = {});
    ~TextShaper();
    TextShaper(const TextShaper&) = delete;
    TextShaper& operator=(const TextShaper&) = delete;

    // Without `values`, PageNumber and PageCount become placeholder spans
    // tagged with their Field, measured as `field_estimate_digits` zeros.
    void shape(const doc::Inlines& inlines, const TextSetting& setting, ShapedText& out,
               const FieldValues* values = nullptr, bool artifact = false);
    // A footnote mark links to "<prefix><mark>": the note ("#fn-", the
    // default) or, in the note itself, back to the reference ("#fnref-").
    void link_notes_to(std::string prefix) { note_link_prefix_ = std::move(prefix); }

    // Shapes one plain string (letterhead and signature lines).
    void shape(std::string_view utf8, const TextSetting& setting, ShapedText& out);

    // Cached advance and pair kerning in 1/1000 em; metrics are virtual and
    // may be slow.
    double advance(FontId font, char32_t code_point);
    double kerning(FontId font, char32_t left, char32_t right);
    bool has_glyph(FontId font, char32_t code_point);
    const FontMetrics& metrics() const { return metrics_; }

private:
    struct Impl;
    void begin(const TextSetting& setting, ShapedText& out);
    void append(std::string_view utf8, std::uint32_t span, ShapedText& out);
    void append_code_point(char32_t cp, std::uint32_t span, std::uint32_t utf16_offset, ShapedText& out);
    void finish(ShapedText& out);
    void kern(ShapedText& out);
    void report_missing(const ShapedText& out);
    float hyphen_width(FontId font, double size);

    const FontMetrics& metrics_;
    core::Diagnostics& diagnostics_;
    int field_estimate_digits_;
    Superscript superscript_;
    std::string note_link_prefix_ = "#fn-";
    std::unique_ptr<Impl> impl_;
};

// Appends a code point to a UTF-8 string.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace layout
