#include "preview/source_lines.hpp"

#include <fstream>
#include <sstream>

namespace preview {

namespace {

// Files bigger than this are not quoted from: a diagnostic's file is a
// template or a data file, and a line of it is all that is shown.
constexpr std::streamoff kLargestFile = 64 << 20;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in || in.tellg() > kLargestFile) return {};
    in.seekg(0);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

const std::string& SourceLines::line(const std::string& file, int line, std::size_t limit) {
    quoted_.clear();
    if (line < 1 || file.empty()) return quoted_;
    auto at = files_.find(file);
    if (at == files_.end()) at = files_.emplace(file, read_file(file)).first;
    const std::string& text = at->second;
    std::size_t start = 0;
    for (int n = 1; n < line; ++n) {
        start = text.find('\n', start);
        if (start == std::string::npos) return quoted_;
        ++start;
    }
    if (start >= text.size()) return quoted_;
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start && text[end - 1] == '\r') --end;
    if (end - start > limit) {
        end = start + limit;
        // Not in the middle of a UTF-8 sequence: back to its first byte.
        while (end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        quoted_.assign(text, start, end - start);
        quoted_ += "…";
        return quoted_;
    }
    quoted_.assign(text, start, end - start);
    return quoted_;
}

}  // namespace preview
