// Swedish number, money and date formatting (Svenska skrivregler, Språkrådet,
// as summarised in the house style).
//
// Plain code rather than icu::NumberFormat, for three reasons:
//  - the rules are the house style's, fixed by Svenska skrivregler, while ICU
//    follows CLDR data that may change between releases (CLDR already sets
//    minimumGroupingDigits to 2 for some locales, which would turn "5 587" into
//    "5587"); a system upgrade must not change how a decision document looks;
//  - ICU rounds half to even by default; the house style rounds half away
//    from zero, as people do by hand;
//  - tkr and millions are integer arithmetic on kronor, exact without floats.
// ICU 72's sv-SE output agrees with integer() (U+00A0 grouping from four
// digits, U+2212 minus); the tests check that agreement, so a divergence shows.
#include "document/format_sv.hpp"
#include "core/messages.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace doc::sv {

namespace {

constexpr std::string_view kNbsp = "\u00A0";   // no-break space: groups, number–unit
constexpr std::string_view kMinus = "\u2212";  // Svenska skrivregler: minus is not a hyphen
constexpr std::string_view kEnDash = "\u2013";

// No document needs more; beyond 15 decimals an ordinary value (a double
// holds 15–17 significant digits) would only show binary noise.
constexpr int kMaxDecimals = 15;

// Svenska skrivregler: groups of three from the right, separated by a
// non-breaking space so that a number never breaks across lines.
std::string group(std::string_view digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += kNbsp;
        out += digits[i];
    }
    return out;
}

// |n| without overflow for INT64_MIN.
std::uint64_t magnitude(std::int64_t n) {
    return n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

// Integer division of a magnitude rounded half away from zero. No overflow:
// a magnitude is at most 2^63, far below UINT64_MAX - divisor.
std::uint64_t divide_rounded(std::uint64_t m, std::uint64_t divisor) { return (m + divisor / 2) / divisor; }

std::string with_sign(bool negative, std::string text) { return negative ? std::string(kMinus) + text : text; }

std::string grouped(bool negative, std::uint64_t m) { return with_sign(negative && m != 0, group(std::to_string(m))); }

// Adds one unit in the last place to a string of decimal digits.
void increment(std::string& digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return;
        }
        *it = '0';
    }
    digits.insert(digits.begin(), '1');
}

// The shortest decimal form of |value| that reads back as the same double
// (std::to_chars, C++17 [utility.to.chars]), as integer digits and fraction
// digits. 400 characters hold the longest fixed form of a double (about 330).
std::pair<std::string, std::string> shortest_digits(double value) {
    std::array<char, 400> buffer{};
    const auto [end, ec] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), std::fabs(value), std::chars_format::fixed);
    if (ec != std::errc()) throw std::invalid_argument(core::tr("decimal: value cannot be printed"));
    const std::string_view text(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
    const auto point = text.find('.');
    if (point == std::string_view::npos) return {std::string(text), ""};
    return {std::string(text.substr(0, point)), std::string(text.substr(point + 1))};
}

}  // namespace

std::string integer(std::int64_t n) { return grouped(n < 0, magnitude(n)); }

// Rounding on the decimal digits, half away from zero: the digit after the
// last kept one decides, and any digit from 5 rounds the magnitude up.
std::string decimal(double value, int decimals) {
    if (!std::isfinite(value)) throw std::invalid_argument(core::tr("decimal: value is not finite"));
    if (decimals < 0 || decimals > kMaxDecimals)
        throw std::invalid_argument(core::tr("decimal: decimals outside 0..15"));
    auto [whole, fraction] = shortest_digits(value);
    const auto kept = static_cast<std::size_t>(decimals);
    fraction.resize(kept + 1, '0');
    const bool round_up = fraction[kept] >= '5';
    fraction.resize(kept);
    std::string digits = whole + fraction;
    if (round_up) increment(digits);
    const bool zero = digits.find_first_not_of('0') == std::string::npos;
    const auto split = digits.size() - kept;
    std::string text = group(std::string_view(digits).substr(0, split));
    if (kept > 0) text += "," + digits.substr(split);
    return with_sign(std::signbit(value) && !zero, text);
}

// Svenska skrivregler: a space between number and unit, here a non-breaking
// one so that "procent", "%" or "kronor" never starts a line on its own.
std::string percent_prose(double value, int decimals) {
    return decimal(value, decimals) + std::string(kNbsp) + "procent";
}

