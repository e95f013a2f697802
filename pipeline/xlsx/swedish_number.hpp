#pragma once
// Reading a table cell's Swedish-formatted number back into a number, so
// that the workbook holds numbers, not text (house-style.md: "4 000 000"
// grouped by U+00A0, decimal comma "37,5", "37,5 %" in tables, minus U+2212).
#include <optional>
#include <string_view>

namespace xlsx {

struct SwedishNumber {
    double value = 0;      // "37,5 %" -> 0.375
    int decimals = 0;      // digits after the comma, as written
    bool grouped = false;  // written with thousands separators
    bool percent = false;
};

// The whole cell must be one number: "4 000 000", "−12", "0,5", "37,5 %".
// Anything else is text: "2002–2003", "LUM-01", "2024-11-27", "08-508 25 138"
// (groups of three only, and only after a first group of one to three).
std::optional<SwedishNumber> parse_swedish_number(std::string_view text);

}  // namespace xlsx
