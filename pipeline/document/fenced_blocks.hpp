#pragma once
// Our own fenced blocks, read from their literal text. Values were escaped
// for Markdown when the data was substituted, so they are unescaped here.
#include <string>
#include <vector>

#include "document/node.hpp"

namespace doc {

// Shared by the block parsers: white space trimmed at both ends, and a line
// split at '|' that was not escaped ("\|" is a literal bar from the data),
// each part trimmed and unescaped.
namespace fence {
std::string trim(const std::string& s);
std::vector<std::string> split_unescaped_bars(const std::string& line);
}  // namespace fence

Letterhead parse_letterhead(const std::string& body);
Signatures parse_signatures(const std::string& body);
// "levels: 2-3" (or "levels: 2"); without it, `first_level` and the one
// below. `error` is set when the value is not a level range within 1-6.
TableOfContents parse_contents(const std::string& body, int first_level, std::string& error);
// The ```chart block (chart_block.cpp). Each problem is appended to `errors`;
// the chart is still returned, with what could be read.
Chart parse_chart(const std::string& body, std::vector<std::string>& errors);
// A chart's value: "3836", "3 836", "37,5", "−12" (chart_block.cpp); false
// for anything else, "300 000 kronor" among them.
bool parse_chart_number(const std::string& text, double& value, int& decimals);
// The alternative text parse_chart gives a chart whose template sets none.
std::string chart_alt_text(const Chart& chart);

}  // namespace doc
