#pragma once
// Exported text files arrive as UTF-8 from current Excel ("CSV UTF-8", with a
// byte-order mark) and from other tools (without one), and as Windows-1252
// from older Excel ("CSV (semikolonavgränsad)"). Everything after this step
// works on UTF-8 only, so the guess is made once, here, and reported.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"

namespace ingest {

struct DecodedText {
    std::string utf8;
    std::string encoding;  // "UTF-8", "UTF-8 with BOM", "Windows-1252"; the rejected encoding when !ok
    // True when `utf8` holds the file's text. With a UTF-8 byte-order mark
    // but ill-formed bytes, those bytes are replaced by U+FFFD and reported
    // as one error, and ok stays true so that later stages can still name
    // the records.
    bool ok = false;
};

// Decodes an exported text file to UTF-8:
// - a UTF-8 byte-order mark is stripped; well-formed UTF-8 is kept as it is;
// - otherwise bytes that are plausible Windows-1252 are converted (ICU ucnv),
//   with a note naming the first byte that is not UTF-8;
// - a UTF-16/UTF-32 byte-order mark, NUL bytes, an empty file, or bytes that
//   are neither UTF-8 nor Windows-1252 are errors, and ok is false.
// Diagnostics name the file and, where there is one, the line and column.
DecodedText decode_text(std::string_view bytes, const std::string& file, core::Diagnostics& diagnostics);

// Decodes the well-formed UTF-8 sequence that starts at `pos` (Unicode 15.0,
// §3.9, Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF)
// into `code_point` and returns its length in bytes; returns 0, leaving
// `code_point` alone, when the bytes at `pos` are not well-formed or `pos`
// is at or past the end.
std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& code_point);

}  // namespace ingest
