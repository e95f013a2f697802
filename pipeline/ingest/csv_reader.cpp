#include "ingest/csv_reader.hpp"

#include <array>
#include <optional>
#include <utility>

#include "ingest/text_checks.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

bool is_blank(std::string_view text) {
    for (char c : text)
        if (!is_space(c)) return false;
    return true;
}

std::string position(int line, int column) {
    return core::tr("line {1}, column {2}", std::to_string(line), std::to_string(column));
}

std::string describe(char separator) {
    if (separator == '\t') return "TAB";
    return std::string("'") + separator + "'";
}

// Walks the text keeping the 1-based line and column of the next byte.
// Columns count code points (UTF-8 lead bytes), as editors show them.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {
        // decode_text strips the mark; text from elsewhere may still have it.
        if (text_.substr(0, kUtf8Bom.size()) == kUtf8Bom) pos_ = kUtf8Bom.size();
    }
    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return text_[pos_]; }  // callers check at_end() first
    bool next_is(char c) const { return pos_ + 1 < text_.size() && text_[pos_ + 1] == c; }
    bool at_line_end() const { return !at_end() && is_line_end(text_[pos_]); }
    int line() const { return line_; }
    int column() const { return column_; }

    void advance() {
        ++pos_;
        if (at_end() || !is_continuation(text_[pos_])) ++column_;
    }

    // RFC 4180 §2.1 ends lines with CRLF; Excel for Mac writes LF, and
    // classic Mac OS exports a lone CR.
    void skip_line_end() {
        if (text_[pos_] == '\r' && next_is('\n')) ++pos_;
        ++pos_;
        ++line_;
        column_ = 1;
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
};

// ---------------------------------------------------------------------------
// Separator detection

struct SeparatorChoice {
    char separator = ';';
    int line = 1;  // the header line it was read from
};

constexpr std::size_t kCandidates = 4;

SeparatorChoice choose(const std::array<char, kCandidates>& candidates,
                       const std::array<std::size_t, kCandidates>& counts, int line) {
    if (counts[0] > 0) return {candidates[0], line};  // the expected one, whenever present
    std::size_t best = 0;
    for (std::size_t k = 1; k < kCandidates; ++k)
        if (counts[k] > counts[best]) best = k;
    return {candidates[best], line};
}

// Counts the candidates outside quotes on the first line that holds more
// than separators and spaces (the header). As in the reader, a quote opens
// quoting only at the start of a field (RFC 4180 §2.5).
SeparatorChoice detect_separator(std::string_view text, char expected) {
    const std::array<char, kCandidates> candidates = {expected, ';', ',', '\t'};
    const auto candidate = [&](char c) { return c == ';' || c == ',' || c == '\t' || c == expected; };
    Cursor cursor(text);
    while (!cursor.at_end()) {
        std::array<std::size_t, kCandidates> counts{};
        const int line = cursor.line();
        bool content = false, quoted = false, field_start = true;
        while (!cursor.at_end() && (quoted || !cursor.at_line_end())) {
            const char c = cursor.peek();
            if (quoted) {
                if (c == '"' && cursor.next_is('"'))
                    cursor.advance();
                else if (c == '"')
                    quoted = false;
            } else if (c == '"' && field_start) {
                quoted = content = true;
            } else {
                for (std::size_t k = 0; k < kCandidates; ++k) counts[k] += c == candidates[k] ? 1 : 0;
                content = content || !(candidate(c) || is_space(c));
            }
            field_start = !quoted && candidate(c);
            if (cursor.at_line_end())
                cursor.skip_line_end();
            else
                cursor.advance();
        }
        if (!cursor.at_end()) cursor.skip_line_end();
        if (content) return choose(candidates, counts, line);
    }
    return {expected, 1};
}

// ---------------------------------------------------------------------------
// Records

