#pragma once
// The real metrics of the fonts the PDF embeds, for layout to measure with.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "layout/font_metrics.hpp"
#include "pdf/writer.hpp"

struct hb_font_t;  // HarfBuzz, for the fonts' kerning

namespace pdf {

// Advance widths exactly as libharu writes them into the PDF's /W arrays
// (whole 1/1000 em, truncated), so that what layout measures is what the
// viewer draws. Immutable after load(): one instance may serve any number of
// documents on any number of threads. Pair kerning comes from HarfBuzz,
// which reads both the GPOS kerning and the legacy kern table (libharu reads
// neither: library-notes.md §1.1).
class FontLibrary final : public layout::FontMetrics {
public:
    // Reads every font file once. Throws pdf::Error naming the file when one
    // cannot be loaded.
    static FontLibrary load(const FontFiles& files);

    double advance(layout::FontId font, char32_t code_point) const override;
    bool has_glyph(layout::FontId font, char32_t code_point) const override;
    double ascent(layout::FontId font) const override;
    double descent(layout::FontId font) const override;
    // In whole 1/1000 em, as the PDF's TJ adjustments are written.
    double kerning(layout::FontId font, char32_t left, char32_t right) const override;

    // Number of BMP code points the font maps to a glyph.
    std::size_t glyph_count(layout::FontId font) const;

    // The per-font table, built once from libharu's font definition.
    struct Face {
        static constexpr std::size_t kBmpSize = 0x10000;
        std::vector<std::uint16_t> advances;  // kBmpSize entries, 1/1000 em
        std::vector<std::uint64_t> mapped;    // bit per BMP code point
        std::int16_t ascent = 0;
        std::int16_t descent = 0;

        bool has(char32_t code_point) const {
            return code_point < kBmpSize && ((mapped[code_point >> 6] >> (code_point & 63)) & 1U) != 0;
        }
    };

    using Shaper = std::shared_ptr<hb_font_t>;

private:
    FontLibrary(std::array<Face, layout::kFontCount> faces, std::array<Shaper, layout::kFontCount> shapers)
        : faces_(std::move(faces)), shapers_(std::move(shapers)) {}
    const Face& face(layout::FontId font) const { return faces_[static_cast<std::size_t>(font)]; }

    std::array<Face, layout::kFontCount> faces_;
    std::array<Shaper, layout::kFontCount> shapers_;  // immutable HarfBuzz fonts
};

}  // namespace pdf
