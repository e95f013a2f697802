#include "ingest/values.hpp"

#include <array>
#include <vector>

#include "ingest/text_decoding.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

// Unicode 15.0, PropList.txt: White_Space.
bool is_white_space(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) {
    for (char c : text)
        if (!is_digit(c)) return false;
    return !text.empty();
}

// A value quoted for a message, cut after 40 characters so that a pasted
// paragraph does not become the message.
std::string quoted(std::string_view text) {
    constexpr std::size_t kMaxShown = 40;
    std::size_t pos = 0;
    for (std::size_t shown = 0; pos < text.size() && shown < kMaxShown; ++shown) {
        char32_t ignored = 0;
        const std::size_t length = decode_utf8(text, pos, ignored);
        pos += length == 0 ? 1 : length;
    }
    return "\"" + std::string(text.substr(0, pos)) + (pos < text.size() ? "...\"" : "\"");
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find(separator, start)) != std::string_view::npos; start = end + 1)
        parts.push_back(text.substr(start, end - start));
    parts.push_back(text.substr(start));
    return parts;
}

// Digit grouping (Svenska skrivregler; house style): a first group of one to
// three digits, then groups of exactly three.
bool grouped_by(std::string_view text, char separator) {
    const auto groups = split(text, separator);
    if (groups.front().size() > 3 || !all_digits(groups.front())) return false;
    for (std::size_t i = 1; i < groups.size(); ++i)
        if (groups[i].size() != 3 || !all_digits(groups[i])) return false;
    return true;
}

// "1 000 000": the suggested spelling in messages (a plain space, which a
// terminal shows; the documents themselves use U+00A0).
std::string spaced(std::string_view digits) {
    std::string plain;
    for (char c : digits)
        if (is_digit(c)) plain += c;
    const auto first = plain.find_first_not_of('0');
    plain = first == std::string::npos ? "0" : plain.substr(first);
    std::string out;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        if (i > 0 && (plain.size() - i) % 3 == 0) out += ' ';
        out += plain[i];
    }
    return out;
}

// "12" and "500" -> "12,5": the reading with a decimal separator, written
// the Swedish way.
std::string as_decimal(std::string_view whole, std::string_view fraction) {
    std::string trimmed(fraction);
    while (!trimmed.empty() && trimmed.back() == '0') trimmed.pop_back();
    return spaced(whole) + (trimmed.empty() ? "" : "," + trimmed);
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    const auto tail = text.substr(text.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        const char c = tail[i] >= 'A' && tail[i] <= 'Z' ? static_cast<char>(tail[i] - 'A' + 'a') : tail[i];
        if (c != suffix[i]) return false;
    }
    return true;
}

std::string_view without_trailing_spaces(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
}

// What people type after whole kronor; ":-" is the Swedish mark for "whole
// kronor, no öre".
std::string_view strip_unit(std::string_view text) {
    for (std::string_view unit : {"kronor", "kr.", "kr", ":-"})
        if (text.size() > unit.size() && ends_with_ignoring_case(text, unit))
            return without_trailing_spaces(text.substr(0, text.size() - unit.size()));
    return text;
}

// tkr, mkr and mnkr scale the number (Språkrådet); an amount column holds
// whole kronor, and silently reading "500 tkr" as 500 would be wrong.
bool has_scaled_unit(std::string_view text) {
    for (std::string_view unit : {"tkr", "tkr.", "mkr", "mkr.", "mnkr", "mnkr."})
        if (ends_with_ignoring_case(text, unit)) return true;
    return false;
}

// A minus sign as people type it: hyphen-minus, U+2212 MINUS SIGN, and the
// en and em dashes that word processors substitute.
std::size_t minus_length(std::string_view text) {
    if (!text.empty() && text.front() == '-') return 1;
    for (std::string_view sign : {"\xE2\x88\x92", "\xE2\x80\x93", "\xE2\x80\x94"})
        if (text.substr(0, sign.size()) == sign) return sign.size();
    return 0;
}

bool starts_with_digit(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    return first != std::string_view::npos && is_digit(text[first]);
}

class AmountParser {
public:
    AmountParser(std::string_view shown, const core::SourceLocation& where, core::Diagnostics& diagnostics)
        : shown_(shown), where_(where), diagnostics_(diagnostics) {}

    std::optional<std::int64_t> parse(std::string_view body) {
        for (char c : body)
            if (!is_digit(c) && c != ' ' && c != ',' && c != '.') return not_an_amount();
        if (body.find_first_of("0123456789") == std::string_view::npos) return not_an_amount();
        if (body.find('.') != std::string_view::npos) return dots(body);
        const auto parts = split(body, ',');
        if (parts.size() > 2) return commas(body);
        if (parts.size() == 2 && !whole_decimals(parts[0], parts[1])) return std::nullopt;
        return whole(parts[0]);
    }

