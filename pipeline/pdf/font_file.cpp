#include "pdf/font_file.hpp"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

// A libharu stream reading a font file's bytes in memory, with the file
// reader's behaviour (HPDF_FileReader_ReadFunc): a short read at the end is
// HPDF_STREAM_EOF with the bytes there were.
struct Cursor {
    const std::vector<unsigned char>* bytes;
    std::size_t at = 0;
};

HPDF_STATUS read(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
    auto* cursor = static_cast<Cursor*>(stream->attr);
    const std::size_t left = cursor->at < cursor->bytes->size() ? cursor->bytes->size() - cursor->at : 0;
    const std::size_t count = std::min<std::size_t>(*size, left);
    std::memcpy(out, cursor->bytes->data() + cursor->at, count);
    std::memset(out + count, 0, *size - count);  // only what the file lacks
    cursor->at += count;
    if (count == *size) return HPDF_OK;
    *size = static_cast<HPDF_UINT>(count);
    return HPDF_STREAM_EOF;
}

HPDF_STATUS seek(HPDF_Stream stream, HPDF_INT position, HPDF_WhenceMode mode) {
    auto* cursor = static_cast<Cursor*>(stream->attr);
    const long base = mode == HPDF_SEEK_CUR   ? static_cast<long>(cursor->at)
                      : mode == HPDF_SEEK_END ? static_cast<long>(cursor->bytes->size())
                                              : 0;
    if (base + position < 0) return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
    cursor->at = static_cast<std::size_t>(base + position);
    return HPDF_OK;
}

HPDF_INT32 tell(HPDF_Stream stream) { return static_cast<HPDF_INT32>(static_cast<Cursor*>(stream->attr)->at); }

HPDF_UINT32 size(HPDF_Stream stream) {
    return static_cast<HPDF_UINT32>(static_cast<Cursor*>(stream->attr)->bytes->size());
}

void free_cursor(HPDF_Stream stream) { delete static_cast<Cursor*>(stream->attr); }

HPDF_Stream open_bytes(HPDF_MMgr mmgr, const std::vector<unsigned char>& bytes) {
    auto* cursor = new Cursor{&bytes};
    HPDF_Stream stream = HPDF_CallbackReader_New(mmgr, read, seek, tell, size, cursor);
    if (stream == nullptr) {
        delete cursor;
        return nullptr;
    }
    stream->free_fn = free_cursor;  // HPDF_Stream_Free calls it
    return stream;
}

template <typename T>
bool copy_array(HPDF_MMgr mmgr, T*& target, const T* source, std::size_t count) {
    target = nullptr;
    if (source == nullptr || count == 0) return true;
    target = static_cast<T*>(HPDF_GetMem(mmgr, static_cast<HPDF_UINT>(sizeof(T) * count)));
    if (target == nullptr) return false;
    std::memcpy(target, source, sizeof(T) * count);
    return true;
}

// A deep copy of `source` (libharu 2.3.0's TrueType definition, as
// HPDF_TTFontDef_Load leaves it) in `mmgr`: every array libharu allocates
// while parsing (hpdf_fontdef_tt.c, ParseCMap to ParseName) copied at the
// size it allocates, so that its FreeFunc frees the copy as its own.
HPDF_FontDef copy_definition(HPDF_MMgr mmgr, HPDF_FontDef source, const std::vector<unsigned char>& bytes) {
    HPDF_FontDef def = HPDF_TTFontDef_New(mmgr);
    if (def == nullptr) return nullptr;
    auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
    const auto* from = static_cast<const HPDF_TTFontDefAttr_Rec*>(source->attr);
    const HPDF_Error error = def->error;
    *def = *source;
    def->mmgr = mmgr;
    def->error = error;
    def->attr = attr;
    def->descriptor = nullptr;
    def->data = nullptr;
    *attr = *from;
    // No pointer of the source's may stay in the copy, whatever fails below.
    attr->char_set = nullptr;
    attr->stream = nullptr;
    const unsigned segments = from->cmap.seg_count_x2 / 2U;
    const std::size_t glyph_ids = from->cmap.format == 0 ? 256 : from->cmap.glyph_id_array_count;
    bool ok = copy_array(mmgr, attr->h_metric, from->h_metric, from->num_glyphs);
    ok = copy_array(mmgr, attr->name_tbl.name_records, from->name_tbl.name_records, from->name_tbl.count) && ok;
    ok = copy_array(mmgr, attr->cmap.end_count, from->cmap.end_count, segments) && ok;
    ok = copy_array(mmgr, attr->cmap.start_count, from->cmap.start_count, segments) && ok;
    ok = copy_array(mmgr, attr->cmap.id_delta, from->cmap.id_delta, segments) && ok;
    ok = copy_array(mmgr, attr->cmap.id_range_offset, from->cmap.id_range_offset, segments) && ok;
    ok = copy_array(mmgr, attr->cmap.glyph_id_array, from->cmap.glyph_id_array, glyph_ids) && ok;
    ok = copy_array(mmgr, attr->offset_tbl.table, from->offset_tbl.table, from->offset_tbl.num_tables) && ok;
    ok = copy_array(mmgr, attr->glyph_tbl.flgs, from->glyph_tbl.flgs, from->num_glyphs) && ok;
    ok = copy_array(mmgr, attr->glyph_tbl.offsets, from->glyph_tbl.offsets, from->num_glyphs + 1U) && ok;
    attr->stream = open_bytes(mmgr, bytes);
    if (!ok || attr->stream == nullptr) {
        HPDF_FontDef_Free(def);
        return nullptr;
    }
    return def;
}

}  // namespace

