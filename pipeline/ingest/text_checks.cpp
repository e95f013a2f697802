#include "ingest/text_checks.hpp"

#include <unicode/normalizer2.h>
#include <unicode/bytestream.h>
#include <unicode/uchar.h>

#include <cstdio>
#include <stdexcept>

#include "ingest/text_decoding.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

enum class Class { Plain, Forbidden, ZeroWidth, Space };

// Unicode 15.0: Cc (General_Category Control) but TAB, LF, CR; the explicit
// bidirectional formatting characters of UAX #9 §2 except the marks
// LRM/RLM/ALM, which cannot reorder text; U+FFFE and U+FFFF, which XML 1.0
// §2.2 excludes from Char.
bool forbidden(char32_t c) {
    if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
    return (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFFFE ||
           c == 0xFFFF;
}

// Format characters without width that people paste from web pages and word
// processors; text made of them and white space looks empty.
bool zero_width(char32_t c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }

Class classify(char32_t c) {
    if (forbidden(c)) return Class::Forbidden;
    if (zero_width(c)) return Class::ZeroWidth;
    // ASCII's white space (Unicode White_Space: TAB to CR, SPACE) without
    // ICU's property lookup: the common case, once per character.
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') ? Class::Space : Class::Plain;
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) return Class::Space;
    return Class::Plain;
}

// "U+001B (ESCAPE)": how a message names a character it must not print.
std::string describe(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    char name[128] = {};
    UErrorCode status = U_ZERO_ERROR;
    // Controls have no name of their own, only an alias (NameAliases.txt: ESCAPE).
    for (const auto kind : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS, U_EXTENDED_CHAR_NAME}) {
        status = U_ZERO_ERROR;
        u_charName(static_cast<UChar32>(c), kind, name, sizeof name, &status);
        if (U_SUCCESS(status) && name[0] != '\0') break;
    }
    return U_SUCCESS(status) && name[0] != '\0' ? std::string(code) + " (" + name + ")" : std::string(code);
}

std::string why_forbidden(char32_t c) {
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return core::tr(
            "the text holds the bidirectional formatting character {1}, which can make text display in another "
            "order than it is read; remove it",
            describe(c));
    if (c == 0xFFFE || c == 0xFFFF)
        return core::tr("the text holds the noncharacter {1}, which no document can hold; remove it", describe(c));
    return core::tr(
        "the text holds the control character {1}, which no document can hold and which can act on a terminal; "
        "remove it",
        describe(c));
}

// Printable ASCII, TAB, LF and CR: nothing to check but the length.
bool plain_ascii(std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) return false;
    }
    return true;
}

std::string too_long(std::size_t units) {
    return core::tr(
        "the text is {1} characters long, more than {2}, the most a field can hold (an Excel cell holds 32 767); "
        "shorten it",
        std::to_string(units), std::to_string(kMaxFieldUnits));
}

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !instance) throw std::runtime_error(core::tr("ICU has no NFC normalizer"));
    return *instance;
}

std::string to_nfc(std::string text) {
    const auto& normalizer = nfc();
    UErrorCode status = U_ZERO_ERROR;
    if (normalizer.isNormalizedUTF8(text, status) && U_SUCCESS(status)) return text;
    std::string out;
    out.reserve(text.size());
    icu::StringByteSink<std::string> sink(&out);
    status = U_ZERO_ERROR;
    normalizer.normalizeUTF8(0, text, sink, nullptr, status);
    if (U_FAILURE(status)) throw std::runtime_error(core::tr("ICU could not normalise a string to NFC"));
    return out;
}

}  // namespace

std::string checked_text(std::string_view text, const core::SourceLocation& where, core::Diagnostics& diagnostics) {
    if (plain_ascii(text)) {
        if (text.size() > kMaxFieldUnits) diagnostics.error(where, too_long(text.size()));
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size());
    core::SourceLocation at = where;  // the position of the character at `pos`
    std::size_t units = 0;
    bool reported = false, zero_width_seen = false, visible = false, ill_formed = false;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = static_cast<unsigned char>(text[pos]);
        std::size_t length = 1;
        if (c >= 0x80) {  // ASCII needs no decoding: most of a Swedish text is ASCII
            c = 0xFFFD;
            length = decode_utf8(text, pos, c);
            if (length == 0) {  // decode_text has replaced ill-formed bytes; pass any other through
                length = 1;
                ill_formed = true;
            }
        }
        units += c > 0xFFFF ? 2 : 1;
        switch (classify(c)) {
            case Class::Forbidden:
                // One error per field: the first character names the problem, and
                // every such character is replaced.
                // Removed, not replaced: the result is never longer than the
                // field, whose size the CSV reader has bounded.
                if (!reported) diagnostics.error(at, why_forbidden(c));
                reported = true;
                visible = true;
                break;
            case Class::ZeroWidth:
                zero_width_seen = true;
                out.append(text.substr(pos, length));
                break;
            case Class::Space: out.append(text.substr(pos, length)); break;
            case Class::Plain:
                visible = true;
                out.append(text.substr(pos, length));
                break;
        }
        if (c == '\n') {
            ++at.line;
            at.column = 1;
        } else if (at.column > 0) {
            ++at.column;
        }
        pos += length;
    }
    if (units > kMaxFieldUnits) diagnostics.error(where, too_long(units));
    if (!visible && zero_width_seen) {
        diagnostics.warning(
            where,
            core::tr(
                "the text holds only white space and zero-width characters, so it looks empty and is read as empty"));
        return std::string();
    }
    // ICU would replace ill-formed bytes; those are decode_text's to report.
    return ill_formed ? out : to_nfc(std::move(out));
}

}  // namespace ingest
