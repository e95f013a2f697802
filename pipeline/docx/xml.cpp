#include "docx/xml.hpp"

#include "core/xml_text.hpp"

namespace docx {

std::string escape(const std::string& text) {
    std::string out;
    const auto clean = core::xml_chars(text);
    out.reserve(clean.size());
    for (const char c : clean) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace docx
