#include "revision/text.hpp"

#include <array>
#include <cctype>
#include <string>

namespace revision {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The UTF-8 no-break spaces that group digits: U+00A0 and U+202F.
std::size_t no_break_space_at(std::string_view s, std::size_t i) {
    if (s.substr(i, 2) == "\u00A0") return 2;
    if (s.substr(i, 3) == "\u202F") return 3;
    return 0;
}

// A capital letter that may start a sentence: A–Z, or the Latin-1 capitals
// À–Þ (Å Ä Ö É Ü …), which UTF-8 writes as C3 80..C3 9E.
bool starts_sentence(std::string_view s, std::size_t i) {
    if (i >= s.size()) return false;
    const char c = s[i];
    if ((c >= 'A' && c <= 'Z') || is_digit(c)) return true;
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < s.size()) {
        const auto next = static_cast<unsigned char>(s[i + 1]);
        return next >= 0x80 && next <= 0x9E && next != 0x97;  // not ×
    }
    // An opening quote or parenthesis before the capital.
    if (c == '"' || c == '(') return starts_sentence(s, i + 1);
    if (s.substr(i, 3) == "\u201D" || s.substr(i, 3) == "\u201C") return starts_sentence(s, i + 3);
    return false;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The word before position `end` (the full stop): back to the last space
// or no-break space.
bool is_abbreviation(std::string_view text, std::size_t end) {
    std::size_t start = end;
    while (start > 0 && !is_space(text[start - 1]) && !(start >= 2 && no_break_space_at(text, start - 2) == 2)) --start;
    auto word = text.substr(start, end - start);
    while (!word.empty() && (word.front() == '(' || word.front() == '"')) word.remove_prefix(1);
    if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // an initial
    static const std::array<const char*, 25> abbreviations = {
        "t.ex", "bl.a", "dvs",  "d.v.s", "m.m",  "m.fl", "o.s.v", "osv", "s.k", "fr.o.m", "t.o.m", "f.d", "kr",
        "nr",   "ca",   "resp", "jfr",   "inkl", "exkl", "enl",   "ang", "st",  "kap",    "s",     "p"};
    const auto lower = lower_ascii(word);
    for (const char* abbreviation : abbreviations)
        if (lower == abbreviation) return true;
    return false;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// A letter: ASCII, or Latin-1 (Å Ä Ö é …), which UTF-8 writes as C3 xx.
bool letter_ends_at(std::string_view s, std::size_t end) {
    if (end == 0) return false;
    if (is_ascii_letter(s[end - 1])) return true;
    return end >= 2 && static_cast<unsigned char>(s[end - 2]) == 0xC3;
}

// A digit at `i` glued to the word before it ("LUM-01", "A4", "Ö3").
bool glued_to_word(std::string_view s, std::size_t i) {
    if (letter_ends_at(s, i)) return true;
    return i >= 1 && s[i - 1] == '-' && letter_ends_at(s, i - 1);
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t end = i + 1;  // past the mark and any closing quote or parenthesis
        while (end < text.size() && (text[end] == '"' || text[end] == ')')) ++end;
        if (text.substr(end, 3) == "\u201D") end += 3;
        if (end >= text.size() || text[end] != ' ') continue;
        std::size_t next = end;
        while (next < text.size() && text[next] == ' ') ++next;
        if (!starts_sentence(text, next)) continue;
        if (c == '.' && is_abbreviation(text, i)) continue;
        const auto sentence = trim(text.substr(start, end - start));
        if (!sentence.empty()) sentences.emplace_back(sentence);
        start = next;
        i = next - 1;
    }
    const auto rest = trim(text.substr(start));
    if (!rest.empty()) sentences.emplace_back(rest);
    return sentences;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t end = i;
        while (end < text.size() && !is_space(text[end])) ++end;
        if (end > i) words.emplace_back(text.substr(i, end - i));
        i = end;
    }
    return words;
}

double word_similarity(std::string_view a, std::string_view b) {
    const auto wa = split_words(a);
    const auto wb = split_words(b);
    if (wa.empty() && wb.empty()) return 1.0;
    std::size_t common = 0;
    for (const auto& edit : diff(wa, wb, [](const std::string&x, const std::string&y) { return x == y; }))
        if (edit.op == EditOp::Keep) ++common;
    return 2.0 * static_cast<double>(common) / static_cast<double>(wa.size() + wb.size());
}

