#include "document/markdown_escape.hpp"

namespace doc {

namespace {

bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

}  // namespace

std::string escape_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else {
            if (is_ascii_punctuation(c)) out += '\\';
            out += c;
        }
    }
    return out;
}

std::string unescape_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && is_ascii_punctuation(text[i + 1])) ++i;
        out += text[i];
    }
    return out;
}

}  // namespace doc
