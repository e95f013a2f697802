// The case fields as text and as JSON. JSON by hand: two arrays of strings
// do not need a library, and this stage depends on the doc tree alone.
#include <cstdio>

#include "casefields/case_fields.hpp"

namespace casefields {

namespace {

// RFC 8259 §7: quote, backslash and control characters escaped; everything
// else, including U+00A0 in "4 500 000", stays UTF-8.
std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

}  // namespace

std::string format_text(const CaseFields& f) {
    std::string text = f.title + "\n";
    text += (f.diary_number.empty() ? "" : f.diary_number + ", ") + f.date + "\n\n";
    text += f.decision_heading + "\n\n";
    for (const auto& point : f.decision_points) text += std::to_string(point.number) + ". " + point.text + "\n";
    text += "\n" + f.summary_heading + "\n";
    for (const auto& paragraph : f.summary) text += "\n" + paragraph + "\n";
    return text;
}

std::string format_json(const CaseFields& f) {
    std::string json = "{\n  \"format\": 1,\n";
    json += "  \"title\": " + json_string(f.title) + ",\n";
    json += "  \"date\": " + json_string(f.date) + ",\n";
    json += "  \"diary_number\": " + json_string(f.diary_number) + ",\n";
    json += "  \"decision\": {\n    \"heading\": " + json_string(f.decision_heading) + ",\n    \"points\": [";
    for (std::size_t i = 0; i < f.decision_points.size(); ++i)
        json += std::string(i ? "," : "") + "\n      {\"number\": " + std::to_string(f.decision_points[i].number) +
                ", \"text\": " + json_string(f.decision_points[i].text) + "}";
    json += "\n    ]\n  },\n";
    json += "  \"summary\": {\n    \"heading\": " + json_string(f.summary_heading) + ",\n    \"paragraphs\": [";
    for (std::size_t i = 0; i < f.summary.size(); ++i)
        json += std::string(i ? "," : "") + "\n      " + json_string(f.summary[i]);
    return json + "\n    ]\n  }\n}\n";
}

}  // namespace casefields
