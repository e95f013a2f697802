#pragma once
// The real metrics of the fonts the PDF embeds, for layout to measure with.
#include <array>
#include <atomic>
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
// neither: docs/libraries.md §1.1).
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

    // The pair kerning of the code points most Swedish text is made of, kept
    // for as long as the library: HarfBuzz shapes each pair once, not once
    // per document. Filled in as pairs are first asked for, by any thread.
    class KerningCache {
    public:
        KerningCache();
        // The kerning of a pair the cache holds a place for, computed by
        // `compute` on the first call; `compute` for any other pair.
        template <typename Compute>
        double get(layout::FontId font, char32_t left, char32_t right, Compute&& compute);

    private:
        // Latin-1 and general punctuation (dashes, quotes, the ellipsis).
        static constexpr std::size_t kSlots = 0x100 + 0x30;
        static std::size_t slot(char32_t c) {
            if (c < 0x100) return c;
            if (c >= 0x2000 && c < 0x2030) return 0x100 + (c - 0x2000);
            return kSlots;
        }
        // Kerning + 0x8000 per pair and face; 0 for a pair not yet computed.
        std::unique_ptr<std::atomic<std::uint16_t>[]> pairs_;
    };

private:
    FontLibrary(std::array<Face, layout::kFontCount> faces, std::array<Shaper, layout::kFontCount> shapers)
        : faces_(std::move(faces)), shapers_(std::move(shapers)), kerning_(std::make_shared<KerningCache>()) {}
    const Face& face(layout::FontId font) const { return faces_[static_cast<std::size_t>(font)]; }

    std::array<Face, layout::kFontCount> faces_;
    std::array<Shaper, layout::kFontCount> shapers_;  // immutable HarfBuzz fonts
    std::shared_ptr<KerningCache> kerning_;
};

template <typename Compute>
double FontLibrary::KerningCache::get(layout::FontId font, char32_t left, char32_t right, Compute&& compute) {
    const std::size_t l = slot(left), r = slot(right);
    if (l == kSlots || r == kSlots) return compute();
    // Relaxed: the value depends on the pair alone, so two threads that
    // compute it at once store the same.
    std::atomic<std::uint16_t>& cell = pairs_[(static_cast<std::size_t>(font) * kSlots + l) * kSlots + r];
    if (const std::uint16_t known = cell.load(std::memory_order_relaxed); known != 0) return known - 0x8000;
    const double value = compute();
    if (value > -0x8000 && value < 0x8000 && value == static_cast<int>(value))
        cell.store(static_cast<std::uint16_t>(static_cast<int>(value) + 0x8000), std::memory_order_relaxed);
    return value;
}

}  // namespace pdf
