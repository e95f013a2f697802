#include "pdf/to_unicode.hpp"

#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstdio>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

// A CMap block (begin…end) may hold at most 100 entries (Adobe Technical
// Note #5014, "CMap and CIDFont Files Specification").
constexpr int kMaxRowsPerBlock = 100;

// UTF-16 high and low surrogates (U+D800–U+DFFF) are not characters; the
// UTF-8 encoder never writes those codes.
constexpr bool is_surrogate_block(int high_byte) { return high_byte >= 0xD8 && high_byte <= 0xDF; }

// ISO 32000-1 §9.10.3 (ToUnicode CMaps): one bfrange row per high byte,
// `<XX00> <XXFF> <XX00>`. A single `<0000> <FFFF> <0000>` row would be
// invalid: the two ends of a range may differ only in their last byte
// (Adobe TN #5014; veraPDF issue #1011).
std::string bfrange_rows() {
    int rows[256];
    int count = 0;
    for (int high = 0; high < 256; ++high) {
        if (!is_surrogate_block(high)) {
            rows[count++] = high;
        }
    }
    std::string out;
    char line[40];
    for (int start = 0; start < count; start += kMaxRowsPerBlock) {
        const int block = count - start < kMaxRowsPerBlock ? count - start : kMaxRowsPerBlock;
        out += std::to_string(block) + " beginbfrange\n";
        for (int i = start; i < start + block; ++i) {
            std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", rows[i], rows[i], rows[i]);
            out += line;
        }
        out += "endbfrange\n";
    }
    return out;
}

std::string build_cmap() {
    return "/CIDInit /ProcSet findresource begin\n"
           "12 dict begin\n"
           "begincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           "/CMapName /Adobe-Identity-UCS def\n"
           "/CMapType 2 def\n"
           "1 begincodespacerange\n"
           "<0000> <FFFF>\n"
           "endcodespacerange\n" +
           bfrange_rows() +
           "endcmap\n"
           "CMapName currentdict /CMap defineresource pop\n"
           "end\n"
           "end\n";
}

}  // namespace

const std::string& identity_to_unicode_cmap() {
    static const std::string cmap = build_cmap();
    return cmap;
}

void replace_to_unicode(HPDF_Font font) {
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_Dict stream_dict = attr != nullptr ? attr->cmap_stream : nullptr;
    if (stream_dict == nullptr || stream_dict->stream == nullptr ||
        HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) != stream_dict) {
        throw Error(core::tr("libharu's Type0 font keeps no /ToUnicode stream where 2.3.0 does"));
    }
    HPDF_MemStream_FreeData(stream_dict->stream);
    HPDF_Stream_WriteStr(stream_dict->stream, identity_to_unicode_cmap().c_str());
    // These entries describe the encoding CMap that was replaced; a ToUnicode
    // stream needs none of them.
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) {
        HPDF_Dict_RemoveElement(stream_dict, key);
    }
}

}  // namespace pdf
