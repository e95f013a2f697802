#include "core/messages.hpp"

namespace core {

std::string tr(const char* msgid) { return msgid; }

std::string fill_placeholders(std::string_view text, const std::string_view* values, std::size_t count) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // "{N}" with N one or more digits, 1-based.
        if (text[i] == '{') {
            std::size_t j = i + 1;
            std::size_t n = 0;
            while (j < text.size() && text[j] >= '0' && text[j] <= '9' && j - i <= 3) n = n * 10 + (text[j++] - '0');
            if (j > i + 1 && j < text.size() && text[j] == '}' && n >= 1 && n <= count) {
                out += values[n - 1];
                i = j;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace core
