#include "ingest/text_decoding.hpp"
#include "core/messages.hpp"

#include <unicode/ucnv.h>

#include <cstdint>
#include <cstdio>
#include <optional>

namespace ingest {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr const char* kSaveAs = core::tr_noop("save it as UTF-8 (CSV UTF-8) or Windows-1252");

unsigned char byte_at(std::string_view text, std::size_t pos) { return static_cast<unsigned char>(text[pos]); }

std::string hex_byte(unsigned char b) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(b));
    return buffer;
}

// Line and column of byte `offset`, counting line ends as the CSV reader does
// (CRLF, LF, lone CR). Columns count characters: one per byte in a
// single-byte encoding, one per UTF-8 lead byte otherwise.
core::SourceLocation locate(std::string_view bytes, std::size_t offset, const std::string& file, bool single_byte) {
    core::SourceLocation where{file, 1, 1};
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
            ++where.line;
            where.column = 1;
        } else if (c != '\r' && (single_byte || (byte_at(bytes, i) & 0xC0) != 0x80)) {
            ++where.column;
        }
    }
    return where;
}

// The byte-order marks of the encodings Excel can also save ("Unicode text").
// UTF-32LE is tested before UTF-16LE because its mark starts with UTF-16LE's.
std::optional<std::string> wide_encoding(std::string_view bytes) {
    if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\x00\x00", 4)) return "UTF-32";
    if (bytes.substr(0, 4) == std::string_view("\x00\x00\xFE\xFF", 4)) return "UTF-32";
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16";
    return std::nullopt;
}

std::size_t first_ill_formed(std::string_view text) {
    char32_t ignored = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = decode_utf8(text, pos, ignored);
        if (length == 0) return pos;
        pos += length;
    }
    return std::string_view::npos;
}

// Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, and text
// exports hold no C0 controls but TAB, LF and CR; either means the bytes are
// something else (UTF-16 without a mark, a spreadsheet, an image).
std::size_t first_implausible_1252(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const unsigned char b = byte_at(bytes, i);
        const bool undefined = b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
        const bool control = (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
        if (undefined || control) return i;
    }
    return std::string_view::npos;
}

std::optional<std::string> windows_1252_to_utf8(std::string_view bytes) {
    // Every Windows-1252 byte becomes at most 3 UTF-8 bytes (U+20AC and the
    // other 0x80-0x9F punctuation); ucnv_convert takes int32_t lengths.
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX / 3 - 1)) return std::nullopt;
    std::string out(bytes.size() * 3 + 1, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()),
                                        bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status) || length < 0) return std::nullopt;
    out.resize(static_cast<std::size_t>(length));
    return out;
}

// Swedish Windows-1252 text practically never holds a byte pair that is
// also a well-formed UTF-8 sequence (that would be, say, "Ã¥"), so one such
// sequence means the file is UTF-8 with some bad bytes, not Windows-1252.
bool has_utf8_beyond_ascii(std::string_view text) {
    char32_t ignored = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = decode_utf8(text, pos, ignored);
        if (length > 1) return true;
        pos += length == 0 ? 1 : length;
    }
    return false;
}

std::string replace_ill_formed(std::string_view text, std::size_t& replaced) {
    std::string out;
    out.reserve(text.size());
    replaced = 0;
    char32_t ignored = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = decode_utf8(text, pos, ignored);
        if (length == 0) {
            out += kReplacement;
            ++replaced;
            ++pos;
        } else {
            out.append(text.substr(pos, length));
            pos += length;
        }
    }
    return out;
}

bool reject_wide(std::string_view bytes, const std::string& file, core::Diagnostics& diagnostics, DecodedText& result) {
    const auto wide = wide_encoding(bytes);
    if (!wide) return false;
    result.encoding = *wide;
    diagnostics.error({file, 0, 0}, core::tr("the file is {1}; {2}", *wide, core::tr(kSaveAs)));
    return true;
}

bool reject_nul(std::string_view bytes, const std::string& file, core::Diagnostics& diagnostics) {
    const std::size_t nul = bytes.find('\0');
    if (nul == std::string_view::npos) return false;
    const auto where = locate(bytes, nul, file, false);
    diagnostics.error(where, core::tr("the file holds a NUL byte at line {1}, column {2}, which text never does: it is "
                                      "probably UTF-16 without a byte-order mark, or not a text file; {3}",
                                      std::to_string(where.line), std::to_string(where.column), core::tr(kSaveAs)));
    return true;
}

