#include "pdf/font_cmap.hpp"

#include <hpdf_fontdef.h>
#include <hpdf_utils.h>

#include <cstdint>
#include <vector>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

// One segment of a format-4 table (OpenType spec, 'cmap' format 4): codes
// start..end map to code + delta (mod 65 536), no glyph index array.
struct Segment {
    std::uint16_t start, end;
    std::int16_t delta;
};

template <typename T>
T* copy_to_haru(HPDF_FontDef def, const std::vector<T>& values) {
    // libharu frees these with its own memory manager (the font
    // definition's free function), so they are allocated with it.
    auto* memory = static_cast<T*>(HPDF_GetMem(def->mmgr, static_cast<HPDF_UINT>(sizeof(T) * values.size())));
    if (memory == nullptr) throw Error(core::tr("libharu could not allocate a font's character map (out of memory)"));
    for (std::size_t i = 0; i < values.size(); ++i) memory[i] = values[i];
    return memory;
}

}  // namespace

void restrict_cmap(HPDF_FontDef def, const CodePoints& used) {
    if (def == nullptr || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
        throw Error(core::tr("not a libharu TrueType font definition"));
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_TTF_CmapRange& cmap = attr->cmap;
    if (cmap.format != 4) return;

    // Consecutive codes whose glyphs are consecutive share a segment.
    std::vector<Segment> segments;
    for (std::uint32_t code = 0; code < 0xFFFF; ++code) {
        if (!used[code]) continue;
        const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(code));
        if (glyph == 0) continue;  // not in the font: .notdef either way
        const auto delta = static_cast<std::int16_t>(static_cast<std::uint16_t>(glyph - code));
        if (!segments.empty() && segments.back().end + 1U == code && segments.back().delta == delta) {
            segments.back().end = static_cast<std::uint16_t>(code);
        } else {
            segments.push_back(Segment{static_cast<std::uint16_t>(code), static_cast<std::uint16_t>(code), delta});
        }
    }
    // The table must end with a segment for 0xFFFF (libharu's lookup stops
    // at the first segment whose end is not below the code), mapped to
    // glyph 0.
    segments.push_back(Segment{0xFFFF, 0xFFFF, 1});
    if (segments.size() > 0x7FFF) return;  // seg_count_x2 is 16 bits; keep the full table

    std::vector<HPDF_UINT16> starts, ends, range_offsets(segments.size(), 0);
    std::vector<HPDF_INT16> deltas;
    for (const Segment& s : segments) {
        starts.push_back(s.start);
        ends.push_back(s.end);
        deltas.push_back(s.delta);
    }
    HPDF_UINT16* new_ends = copy_to_haru(def, ends);
    HPDF_UINT16* new_starts = copy_to_haru(def, starts);
    HPDF_INT16* new_deltas = copy_to_haru(def, deltas);
    HPDF_UINT16* new_offsets = copy_to_haru(def, range_offsets);
    HPDF_FreeMem(def->mmgr, cmap.end_count);
    HPDF_FreeMem(def->mmgr, cmap.start_count);
    HPDF_FreeMem(def->mmgr, cmap.id_delta);
    HPDF_FreeMem(def->mmgr, cmap.id_range_offset);
    cmap.end_count = new_ends;
    cmap.start_count = new_starts;
    cmap.id_delta = new_deltas;
    cmap.id_range_offset = new_offsets;
    cmap.seg_count_x2 = static_cast<HPDF_UINT16>(segments.size() * 2);
    // The glyph index array stays allocated (libharu frees it) but unused:
    // no segment has a range offset.
}

}  // namespace pdf
