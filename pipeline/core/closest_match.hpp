#pragma once
// "Did you mean …?" for misspelt names: column headers, administration names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// Levenshtein distance between two UTF-8 strings, counted in code points and
// ignoring case, so that "Hägersten-Alvsjö" is 1 from "Hägersten-Älvsjö".
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if it is close enough to be a likely
// misspelling: at most a third of the name's length, and at least 1.
std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates);

// Lower-case by Unicode rules (ICU), for case-insensitive comparison.
std::string fold_case(std::string_view utf8);

}  // namespace core
