#include "core/diagnostics.hpp"

#include "core/printable.hpp"

#include <algorithm>
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

std::string to_string(const Diagnostic& d) {
    return to_string(d.where) + ": " + to_string(d.severity) + ": " + d.message;
}

void Diagnostics::add(Diagnostic diagnostic) {
    // File names and quoted data reach terminals, logs and JSON from here:
    // valid UTF-8, control characters shown (core/printable.hpp).
    diagnostic.where.file = printable(diagnostic.where.file);
    diagnostic.message = printable(diagnostic.message);
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
