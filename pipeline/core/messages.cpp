#include "core/messages.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace core {

namespace {

constexpr const char* kDomain = "fuel";

// Written once by set_language, before threads exist; read by every tr().
Language current = Language::English;

bool names_english(std::string_view value) {
    // "en", "en_US.UTF-8", "en@quot", "en:sv" (LANGUAGE's list: its first entry).
    return value.substr(0, 2) == "en" &&
           (value.size() == 2 || value[2] == '_' || value[2] == '.' || value[2] == '@' || value[2] == ':');
}

}  // namespace

Language language() { return current; }

std::optional<Language> parse_language(std::string_view name) {
    if (name == "sv") return Language::Swedish;
    if (name == "en") return Language::English;
    return std::nullopt;
}

Language language_from_environment() {
    for (const char* variable : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value && *value) return names_english(value) ? Language::English : Language::Swedish;
    }
    return Language::Swedish;
}

std::string catalogue_dir() {
    std::error_code ec;
    const auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    const auto beside = program.parent_path() / "locale";
    if (std::filesystem::exists(beside / "sv" / "LC_MESSAGES" / "fuel.mo", ec)) return beside.string();
    return (program.parent_path().parent_path() / "share" / "locale").string();
}

void set_language(Language language, const std::string& dir) {
    current = language;
    if (language == Language::English) return;
    // glibc's gettext looks at LANGUAGE only when the LC_MESSAGES locale is
    // not "C"; "C.UTF-8" is always present in Debian's libc (unlike sv_SE,
    // which a server may not have generated) and lets LANGUAGE choose the
    // catalogue (docs/messages.md). Only LC_MESSAGES is set: number and
    // character handling stay as they were.
    std::setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "sv", 1);
    bindtextdomain(kDomain, (dir.empty() ? catalogue_dir() : dir).c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
}

std::string tr(const char* msgid) {
    if (current == Language::English) return msgid;
    return dgettext(kDomain, msgid);
}

std::string trn(const char* singular, const char* plural, unsigned long n) {
    if (current == Language::English) return n == 1 ? singular : plural;
    return dngettext(kDomain, singular, plural, n);
}

std::string fill_placeholders(std::string_view text, const std::string_view* values, std::size_t count) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // "{N}" with N one or more digits, 1-based.
        if (text[i] == '{') {
            std::size_t j = i + 1;
            std::size_t n = 0;
            while (j < text.size() && text[j] >= '0' && text[j] <= '9' && j - i <= 3) n = n * 10 + (text[j++] - '0');
            if (j > i + 1 && j < text.size() && text[j] == '}' && n >= 1 && n <= count) {
                out += values[n - 1];
                i = j;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string decimal(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string result = text;
    if (language() == Language::Swedish)
        for (auto& c : result)
            if (c == '.') c = ',';
    return result;
}

}  // namespace core