std::vector<std::string> figures(std::string_view text) {
    static const std::array<const char*, 7> units = {"kronor", "kr", "tkr", "mkr", "mnkr", "procent", "%"};
    std::vector<std::string> found;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        const bool glued = glued_to_word(text, i);
        std::size_t end = i;
        for (;;) {
            while (end < text.size() && is_digit(text[end])) ++end;
            if (end >= text.size()) break;
            // A group of three digits after a no-break space; a decimal comma
            // or point, or the hyphen of an ISO date, before more digits.
            const auto space = no_break_space_at(text, end);
            if (space && end + space + 3 <= text.size() && is_digit(text[end + space]) &&
                is_digit(text[end + space + 1]) && is_digit(text[end + space + 2]) &&
                (end + space + 3 == text.size() || !is_digit(text[end + space + 3]))) {
                end += space;
                continue;
            }
            if ((text[end] == ',' || text[end] == '.' || text[end] == '-') && end + 1 < text.size() &&
                is_digit(text[end + 1])) {
                ++end;
                continue;
            }
            break;
        }
        if (glued || (end < text.size() && is_ascii_letter(text[end]))) {
            i = end;
            continue;
        }
        // A date in words: "4 december 2024", "2 juni".
        if (end - i <= 2 && end < text.size() && (text[end] == ' ' || no_break_space_at(text, end))) {
            static const std::array<const char*, 12> months = {"januari",   "februari", "mars",     "april",
                                                               "maj",       "juni",     "juli",     "augusti",
                                                               "september", "oktober",  "november", "december"};
            const std::size_t month_start = end + (text[end] == ' ' ? 1 : no_break_space_at(text, end));
            for (const char* month : months) {
                const std::string_view m(month);
                const auto month_end = month_start + m.size();
                if (text.substr(month_start, m.size()) != m ||
                    (month_end < text.size() && is_ascii_letter(text[month_end])))
                    continue;
                std::size_t date_end = month_end;
                if (month_end + 5 <= text.size() && text[month_end] == ' ' && is_digit(text[month_end + 1]) &&
                    is_digit(text[month_end + 2]) && is_digit(text[month_end + 3]) && is_digit(text[month_end + 4]) &&
                    (month_end + 5 == text.size() || !is_digit(text[month_end + 5])))
                    date_end = month_end + 5;
                end = date_end;
                break;
            }
            if (end > month_start) {
                found.emplace_back(text.substr(i, end - i));
                i = end;
                continue;
            }
        }
        // The unit, after a space, a no-break space or nothing ("25%").
        std::size_t unit_start = end;
        if (unit_start < text.size() && text[unit_start] == ' ')
            ++unit_start;
        else if (const auto space = no_break_space_at(text, unit_start))
            unit_start += space;
        std::size_t figure_end = end;
        for (const char* unit : units) {
            const std::string_view u(unit);
            if (text.substr(unit_start, u.size()) != u) continue;
            const auto after = unit_start + u.size();
            if (after < text.size() &&
                (is_ascii_letter(text[after]) || static_cast<unsigned char>(text[after]) >= 0x80) &&
                no_break_space_at(text, after) == 0)
                continue;  // "krona", "procentenheter": not the unit
            figure_end = after;
            break;
        }
        found.emplace_back(text.substr(i, figure_end - i));
        i = figure_end;
    }
    return found;
}

std::vector<FigurePair> changed_figures(std::string_view before, std::string_view after) {
    const auto a = figures(before);
    const auto b = figures(after);
    std::vector<FigurePair> pairs;
    // As many figures on both sides: the n-th became the n-th ("beviljades
    // 2024 … medel 2025" -> "beviljades 2025 … medel 2026" is 2024 -> 2025
    // and 2025 -> 2026, not one removed and one added year).
    if (a.size() == b.size()) {
        for (std::size_t k = 0; k < a.size(); ++k)
            if (a[k] != b[k]) pairs.push_back({a[k], b[k]});
        return pairs;
    }
    std::vector<std::string> removed, added;
    auto flush = [&] {
        const auto n = std::max(removed.size(), added.size());
        for (std::size_t k = 0; k < n; ++k)
            pairs.push_back({k < removed.size() ? removed[k] : "", k < added.size() ? added[k] : ""});
        removed.clear();
        added.clear();
    };
    for (const auto& edit : diff(a, b, [](const std::string&x, const std::string&y) { return x == y; })) {
        if (edit.op == EditOp::Keep)
            flush();
        else if (edit.op == EditOp::Remove)
            removed.push_back(a[edit.before]);
        else
            added.push_back(b[edit.after]);
    }
    flush();
    return pairs;
}

}  // namespace revision
