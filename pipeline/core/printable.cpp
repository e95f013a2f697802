#include "core/printable.hpp"

#include <cstdint>
#include <cstdio>

namespace core {

namespace {

// The length of the UTF-8 sequence at `at` and its code point, or 0 when the
// bytes there are not a well-formed sequence (RFC 3629 §4's table).
std::size_t decode(std::string_view s, std::size_t at, char32_t& cp) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(at);
    if (b0 < 0x80) return cp = b0, 1;
    std::size_t n;
    char32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        n = 2, cp = b0 & 0x1F, min = 0x80;
    else if (b0 >= 0xE0 && b0 <= 0xEF)
        n = 3, cp = b0 & 0x0F, min = 0x800;
    else if (b0 >= 0xF0 && b0 <= 0xF4)
        n = 4, cp = b0 & 0x07, min = 0x10000;
    else
        return 0;
    if (at + n > s.size()) return 0;
    for (std::size_t i = 1; i < n; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(at + i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

bool shown_as_escape(char32_t cp) {
    if (cp == '\t' || cp == '\n') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        char32_t cp = 0;
        const auto n = decode(text, at, cp);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++at;
            continue;
        }
        if (shown_as_escape(cp)) {
            char escaped[16];
            if (cp < 0x80)
                std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(cp));
            else
                std::snprintf(escaped, sizeof escaped, "\\u{%04X}", static_cast<unsigned>(cp));
            out += escaped;
        } else {
            out.append(text.substr(at, n));
        }
        at += n;
    }
    return out;
}

}  // namespace core
