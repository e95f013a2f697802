#pragma once
// Messages meant for people go through GNU gettext: the English text in the
// source is the message id (gettext's convention), po/sv.po holds its Swedish
// translation. Write every such message as tr("... {1} ... {2}", a, b): `tr`
// is the keyword xgettext extracts, and the numbered placeholders let a
// translation put the values in another order.
#include <string>
#include <string_view>
#include <utility>

namespace core {

// The message in the user's language (English until a language is chosen).
std::string tr(const char* msgid);

// Replaces {1}, {2}, ... in `text` with `values[0]`, `values[1]`, ...; a
// placeholder without a value is left as it is.
std::string fill_placeholders(std::string_view text, const std::string_view* values, std::size_t count);

template <typename... Values>
std::string tr(const char* msgid, const Values&... values) {
    const std::string_view list[] = {std::string_view(values)...};
    return fill_placeholders(tr(msgid), list, sizeof...(Values));
}

}  // namespace core
