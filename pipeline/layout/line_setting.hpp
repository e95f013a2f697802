#pragma once
// Turns one broken line of ShapedText into positioned text runs (one per
// change of font, link or field) and link areas.
#include <cstdint>
#include <vector>

#include "layout/line_breaking.hpp"
#include "layout/paged_document.hpp"
#include "layout/structure.hpp"
#include "layout/text_shaping.hpp"

namespace layout {

// A text run that holds a page number or count still to be resolved.
struct FieldMark {
    std::uint32_t item = 0;  // index into the items vector
    Field field = Field::None;
};

// Vertical metrics of a line of `text`: where the baseline sits below the
// top of its line box (half-leading model, as CSS).
double baseline_offset(const TextSetting& setting, const FontMetrics& metrics);
inline double baseline_offset(const ShapedText& text, const FontMetrics& metrics) {
    return baseline_offset(text.setting, metrics);
}

// Appends the runs of `line` starting at `x` on `baseline`. With a
// `space_stretch` (justified lines) every word space is that much wider and
// each word becomes a run of its own, placed by layout: PDF word spacing
// does nothing with our fonts (docs/libraries.md §1.1). With `structure`,
// each run and link area is tagged with its element: the current one, or a
// Link element for linked text.
void set_line(const ShapedText& text, const Line& line, double x, double baseline, const FontMetrics& metrics,
              std::vector<Item>& items, std::vector<FieldMark>* fields = nullptr, double space_stretch = 0,
              StructureBuilder* structure = nullptr);

// The stretch per word space that makes `line` exactly `width` wide; 0 when
// it has no word space to stretch.
double space_stretch(const ShapedText& text, const Line& line, double width);

// x of a line of `line_width` within [x, x + width) for an alignment.
double aligned_x(doc::Align align, double x, double width, double line_width);

}  // namespace layout
