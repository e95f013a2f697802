#pragma once
// Messages meant for people go through GNU gettext: the English text in the
// source is the message id (gettext's convention), po/sv.po holds its Swedish
// translation. Write every such message as tr("... {1} ... {2}", a, b): `tr`
// is the keyword xgettext extracts, and the numbered placeholders let a
// translation put the values in another order. docs/messages.md says how the
// language is chosen and how a translation is added.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace core {

enum class Language { English, Swedish };

// The language messages are in. English (the message ids themselves) until
// set_language is called, so library code and unit tests that never choose
// one see the English text.
Language language();

// Chooses the language of every later tr(). Call once at start, before any
// thread exists: it sets the process's LC_MESSAGES locale and LANGUAGE
// variable, which gettext reads. `catalogue_dir` is the folder that holds
// sv/LC_MESSAGES/fuel.mo; empty: catalogue_dir() below.
void set_language(Language language, const std::string& catalogue_dir = "");

// A decimal number in a message, with the decimal mark of the language:
// "1,25" in Swedish (Språkrådet: the decimal comma), "1.25" in English.
std::string decimal(double value, int decimals);

// "sv" or "en" (as --lang and fuel.language take them); nullopt otherwise.
std::optional<Language> parse_language(std::string_view name);

// The language the environment asks for: the first of LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG that is set and not empty decides; English when it
// names English ("en", "en_US.UTF-8", "en:sv", ...), Swedish otherwise,
// including "C", "C.UTF-8", "POSIX" and nothing set at all.
Language language_from_environment();

// Where the catalogues are: "locale" beside the running program when it
// holds fuel's catalogue (the build tree: build/fuel, build/locale), else
// share/locale of the installation the program belongs to (/usr/bin/fuel
// -> /usr/share/locale).
std::string catalogue_dir();

// The message in the user's language.
std::string tr(const char* msgid);

// Marks a message id for xgettext where it is written, for a tr() elsewhere
// to translate (a table of messages, a helper given the id).
constexpr const char* tr_noop(const char* msgid) { return msgid; }

// Replaces {1}, {2}, ... in `text` with `values[0]`, `values[1]`, ...; a
// placeholder without a value is left as it is.
std::string fill_placeholders(std::string_view text, const std::string_view* values, std::size_t count);

// The singular or plural form for the count `n` (ngettext: Swedish, like
// English, has two forms, chosen by the catalogue's Plural-Forms).
std::string trn(const char* singular, const char* plural, unsigned long n);

template <typename... Values>
std::string trn(const char* singular, const char* plural, unsigned long n, const Values&... values) {
    const std::string_view list[] = {std::string_view(values)...};
    return fill_placeholders(trn(singular, plural, n), list, sizeof...(Values));
}

template <typename... Values>
std::string tr(const char* msgid, const Values&... values) {
    const std::string_view list[] = {std::string_view(values)...};
    return fill_placeholders(tr(msgid), list, sizeof...(Values));
}

}  // namespace core
