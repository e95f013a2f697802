#pragma once
// Text from data and from file names on its way to a person: the terminal,
// the log, JSON, the status page. Whatever bytes a file or folder name or a
// cell holds, what comes out is valid UTF-8 with every control character
// shown, never obeyed: a name with ESC [2J cannot clear an operator's
// terminal, and a name that is not UTF-8 cannot make status.json invalid.
#include <string>
#include <string_view>

namespace core {

// `text` as valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
// past U+10FFFF), each invalid byte as U+FFFD, and every C0 and C1 control
// character but tab and line feed, DEL, and every bidirectional formatting
// character (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) written as
// \xHH or \u{HHHH}. Printable text passes unchanged.
std::string printable(std::string_view text);

}  // namespace core
