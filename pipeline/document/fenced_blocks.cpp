#include "document/fenced_blocks.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "document/markdown_escape.hpp"
#include "core/messages.hpp"

namespace doc {

namespace fence {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> split_unescaped_bars(const std::string& line) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            parts.back() += line.substr(i, 2);
            ++i;
        } else if (line[i] == '|') {
            parts.emplace_back();
        } else {
            parts.back() += line[i];
        }
    }
    for (auto& p : parts) p = unescape_markdown(trim(p));
    return parts;
}

}  // namespace fence

using fence::split_unescaped_bars;
using fence::trim;

Letterhead parse_letterhead(const std::string& body) {
    Letterhead head;
    std::istringstream in(body);
    for (std::string line; std::getline(in, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;  // lint_template reports these
        const std::string key = trim(line.substr(0, colon));
        const std::string value = unescape_markdown(trim(line.substr(colon + 1)));
        if (key == "organisation")
            head.organisation.push_back(value);
        else if (key == "document-type")
            head.document_type = value;
        else if (key == "diary-number")
            head.diary_number = value;
        else if (key == "left-heading")
            head.left_heading.push_back(value);
        else if (key == "left")
            head.left_lines.push_back(value);
        else if (key == "right-heading")
            head.right_heading.push_back(value);
        else if (key == "right")
            head.right_lines.push_back(value);
    }
    return head;
}

Signatures parse_signatures(const std::string& body) {
    Signatures signatures;
    std::istringstream in(body);
    for (std::string line; std::getline(in, line);) {
        if (trim(line).empty()) continue;
        auto parts = split_unescaped_bars(line);
        Signature person{parts.front(), {}};
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (!parts[i].empty()) person.lines.push_back(parts[i]);
        signatures.people.push_back(std::move(person));
    }
    return signatures;
}

TableOfContents parse_contents(const std::string& body, int first_level, std::string& error) {
    TableOfContents toc;
    toc.min_level = first_level;
    toc.max_level = std::min(6, first_level + 1);
    std::istringstream in(body);
    for (std::string line; std::getline(in, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos || trim(line.substr(0, colon)) != "levels") continue;
        const std::string value = trim(line.substr(colon + 1));
        int from = 0, to = 0;
        char dash = 0, extra = 0;
        const int n = std::sscanf(value.c_str(), "%d%c%d%c", &from, &dash, &to, &extra);
        if (n == 1) to = from;
        if ((n != 1 && (n != 3 || dash != '-')) || from < 1 || to > 6 || from > to) {
            error = core::tr("levels: \"{1}\" is not a range of heading levels such as 2-3", value);
            continue;
        }
        toc.min_level = from;
        toc.max_level = to;
    }
    return toc;
}

}  // namespace doc
