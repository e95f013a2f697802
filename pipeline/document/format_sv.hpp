#pragma once
// Swedish value formatting for committee documents, by Svenska skrivregler
// (Språkrådet) as the house style states them: numbers grouped in threes by a
// non-breaking space (U+00A0), decimal comma, minus sign U+2212, units glued
// to their number with U+00A0 so that a line never starts with "kronor" or "%".
//
// Every function returns UTF-8. None depends on the process locale or the clock.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace doc::sv {

// Grammatical gender of the counted noun: "en ansökan", "ett projekt".
enum class Gender { Common, Neuter };

// 4000000 -> "4 000 000", 5587 -> "5 587", -12 -> "−12".
std::string integer(std::int64_t n);

// 37.5, 1 -> "37,5". Rounds half away from zero on the shortest decimal form
// of `value` (so 0.05 counts as 0.05, not as the binary 0.05000000000000000277).
// `decimals` must be 0..15; non-finite values throw std::invalid_argument.
std::string decimal(double value, int decimals);

// "37,5 procent" (running text) and "37,5 %" (tables); `value` is already a
// percentage (37.5, not 0.375).
std::string percent_prose(double value, int decimals);
std::string percent_table(double value, int decimals);

// "4 000 000 kronor" (running text) and "4 000 000 kr" (tables).
std::string kronor(std::int64_t amount);
std::string kr(std::int64_t amount);

// Thousands of kronor, rounded half away from zero: 15528000 -> "15 528 tkr".
std::string tkr(std::int64_t amount_kronor);

// Millions with up to two decimals, trailing zeros dropped, rounded half away
// from zero: 4000000 -> "4 mkr", 4220000 -> "4,22 mkr", 4225000 -> "4,23 mkr".
// The abbreviation is a setting of the round ("mnkr" by Språkrådet, "mkr" in
// the 2024 documents); an empty one gives the bare number.
std::string millions(std::int64_t amount_kronor, const std::string& abbreviation);

// 0..12 as words ("noll", "en"/"ett", "två" … "tolv"), anything else as
// integer(n).
std::string count(std::int64_t n, Gender gender = Gender::Common);

// Capitalises the first code point: "nio" -> "Nio", "åtta" -> "Åtta".
// Text that does not start with well-formed UTF-8 is returned unchanged.
std::string capitalize_first(std::string_view utf8);

// 1 -> "januari" … 12 -> "december"; other values throw std::out_of_range.
std::string month_name(int month);

// "10 december 2024" (running text) and "2024-12-10" (headers, tables).
// Both throw std::invalid_argument for a date that does not exist.
std::string date_long(const core::Date& date);
std::string date_iso(const core::Date& date);

// "2002–2003": en dash, no spaces, numbers not grouped (ranges are mostly
// years and page numbers, which are never grouped).
std::string range(std::int64_t from, std::int64_t to);

}  // namespace doc::sv