    std::optional<std::int64_t> not_an_amount() {
        return fail(core::tr("not an amount: {1}; expected whole kronor, such as 500 000", quoted(shown_)));
    }

private:
    std::optional<std::int64_t> fail(const std::string& message) {
        diagnostics_.error(where_, message);
        return std::nullopt;
    }

    // A decimal point is not Swedish, and a thousands dot is German; either
    // way the number cannot be trusted.
    std::optional<std::int64_t> dots(std::string_view body) {
        const std::string_view number = body.substr(0, body.find(','));
        if (!grouped_by(number, '.'))
            return fail(core::tr(
                "amount with a decimal point: {1} is not a whole amount; amounts are whole kronor, such as 500 000",
                quoted(shown_)));
        const auto groups = split(number, '.');
        if (groups.size() == 2 && number.size() == body.size())
            return fail(
                core::tr("ambiguous amount: {1} reads as {2} kronor with a thousands dot, or as {3} kronor with a "
                         "decimal point; write \"{4}\" (a space between thousands)",
                         quoted(shown_), spaced(number), as_decimal(groups[0], groups[1]), spaced(number)));
        return fail(core::tr("thousands dots in {1}; write \"{2}\" (a space between thousands)", quoted(shown_),
                             spaced(number)));
    }

    std::optional<std::int64_t> commas(std::string_view body) {
        if (!grouped_by(body, ',')) return not_an_amount();
        return fail(core::tr("thousands commas in {1}; write \"{2}\" (a space between thousands)", quoted(shown_),
                             spaced(body)));
    }

    // Exports of currency cells write ",00"; whole kronor are what the fund grants.
    bool whole_decimals(std::string_view number, std::string_view decimals) {
        if (number.empty() || !all_digits(decimals)) {
            not_an_amount();
            return false;
        }
        if (decimals == "0" || decimals == "00") return true;
        const std::string joined = std::string(number) + std::string(decimals);
        if (decimals.size() == 3 && number.size() <= 3 && all_digits(number))
            fail(
                core::tr("ambiguous amount: {1} reads as {2} kronor with a thousands comma, or as {3} kronor with a "
                         "decimal comma; write \"{4}\" (a space between thousands)",
                         quoted(shown_), spaced(joined), as_decimal(number, decimals), spaced(joined)));
        else
            fail(core::tr("amount with decimals: {1},{2} kronor is not a whole amount; amounts are whole kronor",
                          std::string(number), std::string(decimals)));
        return false;
    }

    std::optional<std::int64_t> whole(std::string_view number) {
        if (!all_digits(number) && !grouped_by(number, ' '))
            return fail(core::tr(
                "badly grouped amount: {1}; after the first group, digits come in groups of three, such as 500 000",
                quoted(shown_)));
        std::int64_t value = 0;
        for (char c : number) {
            if (!is_digit(c)) continue;
            value = value * 10 + (c - '0');
            if (value > kMaxAmount)
                return fail(core::tr("amount too large: {1} is more than {2} kronor", quoted(shown_),
                                     spaced(std::to_string(kMaxAmount))));
        }
        return value;
    }

    std::string_view shown_;
    const core::SourceLocation& where_;
    core::Diagnostics& diagnostics_;
};

bool iso_shaped(std::string_view text) {
    return text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
           all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2));
}

std::string why_no_such_date(std::string_view text) {
    // Each a whole sentence: {1} the year, {2} the number of days.
    static const std::array<const char*, 12> kMonths = {
        core::tr_noop("January {1} has {2} days"),   core::tr_noop("February {1} has {2} days"),
        core::tr_noop("March {1} has {2} days"),     core::tr_noop("April {1} has {2} days"),
        core::tr_noop("May {1} has {2} days"),       core::tr_noop("June {1} has {2} days"),
        core::tr_noop("July {1} has {2} days"),      core::tr_noop("August {1} has {2} days"),
        core::tr_noop("September {1} has {2} days"), core::tr_noop("October {1} has {2} days"),
        core::tr_noop("November {1} has {2} days"),  core::tr_noop("December {1} has {2} days")};
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = std::stoi(std::string(text.substr(5, 2)));
    if (year == 0) return core::tr("there is no year 0");
    if (month < 1 || month > 12) return core::tr("there is no month {1}", std::to_string(month));
    int days = 31;
    while (days > 28 && !core::Date{year, month, days}.valid()) --days;
    return core::tr(kMonths[static_cast<std::size_t>(month - 1)], std::to_string(year), std::to_string(days));
}

// "2024-12-1" -> "2024-12-01" when that is a real date.
std::optional<std::string> padded_iso(std::string_view text) {
    const auto parts = split(text, '-');
    if (parts.size() != 3 || parts[0].size() != 4 || !all_digits(parts[0])) return std::nullopt;
    std::string out(parts[0]);
    for (std::size_t i = 1; i < 3; ++i) {
        if (parts[i].empty() || parts[i].size() > 2 || !all_digits(parts[i])) return std::nullopt;
        out += (parts[i].size() == 1 ? "-0" : "-") + std::string(parts[i]);
    }
    if (!core::parse_iso_date(out)) return std::nullopt;
    return out;
}

}  // namespace

