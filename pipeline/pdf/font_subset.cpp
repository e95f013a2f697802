#include "pdf/font_subset.hpp"

#include <hpdf_fontdef.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

using Bytes = std::vector<unsigned char>;

// The tables libharu 2.3.0 writes, in its order (REQUIRED_TAGS in
// hpdf_fontdef_tt.c); a table the font lacks is written empty.
constexpr std::array<const char*, 13> kTables = {"OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea",
                                                 "hmtx", "loca", "maxp", "name", "post", "prep"};

// TrueType is big-endian (OpenType spec, "Data types").
void put16(Bytes& out, std::uint16_t value) {
    out.push_back(static_cast<unsigned char>(value >> 8));
    out.push_back(static_cast<unsigned char>(value));
}

void put32(Bytes& out, std::uint32_t value) {
    put16(out, static_cast<std::uint16_t>(value >> 16));
    put16(out, static_cast<std::uint16_t>(value));
}

void put_bytes(Bytes& out, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

class Subset {
public:
    Subset(HPDF_FontDef def, const FontFile& file)
        : attr_(*static_cast<const HPDF_TTFontDefAttr_Rec*>(def->attr)), file_(file) {}

    Bytes write() {
        // The tables first, as libharu writes them to a scratch stream: the
        // directory in front of them needs their checksums.
        std::array<std::uint32_t, kTables.size()> offsets{}, lengths{};
        std::size_t checksum_at = 0;
        for (std::size_t i = 0; i < kTables.size(); ++i) {
            const std::string tag = kTables[i];
            const HPDF_TTFTable* table = find(tag);
            offsets[i] = static_cast<std::uint32_t>(tables_.size());
            if (tag == "head") {
                checksum_at = head();
            } else if (tag == "glyf") {
                glyf();
            } else if (tag == "loca") {
                loca();
            } else if (tag == "name") {
                name(table);
            } else if (table != nullptr) {
                copy(table->offset, table->length);
            }
            lengths[i] = static_cast<std::uint32_t>(tables_.size() - offsets[i]);
        }

        Bytes out;
        out.reserve(kDirectorySize + tables_.size());
        put32(out, attr_.offset_tbl.sfnt_version);
        put16(out, static_cast<std::uint16_t>(kTables.size()));
        put16(out, attr_.offset_tbl.search_range);
        put16(out, attr_.offset_tbl.entry_selector);
        put16(out, attr_.offset_tbl.range_shift);
        for (std::size_t i = 0; i < kTables.size(); ++i) {
            put_bytes(out, kTables[i], 4);
            put32(out, checksum(offsets[i], lengths[i]));
            put32(out, offsets[i] + kDirectorySize);
            put32(out, lengths[i]);
        }
        // 'head' checkSumAdjustment as libharu computes it: 0xB1B0AFBA less
        // the sum of the tables' whole words (not the directory's, and not a
        // last word shorter than four bytes, which its read loop drops).
        std::uint32_t adjustment = 0xB1B0AFBA;
        for (std::size_t at = 0; at + 4 <= tables_.size(); at += 4) adjustment -= word(at, 4);
        for (int b = 0; b < 4; ++b)
            tables_[checksum_at + static_cast<std::size_t>(b)] = static_cast<unsigned char>(adjustment >> (24 - 8 * b));
        out.insert(out.end(), tables_.begin(), tables_.end());
        return out;
    }

private:
    static constexpr std::uint32_t kDirectorySize = 12 + 16 * kTables.size();

    const HPDF_TTFTable* find(const std::string& tag) const {
        for (HPDF_UINT i = 0; i < attr_.offset_tbl.num_tables; ++i)
            if (std::memcmp(attr_.offset_tbl.table[i].tag, tag.data(), 4) == 0) return &attr_.offset_tbl.table[i];
        return nullptr;
    }

    // The file's bytes [offset, offset + length), appended to the tables.
    void copy(std::uint64_t offset, std::uint64_t length) {
        if (offset + length > file_.bytes.size())
            throw Error(core::tr("the font file '{1}' ends inside one of its tables", file_.path));
        const auto* from = file_.bytes.data() + offset;
        tables_.insert(tables_.end(), from, from + length);
    }

    // A big-endian word of up to four bytes at `at`, zero-padded.
    std::uint32_t word(std::size_t at, std::size_t size) const {
        std::uint32_t value = 0;
        for (std::size_t b = 0; b < 4; ++b) value = value << 8 | (b < size ? tables_[at + b] : 0U);
        return value;
    }

    std::uint32_t checksum(std::uint32_t offset, std::uint32_t length) const {
        std::uint32_t sum = 0;
        for (std::uint32_t at = 0; at < length; at += 4)
            sum += word(offset + at, std::min<std::uint32_t>(4, length - at));
        return sum;
    }

    // libharu's WriteHeader: the parsed 'head' fields, checkSumAdjustment 0
    // for now. Returns where checkSumAdjustment is.
    std::size_t head() {
        const HPDF_TTF_FontHeader& h = attr_.header;
        put_bytes(tables_, h.version_number, 4);
        put32(tables_, h.font_revision);
        const std::size_t checksum_at = tables_.size();
        put32(tables_, 0);
        put32(tables_, h.magic_number);
        put16(tables_, h.flags);
        put16(tables_, h.units_per_em);
        put_bytes(tables_, h.created, 8);
        put_bytes(tables_, h.modified, 8);
        for (const HPDF_INT16 v : {h.x_min, h.y_min, h.x_max, h.y_max}) put16(tables_, static_cast<std::uint16_t>(v));
        put16(tables_, h.mac_style);
        put16(tables_, h.lowest_rec_ppem);
        for (const HPDF_INT16 v : {h.font_direction_hint, h.index_to_loc_format, h.glyph_data_format})
            put16(tables_, static_cast<std::uint16_t>(v));
        return checksum_at;
    }

    // libharu's RecreateGLYF: the glyphs marked used, in glyph order; an
    // unused glyph becomes empty (its offset the next one's).
    void glyf() {
        const bool short_offsets = attr_.header.index_to_loc_format == 0;
        const std::size_t start = tables_.size();
        std::uint32_t saved = 0;
        new_offsets_.assign(attr_.num_glyphs + 1U, 0);
        for (unsigned i = 0; i < attr_.num_glyphs; ++i) {
            if (attr_.glyph_tbl.flgs[i] != 1) {
                new_offsets_[i] = saved;
                continue;
            }
            HPDF_UINT offset = attr_.glyph_tbl.offsets[i];
            HPDF_UINT length = attr_.glyph_tbl.offsets[i + 1] - offset;
            new_offsets_[i] = static_cast<std::uint32_t>(tables_.size() - start);
            if (short_offsets) {
                new_offsets_[i] /= 2;
                length *= 2;
                offset *= 2;
            }
            copy(std::uint64_t{offset} + attr_.glyph_tbl.base_offset, length);
            saved = static_cast<std::uint32_t>(tables_.size() - start);
            if (short_offsets) saved /= 2;
        }
        new_offsets_[attr_.num_glyphs] = saved;
    }

    void loca() {
        for (const std::uint32_t offset : new_offsets_) {
            if (attr_.header.index_to_loc_format == 0)
                put16(tables_, static_cast<std::uint16_t>(offset));
            else
                put32(tables_, offset);
        }
    }

    // libharu's RecreateName: every record kept, the family (1) and full
    // (4) names prefixed with the subset tag, in UTF-16 for the Unicode and
    // Windows platforms (0, 3) and in bytes for the others.
    void name(const HPDF_TTFTable* table) {
        const HPDF_TTF_NamingTable& names = attr_.name_tbl;
        put16(tables_, names.format);
        put16(tables_, names.count);
        put16(tables_, names.string_offset);
        // The records follow the header, the strings the records; copy()
        // appends to tables_, so the strings are gathered there meanwhile.
        Bytes written, records;
        std::swap(written, tables_);
        for (unsigned i = 0; i < names.count; ++i) {
            const HPDF_TTF_NameRecord& record = names.name_records[i];
            HPDF_UINT length = record.length;
            const auto at = static_cast<std::uint16_t>(tables_.size());
            if (record.name_id == 1 || record.name_id == 4) {
                if (record.platform_id == 0 || record.platform_id == 3) {
                    put_bytes(tables_, attr_.tag_name2, sizeof attr_.tag_name2);
                    length += sizeof attr_.tag_name2;
                } else {
                    put_bytes(tables_, attr_.tag_name, sizeof attr_.tag_name);
                    length += sizeof attr_.tag_name;
                }
            }
            for (const HPDF_UINT16 v : {record.platform_id, record.encoding_id, record.language_id, record.name_id})
                put16(records, v);
            put16(records, static_cast<std::uint16_t>(length));
            put16(records, at);
            if (table == nullptr) throw Error(core::tr("the font file '{1}' has no name table", file_.path));
            copy(std::uint64_t{table->offset} + names.string_offset + record.offset, record.length);
        }
        Bytes strings;
        std::swap(strings, tables_);
        tables_ = std::move(written);
        tables_.insert(tables_.end(), records.begin(), records.end());
        tables_.insert(tables_.end(), strings.begin(), strings.end());
    }

    const HPDF_TTFontDefAttr_Rec& attr_;
    const FontFile& file_;
    Bytes tables_;
    std::vector<std::uint32_t> new_offsets_;
};

}  // namespace

std::vector<unsigned char> font_subset(HPDF_FontDef def, const FontFile& file) {
    if (def == nullptr || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
        throw Error(core::tr("not a libharu TrueType font definition"));
    return Subset(def, file).write();
}

}  // namespace pdf
