#pragma once
// CSV as Excel writes it: RFC 4180 plus the habits of Swedish exports
// (';' because ',' is the decimal comma, CRLF, quoted line breaks from
// Alt+Enter, trailing separators). Positions are kept for every field so that
// each later diagnostic can point at the cell to fix.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"

namespace ingest {

struct CsvField {
    std::string text;  // unquoted, "" unescaped, line breaks inside quotes as "\n"; not trimmed
    int line = 0;      // position of the field's first character (its opening quote when quoted),
    int column = 0;    // 1-based; the column counts characters (code points), not bytes
};

struct CsvRecord {
    std::vector<CsvField> fields;
    int line = 0;       // the line the record starts on
    int last_line = 0;  // the line it ends on: later than `line` when a quoted field holds line breaks
};

struct CsvTable {
    std::vector<CsvField> header;    // empty when the file has no non-blank line
    std::vector<CsvRecord> records;  // without blank lines
    char separator = ';';
};

struct CsvLimits {
    // A funding export has about 20 columns; a thousand fields on one line
    // means the file is not the table we expect (a wrong separator guess on
    // prose, a binary file), and each field costs memory.
    std::size_t max_fields_per_record = 1000;
    // A long project description is a few kilobytes; a field of a megabyte is
    // almost always an unclosed quote swallowing the rest of the file.
    std::size_t max_field_bytes = 1 << 20;
    // A round has hundreds of applications; a million records bounds memory
    // and time for any input the file-size cap lets through.
    std::size_t max_records = 1000000;
};

// Parses UTF-8 text (already decoded) per RFC 4180 with Excel's habits:
// - the separator is detected from the header line among ';' ',' and TAB
//   (outside quotes), preferring `expected` whenever the header holds it; a
//   different one is used with a warning;
// - CRLF, LF and lone CR end lines, also inside quoted fields;
// - lines that are empty or hold only separators and spaces are skipped,
//   with one note listing them;
// - a separator at the end of every line (an empty last column the header
//   does not name) is dropped, with one warning;
// - a record with fewer or more fields than the header is an error, and the
//   record is still returned;
// - an unclosed quoted field is an error at its opening quote; the field
//   holds the rest of the file;
// - a quote inside an unquoted field (a"b) is kept as a character, with a
//   warning;
// - when a limit is exceeded: an error, and reading stops; the records read
//   so far are returned.
// Never throws for bad input.
CsvTable read_csv(std::string_view utf8, const std::string& file, core::Diagnostics& diagnostics, char expected = ';',
                  const CsvLimits& limits = {});

}  // namespace ingest