const FontFile& font_file(const std::string& path) {
    // Never freed: the files are few and used until the process ends. The
    // map itself is never destroyed either, so no exit handler frees the
    // libharu document a definition was parsed in while the definition
    // (which that document's own free does not reach) still points into
    // it, and the definitions stay reachable to the end, not leaked. A
    // node-based map keeps every entry where it is as others are added.
    static std::mutex mutex;
    static auto& files = *new std::map<std::string, std::unique_ptr<const FontFile>>;
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = files.find(path); it != files.end()) return *it->second;
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) throw Error(core::tr("cannot read font file '{1}': {2}", path, std::strerror(errno)));
    auto file = std::make_unique<FontFile>();
    file->path = path;
    // One read of the whole file (an istreambuf_iterator copy took a
    // dozen instructions a byte).
    in.seekg(0, std::ios::end);
    const std::streamoff length = in.tellg();
    in.seekg(0, std::ios::beg);
    if (length > 0) {
        file->bytes.resize(static_cast<std::size_t>(length));
        in.read(reinterpret_cast<char*>(file->bytes.data()), length);
    }
    if (!in.good()) throw Error(core::tr("cannot read font file '{1}': {2}", path, std::strerror(errno)));
    file->parsed_in = std::make_unique<HaruDocument>();
    HaruDocument& doc = *file->parsed_in;
    HPDF_Stream stream = open_bytes(doc.get()->mmgr, file->bytes);
    file->parsed = stream != nullptr ? HPDF_TTFontDef_Load(doc.get()->mmgr, stream, HPDF_TRUE) : nullptr;
    doc.check("load font file '" + path + "'");
    if (file->parsed == nullptr) throw Error(core::tr("libharu loaded no font definition from '{1}'", path));
    // Its tables are read from the bytes again for each document's copy.
    HPDF_Stream_Free(static_cast<HPDF_TTFontDefAttr>(file->parsed->attr)->stream);
    static_cast<HPDF_TTFontDefAttr>(file->parsed->attr)->stream = nullptr;
    return *files.emplace(path, std::move(file)).first->second;
}

const char* load_font_definition(HaruDocument& doc, const FontFile& file) {
    // What HPDF_LoadTTFontFromFile does after parsing (LoadTTFontFromStream
    // in hpdf_doc.c, 2.3.0), with the parsing replaced by the copy.
    HPDF_Doc pdf = doc.get();
    HPDF_FontDef def = copy_definition(pdf->mmgr, file.parsed, file.bytes);
    if (def == nullptr) return nullptr;
    if (HPDF_FontDef found = HPDF_Doc_FindFontDef(pdf, def->base_font); found != nullptr) {
        HPDF_FontDef_Free(def);
        return found->base_font;
    }
    if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        HPDF_FontDef_Free(def);
        return nullptr;
    }
    if (pdf->ttfont_tag[0] == 0) {
        std::memcpy(pdf->ttfont_tag, "HPDFAA", 6);
    } else {
        for (int i = 5; i >= 0; --i) {
            pdf->ttfont_tag[i] += 1;
            if (pdf->ttfont_tag[i] > 'Z')
                pdf->ttfont_tag[i] = 'A';
            else
                break;
        }
    }
    HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(pdf->ttfont_tag));
    return def->base_font;
}

}  // namespace pdf
