#include "xlsx/swedish_number.hpp"

#include <charconv>
#include <string>
#include <system_error>

namespace xlsx {

namespace {

// Separators of digit groups and before "%": U+00A0 (house style), U+202F
// (narrow no-break space, what ICU writes for some locales) and a plain
// space (typed by hand).
std::size_t space_at(std::string_view s, std::size_t i) {
    for (std::string_view sp : {"\u00A0", "\u202F", " "})
        if (s.substr(i, sp.size()) == sp) return sp.size();
    return 0;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Digits with optional group separators, each group after the first exactly
// three digits long; `digits` gets the digits alone.
bool integer_part(std::string_view s, std::size_t& i, std::string& digits, bool& grouped) {
    std::size_t group = 0;
    bool first = true;
    while (i < s.size()) {
        if (s[i] >= '0' && s[i] <= '9') {
            digits += s[i++];
            ++group;
            continue;
        }
        const auto sp = space_at(s, i);
        const bool next_is_digit = sp && i + sp < s.size() && s[i + sp] >= '0' && s[i + sp] <= '9';
        if (!next_is_digit) break;
        if (group == 0 || (first ? group > 3 : group != 3)) return false;
        grouped = true;
        first = false;
        group = 0;
        i += sp;
    }
    return group > 0 && (first || group == 3);
}

}  // namespace

std::optional<SwedishNumber> parse_swedish_number(std::string_view s) {
    SwedishNumber n;
    std::size_t i = 0;
    std::string ascii;  // "-1234.5", for from_chars, which no locale changes
    if (starts_with(s, "\u2212")) {
        ascii = "-", i = 3;
    } else if (starts_with(s, "-")) {
        ascii = "-", i = 1;
    }
    if (!integer_part(s, i, ascii, n.grouped)) return std::nullopt;
    if (i < s.size() && s[i] == ',') {
        ascii += '.';
        const auto start = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ascii += s[i++];
        n.decimals = static_cast<int>(i - start);
        if (n.decimals == 0) return std::nullopt;
    }
    if (i < s.size()) {
        i += space_at(s, i);
        if (s.substr(i) != "%") return std::nullopt;
        n.percent = true;
    }
    const auto [end, error] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), n.value);
    if (error != std::errc() || end != ascii.data() + ascii.size()) return std::nullopt;
    if (n.percent) n.value /= 100;
    return n;
}

}  // namespace xlsx