struct ReadRecord {
    CsvRecord record;
    bool blank = false;     // nothing but separators and spaces, nothing quoted
    bool unclosed = false;  // ends in a quoted field that is never closed
};

class RecordReader {
public:
    RecordReader(std::string_view text, char separator, const std::string& file, core::Diagnostics& diagnostics,
                 const CsvLimits& limits)
        : cursor_(text), separator_(separator), file_(file), diagnostics_(diagnostics), limits_(limits) {}

    // The next record, or nullopt at the end of the text or once a limit has
    // stopped reading (the record being read is then dropped).
    std::optional<ReadRecord> next() {
        if (stopped_ || cursor_.at_end()) return std::nullopt;
        ReadRecord read;
        read.record.line = cursor_.line();
        read.blank = true;
        while (true) {
            if (read.record.fields.size() >= limits_.max_fields_per_record) return stop_at_field_limit();
            CsvField field{{}, cursor_.line(), cursor_.column()};
            const bool quoted = !cursor_.at_end() && cursor_.peek() == '"';
            if (quoted)
                read_quoted(field, read.unclosed);
            else
                read_unquoted(field, true);
            if (stopped_) return std::nullopt;
            read.blank = read.blank && !quoted && is_blank(field.text);
            // Every field is checked and made NFC here, once (text_checks.hpp);
            // its first character follows the opening quote of a quoted field.
            if (!field.text.empty())
                field.text =
                    checked_text(field.text, {file_, field.line, field.column + (quoted ? 1 : 0)}, diagnostics_);
            read.record.fields.push_back(std::move(field));
            read.record.last_line = cursor_.line();
            if (cursor_.at_end()) break;
            if (cursor_.at_line_end()) {
                cursor_.skip_line_end();
                break;
            }
            cursor_.advance();  // the separator
        }
        return read;
    }

private:
    bool at_field_end() const { return cursor_.at_end() || cursor_.at_line_end() || cursor_.peek() == separator_; }

    void read_unquoted(CsvField& field, bool warn_about_quotes) {
        while (!at_field_end()) {
            if (cursor_.peek() == '"' && warn_about_quotes) {
                diagnostics_.warning(
                    {file_, cursor_.line(), cursor_.column()},
                    core::tr("a quote (\") inside an unquoted field at {1} is kept as a character; if the value holds "
                             "quotes or separators, quote the whole field and double the inner quotes (\"\")",
                             position(cursor_.line(), cursor_.column())));
                warn_about_quotes = false;
            }
            if (!append(field, cursor_.peek(), false)) return;
            cursor_.advance();
        }
    }

    // RFC 4180 §2.5-2.7: separators and line breaks inside quotes are data,
    // and "" stands for one quote.
    void read_quoted(CsvField& field, bool& unclosed) {
        cursor_.advance();
        while (!cursor_.at_end()) {
            const char c = cursor_.peek();
            if (c == '"' && cursor_.next_is('"')) {
                if (!append(field, '"', true)) return;
                cursor_.advance();
                cursor_.advance();
            } else if (c == '"') {
                cursor_.advance();
                if (!at_field_end()) text_after_closing_quote(field);
                return;
            } else if (is_line_end(c)) {
                if (!append(field, '\n', true)) return;
                cursor_.skip_line_end();
            } else {
                if (!append(field, c, true)) return;
                cursor_.advance();
            }
        }
        unclosed = true;
        diagnostics_.error({file_, field.line, field.column},
                           core::tr("unbalanced quote: the field that starts at {1} is never closed; expected a "
                                    "closing quote (\") before the end of the file",
                                    position(field.line, field.column)));
    }

    // Excel reads "abc"def as abcdef; keep it, but say so.
    void text_after_closing_quote(CsvField& field) {
        diagnostics_.warning({file_, cursor_.line(), cursor_.column()},
                             core::tr("text after the closing quote of the field that starts at {1} is kept; expected "
                                      "a separator or a line end after a closing quote",
                                      position(field.line, field.column)));
        read_unquoted(field, false);
    }

