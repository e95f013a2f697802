#include "core/diagnostics_json.hpp"

#include <cstdio>

namespace core {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

unsigned char byte_at(std::string_view text, std::size_t pos) {
    return pos < text.size() ? static_cast<unsigned char>(text[pos]) : 0;
}

bool in_range(unsigned char b, unsigned char low, unsigned char high) { return b >= low && b <= high; }

// Length of the well-formed UTF-8 sequence at `pos`, or 0 (Unicode 15.0,
// §3.9, Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t pos) {
    const unsigned char b0 = byte_at(text, pos);
    const unsigned char b1 = byte_at(text, pos + 1);
    const auto tail = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            if (!in_range(byte_at(text, pos + i), 0x80, 0xBF)) return false;
        return true;
    };
    if (b0 < 0x80) return 1;
    if (in_range(b0, 0xC2, 0xDF)) return tail(1, 2) ? 2 : 0;
    if (b0 == 0xE0) return in_range(b1, 0xA0, 0xBF) && tail(2, 3) ? 3 : 0;
    if (in_range(b0, 0xE1, 0xEC) || in_range(b0, 0xEE, 0xEF)) return tail(1, 3) ? 3 : 0;
    if (b0 == 0xED) return in_range(b1, 0x80, 0x9F) && tail(2, 3) ? 3 : 0;
    if (b0 == 0xF0) return in_range(b1, 0x90, 0xBF) && tail(2, 4) ? 4 : 0;
    if (in_range(b0, 0xF1, 0xF3)) return tail(1, 4) ? 4 : 0;
    if (b0 == 0xF4) return in_range(b1, 0x80, 0x8F) && tail(2, 4) ? 4 : 0;
    return 0;
}

// RFC 8259 §7: the two-character escapes where JSON has them, \u00XX for the
// other control characters.
void append_escaped(std::string& out, char c) {
    switch (c) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: break;
    }
    if (static_cast<unsigned char>(c) < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
        out += buffer;
        return;
    }
    out += c;
}

std::string json_number_or_null(int value) { return value > 0 ? std::to_string(value) : "null"; }

}  // namespace

std::string json_string(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t length = sequence_length(utf8, pos);
        if (length == 0) {
            out += kReplacement;
            ++pos;
        } else if (length == 1) {
            append_escaped(out, utf8[pos++]);
        } else {
            out.append(utf8.substr(pos, length));
            pos += length;
        }
    }
    out += '"';
    return out;
}

std::string to_json(const Diagnostic& d) {
    return "{\"file\": " + json_string(d.where.file) + ", \"line\": " + json_number_or_null(d.where.line) +
           ", \"column\": " + json_number_or_null(d.where.column) +
           ", \"severity\": " + json_string(to_string(d.severity)) + ", \"message\": " + json_string(d.message) +
           ", \"text\": " + json_string(to_string(d)) + "}";
}

std::string to_json(const Diagnostics& diagnostics) {
    const auto sorted = diagnostics.sorted();
    int notes = 0;
    for (const auto& d : sorted) notes += d.severity == Severity::Note ? 1 : 0;
    std::string out = "{\"errors\": " + std::to_string(diagnostics.error_count()) +
                      ", \"warnings\": " + std::to_string(diagnostics.warning_count()) +
                      ", \"notes\": " + std::to_string(notes) + ", \"diagnostics\": [";
    for (std::size_t i = 0; i < sorted.size(); ++i) out += (i == 0 ? "\n  " : ",\n  ") + to_json(sorted[i]);
    out += sorted.empty() ? "]}" : "\n]}";
    return out;
}

}  // namespace core