std::string percent_table(double value, int decimals) { return decimal(value, decimals) + std::string(kNbsp) + "%"; }

std::string kronor(std::int64_t amount) { return integer(amount) + std::string(kNbsp) + "kronor"; }

std::string kr(std::int64_t amount) { return integer(amount) + std::string(kNbsp) + "kr"; }

std::string tkr(std::int64_t amount_kronor) {
    const auto thousands = divide_rounded(magnitude(amount_kronor), 1000);
    return grouped(amount_kronor < 0, thousands) + std::string(kNbsp) + "tkr";
}

// Two decimals are the precision the committee's tables use for millions
// ("4,22 mkr"); trailing zeros are dropped ("4 mkr", "4,2 mkr").
std::string millions(std::int64_t amount_kronor, const std::string& abbreviation) {
    const auto hundredths = divide_rounded(magnitude(amount_kronor), 10'000);
    std::string text = group(std::to_string(hundredths / 100));
    if (const auto cents = hundredths % 100; cents != 0) {
        text += ',';
        text += static_cast<char>('0' + cents / 10);
        if (cents % 10 != 0) text += static_cast<char>('0' + cents % 10);
    }
    text = with_sign(amount_kronor < 0 && hundredths != 0, text);
    return abbreviation.empty() ? text : text + std::string(kNbsp) + abbreviation;
}

// Svenska skrivregler: small numbers in words in running text, the usual
// boundary being twelve; "en"/"ett" agrees with the noun's gender.
std::string count(std::int64_t n, Gender gender) {
    static constexpr std::array<std::string_view, 13> words = {"noll", "en",   "två", "tre", "fyra", "fem", "sex",
                                                               "sju",  "åtta", "nio", "tio", "elva", "tolv"};
    if (n < 0 || n >= static_cast<std::int64_t>(words.size())) return integer(n);
    if (n == 1 && gender == Gender::Neuter) return "ett";
    return std::string(words[static_cast<std::size_t>(n)]);
}

// Unicode 15, §3.13: the first letter of a word takes its titlecase mapping
// (u_totitle). For every Swedish letter that equals the uppercase mapping;
// it differs only for digraphs such as U+01C6 "ǆ", whose titlecase is "ǅ".
std::string capitalize_first(std::string_view utf8) {
    if (utf8.empty()) return std::string(utf8);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(std::min<std::size_t>(utf8.size(), U8_MAX_LENGTH));
    std::int32_t next = 0;
    UChar32 c = 0;
    U8_NEXT(bytes, next, length, c);
    if (c < 0) return std::string(utf8);
    std::array<std::uint8_t, U8_MAX_LENGTH> upper{};
    std::int32_t written = 0;
    U8_APPEND_UNSAFE(upper.data(), written, u_totitle(c));
    return std::string(reinterpret_cast<const char*>(upper.data()), static_cast<std::size_t>(written)) +
           std::string(utf8.substr(static_cast<std::size_t>(next)));
}

// Swedish month names are common nouns: lower case in running text.
std::string month_name(int month) {
    static constexpr std::array<std::string_view, 12> names = {"januari",   "februari", "mars",     "april",
                                                               "maj",       "juni",     "juli",     "augusti",
                                                               "september", "oktober",  "november", "december"};
    if (month < 1 || month > 12) throw std::out_of_range(core::tr("month_name: month outside 1..12"));
    return std::string(names[static_cast<std::size_t>(month - 1)]);
}

// Svenska skrivregler: "10 december 2024", day without a leading zero, the
// full year, never grouped.
std::string date_long(const core::Date& date) {
    if (!date.valid()) throw std::invalid_argument(core::tr("date_long: not a calendar date"));
    return std::to_string(date.day) + " " + month_name(date.month) + " " + std::to_string(date.year);
}

// ISO 8601 calendar date, as headers and tables show it.
std::string date_iso(const core::Date& date) {
    if (!date.valid()) throw std::invalid_argument(core::tr("date_iso: not a calendar date"));
    return core::to_iso(date);
}

// Svenska skrivregler: an en dash without spaces between the ends of a range;
// the ends are years or page numbers, so they are not grouped.
std::string range(std::int64_t from, std::int64_t to) {
    const auto plain = [](std::int64_t n) { return with_sign(n < 0, std::to_string(magnitude(n))); };
    return plain(from) + std::string(kEnDash) + plain(to);
}

}  // namespace doc::sv
