#pragma once
// Where a record came from, so that every diagnostic can point a case officer
// at the file, line and column to fix.
#include <string>

namespace core {

struct SourceLocation {
    std::string file;  // path as given on the command line or found in the dataset
    int line = 0;      // 1-based; 0 when unknown (a whole-file problem)
    int column = 0;    // 1-based; 0 when unknown
};

// "file:line:column", leaving out the parts that are unknown.
std::string to_string(const SourceLocation& where);

}  // namespace core
