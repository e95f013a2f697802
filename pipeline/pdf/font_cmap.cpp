#include "pdf/font_cmap.hpp"

#include <hpdf_fontdef.h>
#include <hpdf_utils.h>

#include <cstdint>
#include <vector>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

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

    // The glyph of every code point the text uses, by the full table.
    std::vector<HPDF_UINT16> glyphs;
    std::uint32_t first = 0, last = 0;
    for (std::uint32_t code = 0; code < 0xFFFF; ++code) {
        if (!used[code]) continue;
        const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(code));
        if (glyph == 0) continue;  // not in the font: .notdef either way
        if (glyphs.empty()) first = code;
        glyphs.resize(code - first + 1, 0);  // the codes between, unused, get glyph 0
        glyphs[code - first] = glyph;
        last = code;
    }

    // Format 4 (OpenType spec, 'cmap'): a segment whose idRangeOffset is
    // not 0 takes its glyphs from the glyph index array, 0 meaning none.
    // One such segment spans the first to the last code point used, so
    // libharu's lookup, which scans the segments in order for the first
    // whose end is not below the code (HPDF_TTFontDef_GetGlyphid), stops
    // at the first or the second: HPDF_GetFont looks up all 65 536 codes
    // of the UTF-8 encoder, and a segment per run of used codes made that
    // a scan of dozens of segments each. The table must end with a segment
    // for 0xFFFF, mapped to glyph 0.
    //   libharu's index (2.3.0): idRangeOffset / 2 + (code - start) -
    // (segments - i); with 2 segments and the array segment first (i = 0)
    // an offset of 4 makes it code - start. It reads the entry at index
    // `count` when asked for it, so the array has one entry more.
    std::vector<HPDF_UINT16> starts, ends, range_offsets;
    std::vector<HPDF_INT16> deltas;
    if (!glyphs.empty()) {
        starts.push_back(static_cast<HPDF_UINT16>(first));
        ends.push_back(static_cast<HPDF_UINT16>(last));
        deltas.push_back(0);
        range_offsets.push_back(4);
        glyphs.push_back(0);
    }
    starts.push_back(0xFFFF);
    ends.push_back(0xFFFF);
    deltas.push_back(1);
    range_offsets.push_back(0);

    HPDF_UINT16* new_ends = copy_to_haru(def, ends);
    HPDF_UINT16* new_starts = copy_to_haru(def, starts);
    HPDF_INT16* new_deltas = copy_to_haru(def, deltas);
    HPDF_UINT16* new_offsets = copy_to_haru(def, range_offsets);
    HPDF_UINT16* new_glyphs = glyphs.empty() ? nullptr : copy_to_haru(def, glyphs);
    HPDF_FreeMem(def->mmgr, cmap.end_count);
    HPDF_FreeMem(def->mmgr, cmap.start_count);
    HPDF_FreeMem(def->mmgr, cmap.id_delta);
    HPDF_FreeMem(def->mmgr, cmap.id_range_offset);
    if (cmap.glyph_id_array != nullptr) HPDF_FreeMem(def->mmgr, cmap.glyph_id_array);
    cmap.end_count = new_ends;
    cmap.start_count = new_starts;
    cmap.id_delta = new_deltas;
    cmap.id_range_offset = new_offsets;
    cmap.glyph_id_array = new_glyphs;
    cmap.glyph_id_array_count = static_cast<HPDF_UINT>(glyphs.empty() ? 0 : glyphs.size() - 1);
    cmap.seg_count_x2 = static_cast<HPDF_UINT16>(starts.size() * 2);
}

}  // namespace pdf
