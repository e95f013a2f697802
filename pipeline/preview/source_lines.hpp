#pragma once
// The line a diagnostic points at, quoted beside it on the preview page, so
// that a case officer sees what to fix without opening the file.
#include <map>
#include <string>

namespace preview {

class SourceLines {
public:
    // Line `line` (1-based) of `file`, without its line ending, at most
    // `limit` bytes (cut at a character boundary, "…" added); "" when the
    // file cannot be read or is shorter. Each file is read once.
    const std::string& line(const std::string& file, int line, std::size_t limit = 400);

private:
    std::map<std::string, std::string> files_;
    std::string quoted_;
};

}  // namespace preview
