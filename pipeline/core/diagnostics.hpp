#pragma once
// Problems found in the input are values, collected and reported together;
// they are never thrown. Format: "file:line:column: error: message", the form
// compilers use, which editors and CI logs already understand.
#include <string>
#include <string_view>
#include <vector>

#include "core/source_location.hpp"

namespace core {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message;
};

const char* to_string(Severity severity);

// Text as a terminal or a log may show it: control characters (C0 but TAB,
// DEL, C1), the bidirectional formatting characters (U+202A-U+202E,
// U+2066-U+2069) and bytes that are not UTF-8 become visible escapes ("\x1B",
// "\u202E", "\xFF"), so that data quoted in a message cannot move the
// cursor, recolour the screen, reorder a line or forge another line. A line
// feed is escaped too unless `keep_line_feeds`. Idempotent: the escapes are
// printable ASCII.
std::string visible(std::string_view text, bool keep_line_feeds = false);

// "file:line:column: severity: message", made visible() (one line).
std::string to_string(const Diagnostic& diagnostic);

class Diagnostics {
public:
    void add(Diagnostic diagnostic);
    void error(SourceLocation where, std::string message);
    void warning(SourceLocation where, std::string message);
    void note(SourceLocation where, std::string message);
    void append(const Diagnostics& other);

    bool has_errors() const { return error_count_ > 0; }
    int error_count() const { return error_count_; }
    int warning_count() const { return warning_count_; }
    bool empty() const { return items_.empty(); }

    // In the order they were found.
    const std::vector<Diagnostic>& items() const { return items_; }
    // Sorted by file, line, column, keeping the found order for ties.
    std::vector<Diagnostic> sorted() const;

private:
    std::vector<Diagnostic> items_;
    int error_count_ = 0;
    int warning_count_ = 0;
};

}  // namespace core
