#include "xlsx/sheet_names.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/xml_text.hpp"

namespace xlsx {

namespace {

// Excel counts UTF-16 code units; 31 is its limit for a sheet name.
constexpr int kMaxSheetName = 31;

icu::UnicodeString cleaned(const std::string& wanted) {
    auto name = icu::UnicodeString::fromUTF8(core::xml_chars(wanted));
    for (const char16_t c : {u'[', u']', u':', u'*', u'?', u'/', u'\\', u'\n', u'\t', u'\r'})
        name.findAndReplace(icu::UnicodeString(c), icu::UnicodeString(u'-'));
    name.trim();
    while (name.startsWith(u"'")) name.remove(0, 1);
    while (name.endsWith(u"'")) name.truncate(name.length() - 1);
    return name.isEmpty() ? icu::UnicodeString(u"Tabell") : name;
}

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    return s.toUTF8String(out);
}

// A name too long for a tab is shortened as a person would: the words that
// an abbreviation in parentheses stands for give way to it ("Medel för
// utveckling och lärande (MUL) 2025" is "MUL 2025"); otherwise the name is
// cut after its last whole word that fits, with "…" to show that it was.
icu::UnicodeString abbreviated(const icu::UnicodeString& s) {
    const auto open = s.indexOf(u'(');
    const auto close = open < 0 ? -1 : s.indexOf(u')', open);
    if (close <= open + 1 || open == 0) return s;
    for (int i = open + 1; i < close; ++i)
        if (!u_isupper(s.charAt(i)) && s.charAt(i) != u'-') return s;
    auto out = icu::UnicodeString(s.tempSubString(open + 1, close - open - 1)) + s.tempSubString(close + 1);
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

std::string SheetNames::take(const std::string& wanted) {
    const auto base = cleaned(wanted);
    // Excel reserves "History" (any case) for the change history of a shared
    // workbook, and refuses it as a sheet name; it is taken before any table.
    if (used_.empty()) used_.insert(utf8(icu::UnicodeString(u"History").foldCase()));
    for (int n = 1;; ++n) {
        const icu::UnicodeString suffix =
            n == 1 ? icu::UnicodeString() : icu::UnicodeString::fromUTF8(" (" + std::to_string(n) + ")");
        auto name = cut(base, kMaxSheetName - suffix.length()) + suffix;
        auto folded = name;
        if (used_.insert(utf8(folded.foldCase())).second) return utf8(name);
    }
}

}  // namespace xlsx
