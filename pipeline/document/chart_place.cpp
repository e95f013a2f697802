#include "document/chart_place.hpp"

#include <vector>

namespace doc {

namespace {

struct Line {
    int number = 0;  // in the template
    std::string text;
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The lines inside the `ordinal`-th ```chart block, or none.
std::vector<Line> chart_lines(const std::string& source, int ordinal, int& fence_line) {
    std::vector<Line> lines;
    int number = 0, seen = -1;
    bool inside = false, wanted = false;
    std::size_t start = 0;
    while (start < source.size()) {
        auto stop = source.find('\n', start);
        if (stop == std::string::npos) stop = source.size();
        const std::string line = source.substr(start, stop - start);
        ++number;
        start = stop + 1;
        const std::string text = trim(line);
        if (text.rfind("```", 0) == 0) {
            if (inside) {
                if (wanted) return lines;
                inside = false;
                continue;
            }
            inside = true;
            if (trim(text.substr(3)) == "chart" && ++seen == ordinal) {
                wanted = true;
                fence_line = number;
            }
            continue;
        }
        if (wanted) lines.push_back({number, line});
    }
    return wanted ? lines : std::vector<Line>{};
}

bool opens_section(const std::string& text) {
    return text.find("{{#") != std::string::npos || text.find("{{^") != std::string::npos ||
           text.find("{{/") != std::string::npos;
}

int column_of(const std::string& line) {
    const auto first = line.find_first_not_of(" \t");
    return first == std::string::npos ? 1 : static_cast<int>(first) + 1;
}

}  // namespace

core::SourceLocation chart_problem_place(const std::string& source, int ordinal, const ChartProblem& problem,
                                         const core::SourceLocation& rendered) {
    int fence = 0;
    const auto lines = chart_lines(source, ordinal, fence);
    if (fence == 0) {
        auto at = rendered;
        if (problem.line > 0) at.line += problem.line, at.column = 1;
        return at;
    }
    const core::SourceLocation block{rendered.file, fence, 1};
    if (!problem.key.empty()) {
        for (const auto& l : lines) {
            const std::string text = trim(l.text);
            const auto colon = text.find(':');
            if (colon != std::string::npos && trim(text.substr(0, colon)) == problem.key)
                return {rendered.file, l.number, column_of(l.text)};
        }
        return block;
    }
    if (problem.row > 0) {
        std::vector<const Line*> rows;
        bool in_data = false;
        for (const auto& l : lines) {
            const std::string text = trim(l.text);
            if (!in_data) {
                in_data = text.rfind("data:", 0) == 0;
                continue;
            }
            if (text.empty()) continue;
            // Rows a section makes: its line stands for them all.
            if (opens_section(text)) return {rendered.file, l.number, column_of(l.text)};
            rows.push_back(&l);
            if (static_cast<int>(rows.size()) == problem.row) return {rendered.file, l.number, column_of(l.text)};
        }
        return block;
    }
    // Another line's problem: one to one while no section came before it.
    if (problem.line > 0 && problem.line <= static_cast<int>(lines.size())) {
        for (int i = 0; i < problem.line; ++i)
            if (opens_section(lines[static_cast<std::size_t>(i)].text)) return block;
        const auto& l = lines[static_cast<std::size_t>(problem.line - 1)];
        return {rendered.file, l.number, column_of(l.text)};
    }
    return block;
}

}  // namespace doc