    bool append(CsvField& field, char c, bool quoted) {
        if (field.text.size() < limits_.max_field_bytes) {
            field.text += c;
            return true;
        }
        const auto at = position(field.line, field.column);
        const auto limit = std::to_string(limits_.max_field_bytes);
        diagnostics_.error({file_, field.line, field.column},
                           quoted
                               ? core::tr("the field that starts at {1} is longer than {2} bytes, the limit; reading "
                                          "stops here (is its opening quote ever closed?)",
                                          at, limit)
                               : core::tr("the field that starts at {1} is longer than {2} bytes, the limit; reading "
                                          "stops here",
                                          at, limit));
        stopped_ = true;
        return false;
    }

    std::optional<ReadRecord> stop_at_field_limit() {
        diagnostics_.error({file_, cursor_.line(), cursor_.column()},
                           core::tr("line {1} has more than {2} fields, the limit; reading stops here",
                                    std::to_string(cursor_.line()), std::to_string(limits_.max_fields_per_record)));
        stopped_ = true;
        return std::nullopt;
    }

    Cursor cursor_;
    char separator_;
    const std::string& file_;
    core::Diagnostics& diagnostics_;
    const CsvLimits& limits_;
    bool stopped_ = false;
};

// ---------------------------------------------------------------------------
// The table's shape

// Blank lines as ranges of consecutive line numbers, for one grouped note.
class BlankLines {
public:
    void add(int line) {
        ++count_;
        if (!ranges_.empty() && ranges_.back().second + 1 == line)
            ranges_.back().second = line;
        else
            ranges_.emplace_back(line, line);
    }

    void report(const std::string& file, core::Diagnostics& diagnostics) const {
        if (ranges_.empty()) return;
        // A file of scattered blank lines would otherwise make an endless note.
        constexpr std::size_t kMaxRangesListed = 10;
        std::string list;
        for (std::size_t i = 0; i < ranges_.size() && i < kMaxRangesListed; ++i) {
            list += (i == 0 ? "" : ", ") + std::to_string(ranges_[i].first);
            if (ranges_[i].second > ranges_[i].first) list += "-" + std::to_string(ranges_[i].second);
        }
        if (ranges_.size() > kMaxRangesListed)
            list += core::tr(" and {1} more ranges", std::to_string(ranges_.size() - kMaxRangesListed));
        diagnostics.note({file, ranges_.front().first, 0},
                         core::trn("skipped {1} blank line (empty or only separators): line {2}",
                                   "skipped {1} blank lines (empty or only separators): lines {2}", count_,
                                   std::to_string(count_), list));
    }

private:
    std::vector<std::pair<int, int>> ranges_;
    std::size_t count_ = 0;
};

bool ends_with_empty_field(const std::vector<CsvField>& fields) {
    return fields.size() > 1 && fields.back().text.empty();
}

// Excel and some report tools end every line with the separator. That makes
// an empty last column, in the header too or only in the records; drop it
// when every line has it, and say so once.
void drop_trailing_separator(CsvTable& table, std::optional<std::size_t> unclosed, const std::string& file,
                             core::Diagnostics& diagnostics) {
    const bool in_header = ends_with_empty_field(table.header);
    const std::size_t record_width = in_header ? table.header.size() : table.header.size() + 1;
    const auto has_it = [&](const CsvRecord& r) {
        return r.fields.size() == record_width && ends_with_empty_field(r.fields);
    };
    if (!in_header && table.records.size() <= (unclosed ? 1u : 0u)) return;
    for (std::size_t i = 0; i < table.records.size(); ++i)
        if (unclosed != i && !has_it(table.records[i])) return;
    const CsvField* first = in_header ? &table.header.back() : nullptr;
    for (std::size_t i = 0; !first && i < table.records.size(); ++i)
        if (unclosed != i) first = &table.records[i].fields.back();
    if (!first) return;
    diagnostics.warning({file, first->line, first->column},
                        core::tr("every line ends with the separator {1}, which makes an empty last column the header "
                                 "does not name; ignoring that column",
                                 describe(table.separator)));
    if (in_header) table.header.pop_back();
    for (auto& record : table.records)
        if (has_it(record)) record.fields.pop_back();
}

