#pragma once
// The diagnostics as JSON, for the nightly build and other programs that read
// the report rather than a person. The core stage has no JSON library (Poco
// JSON is for cli/ and nightly/ only, and Debian's nlohmann-json would be a
// dependency for a few dozen lines); writing JSON is simple enough to do by
// hand when the escaping follows RFC 8259 to the letter, which is all that
// is done here. Nothing here parses JSON.
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace core {

// A JSON string: quoted, with '"', '\' and the control characters escaped
// (RFC 8259 §7). Bytes that are not well-formed UTF-8 become U+FFFD, because
// JSON text must be UTF-8 (RFC 8259 §8.1) and input files can hold anything.
std::string json_string(std::string_view utf8);

// {"file": "…", "line": 3, "column": 12, "severity": "error",
//  "message": "…", "text": "file:3:12: error: …"}
// line and column are null when unknown (0 in SourceLocation).
std::string to_json(const Diagnostic& diagnostic);

// {"errors": 1, "warnings": 0, "notes": 2, "diagnostics": [ … ]}, the
// diagnostics sorted by file, line and column as the text report prints
// them. One line per diagnostic, so that the output diffs well.
std::string to_json(const Diagnostics& diagnostics);

}  // namespace core
