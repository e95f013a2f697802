#pragma once
// Decoding one UTF-8 sequence, for the code that must treat ill-formed bytes
// itself (visible escapes, XML characters) rather than trust its input.
#include <cstddef>
#include <string_view>

namespace core {

// The length of the well-formed UTF-8 sequence at `pos` (Unicode 15.0,
// Table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF) and
// its code point in `c`; 0 when the bytes there are ill-formed.
inline std::size_t utf8_at(std::string_view text, std::size_t pos, char32_t& c) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        c = lead;
        return 1;
    }
    const std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                               : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                              : 0;
    if (length == 0 || text.size() - pos < length) return 0;
    unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    char32_t value = lead & (length == 2 ? 0x1Fu : length == 3 ? 0x0Fu : 0x07u);
    for (std::size_t i = 1; i < length; ++i) {
        if (byte(pos + i) < low || byte(pos + i) > high) return 0;
        value = (value << 6) | (byte(pos + i) & 0x3Fu);
        low = 0x80;
        high = 0xBF;
    }
    c = value;
    return length;
}

}  // namespace core