std::string normalize_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space_pending = false;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = static_cast<unsigned char>(text[pos]);
        std::size_t length = 1;
        if (c >= 0x80) length = decode_utf8(text, pos, c);  // ASCII needs no decoding
        if (length > 0 && is_white_space(c)) {
            space_pending = true;
            pos += length;
            continue;
        }
        if (length == 0) length = 1;  // ill-formed: pass the byte through
        if (space_pending && !out.empty()) out += ' ';
        space_pending = false;
        out.append(text.substr(pos, length));
        pos += length;
    }
    return out;
}

std::optional<std::int64_t> parse_amount(std::string_view text, const core::SourceLocation& where,
                                         core::Diagnostics& diagnostics, bool required) {
    const std::string value = normalize_space(text);
    if (value.empty()) {
        if (required) diagnostics.error(where, core::tr("missing amount: expected whole kronor, such as 500 000"));
        return std::nullopt;
    }
    AmountParser parser(value, where, diagnostics);
    const std::size_t minus = minus_length(value);
    if (minus == value.size()) {
        diagnostics.error(where,
                          core::tr("not an amount: {1} is not read as 0; write 0 when nothing is requested or granted",
                                   quoted(value)));
        return std::nullopt;
    }
    if (minus > 0 && starts_with_digit(std::string_view(value).substr(minus))) {
        diagnostics.error(where, core::tr("negative amount: {1}; amounts are whole kronor, 0 or more", quoted(value)));
        return std::nullopt;
    }
    if (has_scaled_unit(value)) {
        diagnostics.error(
            where,
            core::tr("not an amount in kronor: {1} is in thousands or millions; write whole kronor, such as 500 000",
                     quoted(value)));
        return std::nullopt;
    }
    return parser.parse(strip_unit(value));
}

std::optional<std::int64_t> parse_count(std::string_view text, const core::SourceLocation& where,
                                        core::Diagnostics& diagnostics, bool required) {
    const std::string value = normalize_space(text);
    if (value.empty()) {
        if (required) diagnostics.error(where, core::tr("missing number: expected a whole number, such as 23 450"));
        return std::nullopt;
    }
    const std::size_t minus = minus_length(value);
    std::string_view body = std::string_view(value).substr(minus);
    if (!body.empty() && body.front() == ' ')
        body.remove_prefix(1);  // "- 12": one space at most, after normalize_space
    auto fail = [&](const std::string& message) -> std::optional<std::int64_t> {
        diagnostics.error(where, message);
        return std::nullopt;
    };
    if (body.empty() || body.find_first_not_of("0123456789 ,.") != std::string_view::npos)
        return fail(core::tr("not a number: {1}; expected a whole number, such as 23 450", quoted(value)));
    if (body.find(',') != std::string_view::npos)
        return fail(core::tr("not a whole number: {1} has decimals; a count is whole persons", quoted(value)));
    if (body.find('.') != std::string_view::npos)
        return fail(core::tr("a dot in the number {1}; write \"{2}\" (a space between thousands)", quoted(value),
                             spaced(body)));
    if (!all_digits(body) && !grouped_by(body, ' '))
        return fail(
            core::tr("badly grouped number: {1}; after the first group, digits come in groups of three, such as 23 450",
                     quoted(value)));
    std::int64_t count = 0;
    for (char c : body) {
        if (!is_digit(c)) continue;
        count = count * 10 + (c - '0');
        if (count > kMaxAmount)
            return fail(
                core::tr("number too large: {1} is more than {2}", quoted(value), spaced(std::to_string(kMaxAmount))));
    }
    return minus > 0 ? -count : count;
}

std::optional<core::Date> parse_date(std::string_view text, const core::SourceLocation& where,
                                     core::Diagnostics& diagnostics, bool required) {
    const std::string value = normalize_space(text);
    if (value.empty()) {
        if (required) diagnostics.error(where, core::tr("missing date: expected YYYY-MM-DD, such as 2024-12-10"));
        return std::nullopt;
    }
    if (const auto date = core::parse_iso_date(value)) return date;
    if (iso_shaped(value)) {
        diagnostics.error(where, core::tr("the date {1} does not exist: {2}", value, why_no_such_date(value)));
    } else if (const auto padded = padded_iso(value)) {
        diagnostics.error(where, core::tr("not a date in the form YYYY-MM-DD: {1}; write {2}", quoted(value), *padded));
    } else {
        diagnostics.error(where,
                          core::tr("not a date: {1}; expected the form YYYY-MM-DD, such as 2024-12-10", quoted(value)));
    }
    return std::nullopt;
}

}  // namespace ingest
