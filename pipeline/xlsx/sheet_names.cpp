#include "xlsx/sheet_names.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/xml_text.hpp"

namespace xlsx {

namespace {

// Excel counts UTF-16 code units; 31 is its limit for a sheet name.
constexpr int kMaxSheetName = 31;

// A suffix that tells two tables apart leaves at least 10 characters of
// the heading.
constexpr int kMaxSuffix = 21;

icu::UnicodeString cleaned(const std::string& wanted, bool trimmed = true) {
    auto name = icu::UnicodeString::fromUTF8(core::xml_chars(wanted));
    for (const char16_t c : {u'[', u']', u':', u'*', u'?', u'/', u'\\', u'\n', u'\t', u'\r'})
        name.findAndReplace(icu::UnicodeString(c), icu::UnicodeString(u'-'));
    if (!trimmed) return name;
    name.trim();
    while (name.startsWith(u"'")) name.remove(0, 1);
    while (name.endsWith(u"'")) name.truncate(name.length() - 1);
    return name.isEmpty() ? icu::UnicodeString(u"Tabell") : name;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    return s.toUTF8String(out);
}

// Short words an abbreviation skips ("Medel för utveckling och lärande" is MUL).
bool function_word(const icu::UnicodeString& word) {
    for (const char16_t* w : {u"och", u"för", u"av", u"i", u"på", u"med", u"till", u"om"})
        if (word.caseCompare(icu::UnicodeString(w), U_FOLD_CASE_DEFAULT) == 0) return true;
    return false;
}

// A name too long for a tab is shortened as a person would: the words that
// an abbreviation in parentheses stands for give way to it ("Medel för
// utveckling och lärande (MUL) 2025" is "MUL 2025", "LUM-06 Familjeorienterat
// boendestöd (FOB)" is "LUM-06 FOB"). The words are those right before the
// parentheses whose initials are the abbreviation's letters in order (a
// compound word may stand for two), the first word for its first letter.
icu::UnicodeString abbreviated(const icu::UnicodeString& s) {
    const auto open = s.indexOf(u'(');
    const auto close = open < 0 ? -1 : s.indexOf(u')', open);
    if (close <= open + 1 || open == 0) return s;
    const auto abbreviation = icu::UnicodeString(s.tempSubString(open + 1, close - open - 1));
    for (int i = 0; i < abbreviation.length(); ++i)
        if (!u_isupper(abbreviation.charAt(i))) return s;
    // Walk back over the words before "(", matching initials from the end.
    int letter = abbreviation.length() - 1;
    int start = open;
    while (letter >= 0 && start > 0) {
        auto end = start;
        while (end > 0 && s.charAt(end - 1) == u' ') --end;
        auto begin = end;
        while (begin > 0 && s.charAt(begin - 1) != u' ') --begin;
        if (begin == end) break;
        const auto word = icu::UnicodeString(s.tempSubString(begin, end - begin));
        const auto initial = u_toupper(word.char32At(0));
        int found = letter;
        while (found >= 0 && static_cast<UChar32>(abbreviation.charAt(found)) != initial) --found;
        if (found < 0 && !function_word(word)) break;
        if (found >= 0) letter = found - 1;
        start = begin;
        if (found == 0) break;
    }
    if (letter >= 0 || start == open) return s;
    auto out = icu::UnicodeString(s.tempSubString(0, start)) + abbreviation + s.tempSubString(close + 1);
    return out.trim();
}

icu::UnicodeString cut(icu::UnicodeString s, int length) {
    if (s.length() > length) {
        const auto shorter = abbreviated(s);
        if (shorter.length() <= length) return shorter;
        const int room = length - 1;  // for the "…"
        const auto space = s.lastIndexOf(u' ', 0, room + 1);
        s.truncate(space > room / 2 ? space : U16_IS_LEAD(s.charAt(room - 1)) ? room - 1 : room);
        while (s.endsWith(u" ") || s.endsWith(u"'") || s.endsWith(u",")) s.truncate(s.length() - 1);
        s += u'\u2026';
    }
    while (s.endsWith(u" ") || s.endsWith(u"'")) s.truncate(s.length() - 1);
    return s;
}

}  // namespace

std::string SheetNames::take(const std::string& wanted, const std::vector<std::string>& suffixes) {
    const auto base = cleaned(wanted);
    // Excel reserves "History" (any case) for the change history of a shared
    // workbook, and refuses it as a sheet name; it is taken before any table.
    if (used_.empty()) used_.insert(utf8(icu::UnicodeString(u"History").foldCase()));
    const auto try_take = [&](const icu::UnicodeString& name) {
        auto folded = name;
        return used_.insert(utf8(folded.foldCase())).second;
    };
    if (const auto name = cut(base, kMaxSheetName); try_take(name)) return utf8(name);
    // Two tables under one heading: told apart by what the caller says of
    // them (" per förvaltning", " – Förändring (%)"), the heading cut to fit.
    for (const auto& suffix : suffixes) {
        const auto tail = cleaned(suffix, false);
        if (tail.length() > kMaxSuffix) continue;
        const auto name = cut(base, kMaxSheetName - tail.length()) + tail;
        if (try_take(name)) return utf8(name);
    }
    for (int n = 2;; ++n) {
        const auto suffix = icu::UnicodeString::fromUTF8(" (" + std::to_string(n) + ")");
        const auto name = cut(base, kMaxSheetName - suffix.length()) + suffix;
        if (try_take(name)) return utf8(name);
    }
}

}  // namespace xlsx
