#include "pdf/font_descriptors.hpp"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <string>

#include "pdf/font_subset.hpp"
#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

void mark(std::vector<std::uint8_t>& bits, unsigned cid) {
    if (cid / 8 >= bits.size()) {
        bits.resize(cid / 8 + 1, 0);
    }
    bits[cid / 8] |= static_cast<std::uint8_t>(0x80U >> (cid % 8));
}

// Marks `code_point` when the subset keeps the glyph it maps to. The lookup
// is libharu's own, as for the CIDToGIDMap it writes.
void mark_if_kept(std::vector<std::uint8_t>& bits, HPDF_FontDef def, unsigned code_point) {
    const auto* attr = static_cast<const HPDF_TTFontDefAttr_Rec*>(def->attr);
    const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(code_point));
    if (gid != 0 && gid < attr->num_glyphs && attr->glyph_tbl.flgs[gid] != 0) {
        mark(bits, code_point);
    }
}

HPDF_FontDef font_definition(HPDF_Font font) {
    const auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    if (attr == nullptr || attr->fontdef == nullptr || attr->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
        throw Error(core::tr("not a libharu TrueType font laid out as in 2.3.0"));
    }
    return attr->fontdef;
}

// What libharu 2.3.0's before-write hook (CIDFontType2_BeforeWrite_Func)
// makes of an embedded TrueType font, in its order, so that the objects
// and their numbers are the same: the /FontFile2 stream, then the
// descriptor. The subset is written from the file in memory (font_subset.hpp)
// instead of by HPDF_TTFontDef_SaveFontData. The hook, run afterwards,
// finds the descriptor made and only names the fonts and links it.
void describe_font(HPDF_Font font, const FontFile& file) {
    const auto* font_attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_FontDef def = font_attr->fontdef;
    auto* def_attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    HPDF_Dict descriptor = HPDF_Dict_New(font->mmgr);
    if (descriptor == nullptr) return;  // the error is the document's; check() reports it
    HPDF_STATUS status = HPDF_OK;
    if (def_attr->embedding) {
        HPDF_Dict data = HPDF_DictStream_New(font->mmgr, font_attr->xref);
        if (data == nullptr) return;
        const std::vector<unsigned char> subset = font_subset(def, file);
        def_attr->length1 = static_cast<HPDF_UINT>(subset.size());
        status += HPDF_Stream_Write(data->stream, subset.data(), static_cast<HPDF_UINT>(subset.size()));
        status += HPDF_Dict_Add(descriptor, "FontFile2", data);
        status += HPDF_Dict_AddNumber(data, "Length1", static_cast<HPDF_INT32>(def_attr->length1));
        status += HPDF_Dict_AddNumber(data, "Length2", 0);
        status += HPDF_Dict_AddNumber(data, "Length3", 0);
        data->filter = font->filter;
    }
    status += HPDF_Xref_Add(font_attr->xref, descriptor);
    status += HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    status += HPDF_Dict_AddNumber(descriptor, "Ascent", def->ascent);
    status += HPDF_Dict_AddNumber(descriptor, "Descent", def->descent);
    status += HPDF_Dict_AddNumber(descriptor, "Flags", static_cast<HPDF_INT32>(def->flags));
    status += HPDF_Dict_Add(descriptor, "FontBBox", HPDF_Box_Array_New(font->mmgr, def->font_bbox));
    status += HPDF_Dict_AddName(descriptor, "FontName", def_attr->base_font);
    status += HPDF_Dict_AddNumber(descriptor, "ItalicAngle", def->italic_angle);
    status += HPDF_Dict_AddNumber(descriptor, "StemV", def->stemv);
    status += HPDF_Dict_AddNumber(descriptor, "XHeight", def->x_height);
    if (status == HPDF_OK) def->descriptor = descriptor;
}

}  // namespace

std::vector<std::uint8_t> cid_set(HPDF_Font font) {
    HPDF_FontDef def = font_definition(font);
    const auto* attr = static_cast<const HPDF_TTFontDefAttr_Rec*>(def->attr);
    std::vector<std::uint8_t> bits;
    mark(bits, 0);
    // Only code points inside a cmap segment can map to a glyph (the same
    // shortcut as FontLibrary's); a format-0 table has only 256 codes.
    // 0xFFFF is the encoder's highest CID, which libharu leaves out of the
    // CIDToGIDMap, so it is never present.
    const HPDF_TTF_CmapRange& cmap = attr->cmap;
    if (cmap.format != 4) {
        for (unsigned cp = 1; cp < 256; ++cp) {
            mark_if_kept(bits, def, cp);
        }
        return bits;
    }
    for (unsigned i = 0; i < cmap.seg_count_x2 / 2U; ++i) {
        for (unsigned cp = cmap.start_count[i]; cp <= cmap.end_count[i] && cp < 0xFFFF; ++cp) {
            mark_if_kept(bits, def, cp);
        }
    }
    return bits;
}

void complete_font_descriptor(HaruDocument& doc, HPDF_Font font, const FontFile& file, bool with_cid_set) {
    HPDF_FontDef def = font_definition(font);
    if (def->descriptor == nullptr) {
        describe_font(font, file);
        doc.check(std::string("write the embedded subset of '") + def->base_font + "'");
        if (font->before_write_fn == nullptr) {
            throw Error(core::tr("libharu's font '{1}' has no before-write hook", std::string(def->base_font)));
        }
        font->before_write_fn(font);
        doc.check(std::string("build the font descriptor of '") + def->base_font + "'");
    }
    if (def->descriptor == nullptr) {
        throw Error(core::tr("libharu built no font descriptor for '{1}'", def->base_font));
    }
    HPDF_Dict_AddNumber(def->descriptor, "CapHeight", def->cap_height);
    if (with_cid_set) {
        const std::vector<std::uint8_t> bits = cid_set(font);
        HPDF_Dict stream = HPDF_DictStream_New(font->mmgr, static_cast<HPDF_FontAttr>(font->attr)->xref);
        doc.check("create the CIDSet stream");
        stream->filter = font->filter;  // compressed as the font file is
        HPDF_Stream_Write(stream->stream, bits.data(), static_cast<HPDF_UINT>(bits.size()));
        HPDF_Dict_Add(def->descriptor, "CIDSet", stream);
    }
    doc.check(std::string("complete the font descriptor of '") + def->base_font + "'");
}

HPDF_Dict font_program(HPDF_Font font) {
    HPDF_FontDef def = font_definition(font);
    if (def->descriptor == nullptr) return nullptr;
    return static_cast<HPDF_Dict>(HPDF_Dict_GetItem(def->descriptor, "FontFile2", HPDF_OCLASS_DICT));
}

}  // namespace pdf
