#include "core/xml_text.hpp"

namespace core {

namespace {

// Unicode 15.0, Table 3-7: the length of the well-formed sequence at `pos`.
std::size_t well_formed(std::string_view text, std::size_t pos, char32_t& c) {
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

bool allowed(char32_t c) {
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    return !(c >= 0x7F && c <= 0x9F) && c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string xml_chars(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b >= 0x20 && b < 0x7F) {  // the common case
            out += static_cast<char>(b);
            ++pos;
            continue;
        }
        char32_t c = 0;
        const std::size_t length = well_formed(text, pos, c);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++pos;
            continue;
        }
        if (allowed(c)) out.append(text.substr(pos, length));
        pos += length;
    }
    return out;
}

}  // namespace core
