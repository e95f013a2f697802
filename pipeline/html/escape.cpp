#include "html/escape.hpp"

#include "core/xml_text.hpp"

namespace html {

std::string escape(std::string_view input) {
    const std::string text = core::xml_chars(input);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\r':  // kept by xml_chars, but text never means one
                break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace html