void decode_non_utf8(std::string_view bytes, std::size_t first_bad, const std::string& file,
                     core::Diagnostics& diagnostics, DecodedText& result) {
    const auto bad = locate(bytes, first_bad, file, false);
    const std::string position = core::tr("line {1}, column {2}", std::to_string(bad.line), std::to_string(bad.column));
    const std::size_t implausible = first_implausible_1252(bytes);
    if (implausible != std::string_view::npos) {
        const auto where = locate(bytes, implausible, file, true);
        diagnostics.error(
            where,
            core::tr(
                "the file is neither UTF-8 (byte {1} at {2}) nor Windows-1252 (byte {3} at line {4}, column {5}); {6}",
                hex_byte(byte_at(bytes, first_bad)), position, hex_byte(byte_at(bytes, implausible)),
                std::to_string(where.line), std::to_string(where.column), core::tr(kSaveAs)));
        std::size_t ignored = 0;
        result.utf8 = replace_ill_formed(bytes, ignored);
        return;
    }
    auto converted = windows_1252_to_utf8(bytes);
    if (!converted) {
        diagnostics.error(
            {file, 0, 0},
            core::tr("the file is not UTF-8 and could not be converted from Windows-1252; {1}", core::tr(kSaveAs)));
        return;
    }
    result.utf8 = std::move(*converted);
    result.encoding = "Windows-1252";
    result.ok = true;
    diagnostics.note(bad,
                     core::tr("the file is not UTF-8 (byte {1} at {2}); reading it as Windows-1252, the encoding of "
                              "old Excel's \"CSV (semikolonavgränsad)\"; saving it as CSV UTF-8 avoids the guess",
                              hex_byte(byte_at(bytes, first_bad)), position));
}

// The mark or the well-formed UTF-8 elsewhere says UTF-8, so the bytes are
// not reinterpreted: a file that mixes encodings (text pasted from another
// file) is better fixed at the source.
void decode_damaged_utf8(std::string_view bytes, std::size_t first_bad, bool bom, const std::string& file,
                         core::Diagnostics& diagnostics, DecodedText& result) {
    std::size_t replaced = 0;
    result.utf8 = replace_ill_formed(bytes, replaced);
    result.encoding = bom ? "UTF-8 with BOM" : "UTF-8";
    result.ok = true;
    const auto where = locate(bytes, first_bad, file, false);
    diagnostics.error(
        where,
        core::tr(
            bom ? core::tr_noop("the file starts with a UTF-8 byte-order mark but byte {1} at line {2}, column {3} is "
                                "not UTF-8 ({4} such bytes in all, each read as U+FFFD); save the file again as "
                                "CSV UTF-8")
                : core::tr_noop("the file holds UTF-8 text but byte {1} at line {2}, column {3} is not UTF-8 ({4} "
                                "such bytes in all, each read as U+FFFD); save the file again as CSV UTF-8"),
            hex_byte(byte_at(bytes, first_bad)), std::to_string(where.line), std::to_string(where.column),
            std::to_string(replaced)));
}

}  // namespace

std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& code_point) {
    if (pos >= text.size()) return 0;
    const unsigned char lead = byte_at(text, pos);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    // Unicode 15.0, Table 3-7: the second byte's range depends on the lead.
    std::size_t length = 0;
    char32_t value = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0Fu;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07u;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (text.size() - pos < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char b = byte_at(text, pos + i);
        if (b < low || b > high) return 0;
        value = (value << 6) | (b & 0x3Fu);
        low = 0x80;
        high = 0xBF;
    }
    code_point = value;
    return length;
}

DecodedText decode_text(std::string_view bytes, const std::string& file, core::Diagnostics& diagnostics) {
    DecodedText result;
    if (bytes.empty()) {
        diagnostics.error({file, 0, 0}, core::tr("the file is empty (0 bytes)"));
        return result;
    }
    if (reject_wide(bytes, file, diagnostics, result)) return result;
    const bool bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
    if (bom) bytes.remove_prefix(kUtf8Bom.size());
    if (bytes.empty()) {
        diagnostics.error({file, 0, 0}, core::tr("the file is empty (it holds only a UTF-8 byte-order mark)"));
        return result;
    }
    if (reject_nul(bytes, file, diagnostics)) return result;
    const std::size_t first_bad = first_ill_formed(bytes);
    if (first_bad == std::string_view::npos) {
        result.utf8 = std::string(bytes);
        result.encoding = bom ? "UTF-8 with BOM" : "UTF-8";
        result.ok = true;
        return result;
    }
    if (!bom && !has_utf8_beyond_ascii(bytes)) {
        decode_non_utf8(bytes, first_bad, file, diagnostics, result);
        return result;
    }
    decode_damaged_utf8(bytes, first_bad, bom, file, diagnostics, result);
    return result;
}

}  // namespace ingest
