#include "core/xml_text.hpp"

#include "core/utf8.hpp"

namespace core {

namespace {

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
        const std::size_t length = utf8_at(text, pos, c);
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
