#include "core/diagnostics.hpp"
#include "core/messages.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace core {

std::string to_string(const SourceLocation& where) {
    std::string text = where.file.empty() ? std::string("<input>") : where.file;
    if (where.line > 0) {
        text += ':' + std::to_string(where.line);
        if (where.column > 0) text += ':' + std::to_string(where.column);
    }
    return text;
}

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string visible(std::string_view text, bool keep_line_feeds) {
    std::string out;
    out.reserve(text.size());
    char buffer[16];
    for (std::size_t pos = 0; pos < text.size();) {
        // A run of printable ASCII, the most of any message, is copied as it is.
        std::size_t run = pos;
        while (run < text.size() && text[run] >= 0x20 && text[run] < 0x7F) ++run;
        if (run > pos) {
            out.append(text.substr(pos, run - pos));
            pos = run;
            continue;
        }
        char32_t c = 0;
        const std::size_t length = utf8_at(text, pos, c);
        if (length == 0) {
            std::snprintf(buffer, sizeof buffer, "\\x%02X",
                          static_cast<unsigned>(static_cast<unsigned char>(text[pos])));
            out += buffer;
            ++pos;
            continue;
        }
        const bool control = (c < 0x20 && c != '\t' && !(c == '\n' && keep_line_feeds)) || (c >= 0x7F && c <= 0x9F);
        const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (control && c < 0x80) {
            std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(c));
            out += buffer;
        } else if (control || bidi) {
            std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
            out += buffer;
        } else {
            out.append(text.substr(pos, length));
        }
        pos += length;
    }
    return out;
}

std::string to_string(const Diagnostic& d) {
    // The severity as a word of the messages' language ("fel", "varning",
    // "not"); to_string(Severity) stays the key JSON and the build record use.
    const std::string severity = d.severity == Severity::Error     ? tr("error")
                                 : d.severity == Severity::Warning ? tr("warning")
                                                                   : tr("note");
    return visible(to_string(d.where) + ": " + severity + ": " + d.message);
}

void Diagnostics::add(Diagnostic diagnostic) {
    // File names and quoted data reach terminals, logs and JSON from here:
    // valid UTF-8, control characters shown (visible()).
    diagnostic.where.file = visible(diagnostic.where.file);
    diagnostic.message = visible(diagnostic.message, true);
    if (diagnostic.severity == Severity::Error) ++error_count_;
    if (diagnostic.severity == Severity::Warning) ++warning_count_;
    items_.push_back(std::move(diagnostic));
}

void Diagnostics::error(SourceLocation where, std::string message) {
    add({Severity::Error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
    add({Severity::Warning, std::move(where), std::move(message)});
}

void Diagnostics::note(SourceLocation where, std::string message) {
    add({Severity::Note, std::move(where), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.line, b.where.column);
    });
    return out;
}

}  // namespace core
