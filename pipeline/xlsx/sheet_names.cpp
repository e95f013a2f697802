#include "xlsx/sheet_names.hpp"

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

// Cut to `length` units, at the last word space when one is in the second
// half ("Lokala utvecklingsmedel (LUM)", not "... (LUM) 2"), never between
// the halves of a surrogate pair, without a space or apostrophe at the end.
icu::UnicodeString cut(icu::UnicodeString s, int length) {
    if (s.length() > length) {
        const auto space = s.lastIndexOf(u' ', 0, length + 1);
        s.truncate(space > length / 2 ? space : U16_IS_LEAD(s.charAt(length - 1)) ? length - 1 : length);
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
