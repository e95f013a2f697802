#include "core/closest_match.hpp"

#include <algorithm>

#include <unicode/unistr.h>

namespace core {

namespace {

std::u32string to_code_points(std::string_view utf8) {
    const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::u32string out;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
        out.push_back(static_cast<char32_t>(text.char32At(i)));
    return out;
}

}  // namespace

std::string fold_case(std::string_view utf8) {
    auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.foldCase();
    std::string out;
    text.toUTF8String(out);
    return out;
}

// Wagner–Fischer dynamic programming with one row: O(|a|·|b|) time.
int edit_distance(std::string_view a, std::string_view b) {
    const auto x = to_code_points(fold_case(a));
    const auto y = to_code_points(fold_case(b));
    std::vector<int> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= x.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[y.size()];
}

std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates) {
    const int limit = std::max(1, static_cast<int>(to_code_points(name).size()) / 3);
    std::optional<std::string> best;
    int best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const int d = edit_distance(name, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

}  // namespace core
