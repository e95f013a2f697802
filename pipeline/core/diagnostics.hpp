#pragma once
// Problems found in the input are values, collected and reported together;
// they are never thrown. Format: "file:line:column: error: message", the form
// compilers use, which editors and CI logs already understand.
#include <string>
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
