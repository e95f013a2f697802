#pragma once
// A text's lines as views into it, as std::getline gives them: split at
// '\n', no empty line after a final newline. The templates' and the
// rendered Markdown's lines are looked up by number without copying a long
// document line by line.
#include <string_view>
#include <vector>

namespace core {

inline std::vector<std::string_view> line_views(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < text.size();) {
        const auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace core
