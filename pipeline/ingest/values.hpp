#pragma once
// Values as case officers type them into Excel and the export writes them:
// amounts in whole kronor with Swedish digit grouping, ISO dates. A value that
// could be read two ways is refused with both readings named, because a
// wrong amount in a committee decision is worse than a stopped run.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/source_location.hpp"

namespace ingest {

// The largest amount or count accepted: 999 999 999 999 (just under 10^12,
// a thousand billion kronor), far above any municipal budget. With it, a
// million values (CsvLimits::max_records) sum to less than 10^18, well inside
// std::int64_t (9.2 * 10^18); the sums are checked all the same
// (core/checked.hpp). An amount such as 10^15 in a cell is a typing or
// export error, and is reported as one.
constexpr std::int64_t kMaxAmount = 999'999'999'999;

// An amount in whole kronor as Swedish exports write it: "500000",
// "500 000" (a space, U+00A0 or U+202F between groups of three),
// "500 000,00" or ",0" (zero decimals), optionally followed by "kr", "kr.",
// "kronor" or ":-". Errors, each naming the text and what is expected:
// decimals ("1,5"), a dot ("1.000" is ambiguous, "1.5" is a decimal point),
// bad grouping ("50 00"), negative amounts, a lone "-" (not read as 0),
// thousands units ("500 tkr"), any other letters, more than kMaxAmount.
// Empty text gives nullopt, with an error only if `required`.
std::optional<std::int64_t> parse_amount(std::string_view text, const core::SourceLocation& where,
                                         core::Diagnostics& diagnostics, bool required = true);

// A whole number of persons as a Swedish export writes it: "23450",
// "23 450" (a space, U+00A0 or U+202F between groups of three), with a
// minus sign (hyphen-minus, U+2212 or a dash) read as negative: whether a
// negative count is allowed is the caller's rule, so that it can say which
// row is wrong. Errors, each naming the text: decimals ("12,5"), a dot
// ("1.000"), bad grouping ("23 45"), any other character, more than
// kMaxAmount. Empty text gives nullopt, with an error only if `required`.
std::optional<std::int64_t> parse_count(std::string_view text, const core::SourceLocation& where,
                                        core::Diagnostics& diagnostics, bool required = true);

// An ISO 8601 calendar date, YYYY-MM-DD. A date that does not exist
// (2025-02-29) is an error that says so; other forms ("10/12-24",
// "2024-12-1") are an error that shows the expected form. Empty text gives
// nullopt, with an error only if `required`.
std::optional<core::Date> parse_date(std::string_view text, const core::SourceLocation& where,
                                     core::Diagnostics& diagnostics, bool required = true);

// Trims white space at both ends and folds each inner run of it to one
// ASCII space. White space is ASCII's (space, TAB, LF, VT, FF, CR) and
// Unicode's (White_Space: U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000). Ill-formed UTF-8 is passed through.
std::string normalize_space(std::string_view text);

}  // namespace ingest