void check_field_counts(const CsvTable& table, std::optional<std::size_t> unclosed, const std::string& file,
                        core::Diagnostics& diagnostics) {
    const std::size_t width = table.header.size();
    for (std::size_t i = 0; i < table.records.size(); ++i) {
        const auto& record = table.records[i];
        const std::size_t n = record.fields.size();
        if (n == width || unclosed == i) continue;  // an unclosed quote is reported already
        const std::string message =
            core::trn("line {1} has {2} field but the header has {3}", "line {1} has {2} fields but the header has {3}",
                      n, std::to_string(record.line), std::to_string(n), std::to_string(width));
        if (n > width) {
            const CsvField& extra = record.fields[width];
            diagnostics.error(
                {file, extra.line, extra.column},
                core::tr("{1}; a value that holds {2} must be in quotes", message, describe(table.separator)));
        } else {
            diagnostics.error({file, record.line, 0},
                              core::trn("{1}; the last {2} is missing", "{1}; the last {2} are missing", width - n,
                                        message, std::to_string(width - n)));
        }
    }
}

// Reports the separator when it is not the expected one: a comma file read
// as ';' would otherwise fail on every line with a count error.
char choose_separator(std::string_view text, const std::string& file, core::Diagnostics& diagnostics, char expected) {
    const SeparatorChoice choice = detect_separator(text, expected);
    if (choice.separator != expected)
        diagnostics.warning({file, choice.line, 0},
                            core::tr("the file is separated by {1} but {2} is expected; reading it with {3}",
                                     describe(choice.separator), describe(expected), describe(choice.separator)));
    return choice.separator;
}

struct ReadTable {
    bool have_header = false;
    std::optional<std::size_t> unclosed;  // the record whose quote is never closed
};

ReadTable read_records(RecordReader& reader, CsvTable& table, const std::string& file, core::Diagnostics& diagnostics,
                       const CsvLimits& limits) {
    ReadTable result;
    BlankLines blank_lines;
    while (auto read = reader.next()) {
        if (read->blank) {
            blank_lines.add(read->record.line);
        } else if (!result.have_header) {
            table.header = std::move(read->record.fields);
            result.have_header = true;
        } else if (table.records.size() >= limits.max_records) {
            diagnostics.error({file, read->record.line, 0},
                              core::tr("the file has more than {1} records, the limit; reading stops at line {2}",
                                       std::to_string(limits.max_records), std::to_string(read->record.line)));
            break;
        } else {
            if (read->unclosed) result.unclosed = table.records.size();
            table.records.push_back(std::move(read->record));
        }
    }
    blank_lines.report(file, diagnostics);
    return result;
}

}  // namespace

CsvTable read_csv(std::string_view utf8, const std::string& file, core::Diagnostics& diagnostics, char expected,
                  const CsvLimits& limits) {
    if (expected == '"' || is_line_end(expected)) expected = ';';  // these cannot separate fields
    CsvTable table;
    table.separator = choose_separator(utf8, file, diagnostics, expected);
    RecordReader reader(utf8, table.separator, file, diagnostics, limits);
    const ReadTable read = read_records(reader, table, file, diagnostics, limits);
    if (!read.have_header) {
        diagnostics.error({file, 0, 0},
                          core::tr("the file has no header line, only blank lines; expected the column names"));
        return table;
    }
    drop_trailing_separator(table, read.unclosed, file, diagnostics);
    check_field_counts(table, read.unclosed, file, diagnostics);
    return table;
}

}  // namespace ingest
