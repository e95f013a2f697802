// Writing the workbook with libxlsxwriter.
#include "xlsx/workbook.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <regex>
#include <set>
#include <ctime>
#include <map>
#include <tuple>

#include "core/xml_text.hpp"
#include "document/plain_text.hpp"
#include "xlsx/sheet_names.hpp"
#include "xlsx/swedish_number.hpp"
#include "xlsx/tables.hpp"
#include "core/messages.hpp"

namespace xlsx {

namespace {

// Column widths in Excel's character units: at least "Summa (kr)" fits a
// narrow column; at most about a third of a landscape screen, longer text
// wraps instead.
constexpr std::size_t kMinWidth = 8;
constexpr std::size_t kMaxWidth = 60;
// A character or two of air beside the longest cell, as Excel's own
// "AutoFit" leaves.
constexpr double kWidthPadding = 2;
// The zip epoch: the date of a document that has none, still deterministic.
constexpr std::time_t kNoDate = 315532800;  // 1980-01-01T00:00:00Z

// Excel stores number formats in the en-US notation ("," groups, "."
// decimals); a Swedish Excel shows "#,##0" as "# ##0" with a space and a
// decimal comma. The minus is U+2212 and the percent sign has a no-break
// space before it, as house-style.md writes them.
std::string number_format(const SwedishNumber& n) {
    std::string digits = n.grouped ? "#,##0" : "0";
    if (n.decimals > 0) digits += "." + std::string(static_cast<std::size_t>(n.decimals), '0');
    if (n.percent) digits += "\"\u00A0\"%";
    return digits + ";\"\u2212\"" + digits;
}

// The Swedish way of writing a date (house-style.md: 2024-12-10), the same
// in every Excel whatever its locale.
constexpr const char* kDateFormat = "yyyy-mm-dd";

std::size_t display_width(const std::string& utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// An ISO date of the Gregorian calendar ("2024-11-27"), else nothing.
std::optional<lxw_datetime> iso_date(const std::string& text) {
    static const std::regex pattern("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    std::smatch m;
    if (!std::regex_match(text, m, pattern)) return std::nullopt;
    const int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] + (mo == 2 && leap)) return std::nullopt;
    return lxw_datetime{y, mo, d, 0, 0, 0};
}

class Formats {
public:
    explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {}
    // bold: head and total rows; right: the column is right-aligned; wrap:
    // text longer than the column; number: the format code, or "".
    lxw_format* get(bool bold, bool right, bool wrap, const std::string& number) {
        auto& format = cache_[{bold, right, wrap, number}];
        if (format) return format;
        format = workbook_add_format(workbook_);
        if (bold) format_set_bold(format);
        if (right) format_set_align(format, LXW_ALIGN_RIGHT);
        if (wrap) format_set_text_wrap(format);
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
        if (!number.empty()) format_set_num_format(format, number.c_str());
        return format;
    }

private:
    lxw_workbook* workbook_;
    std::map<std::tuple<bool, bool, bool, std::string>, lxw_format*> cache_;
};

void check(lxw_error error, const std::string& what) {
    if (error != LXW_NO_ERROR) throw Error(core::tr("libxlsxwriter: {1}: {2}", what, lxw_strerror(error)));
}

bool right_aligned(const doc::Table& t, std::size_t column) {
    return column < t.columns.size() && t.columns[column].align == doc::Align::Right;
}

std::string cell_text(const doc::TableRow& row, std::size_t c) {
    // Workbook parts are XML: only XML 1.0 characters may reach them.
    return c < row.cells.size() ? core::xml_chars(doc::plain_text(row.cells[c].content, "\n")) : "";
}

// One number format per column, not per value: a value typed into the
// column later shows like the others. Grouped when any value is, with as
// many decimals as the most precise, a percentage when any is; a column of
// ISO dates holds dates.
struct ColumnFormat {
    bool numbers = false;
    SwedishNumber shape;
    bool dates = false;
    // Percentages written without "%" under a header that says "%" ("Andel
    // (%)": 28,5): held as fractions like every other percentage.
    bool percent_header = false;
    std::string code() const { return dates ? kDateFormat : numbers ? number_format(shape) : ""; }
};

std::vector<ColumnFormat> column_formats(const doc::Table& t, std::size_t columns) {
    std::vector<ColumnFormat> formats(columns);
    std::vector<bool> only_dates(columns, true), any_date(columns, false);
    for (const auto* rows : {&t.body, &t.foot})
        for (const auto& row : *rows)
            for (std::size_t c = 0; c < columns; ++c) {
                const auto text = cell_text(row, c);
                if (text.empty()) continue;
                if (const auto n = parse_swedish_number(text)) {
                    auto& f = formats[c];
                    f.numbers = true;
                    f.shape.grouped = f.shape.grouped || n->grouped;
                    f.shape.percent = f.shape.percent || n->percent;
                    f.shape.decimals = std::max(f.shape.decimals, n->decimals);
                }
                const bool date = iso_date(text).has_value();
                any_date[c] = any_date[c] || date;
                only_dates[c] = only_dates[c] && date;
            }
    for (std::size_t c = 0; c < columns; ++c) {
        formats[c].dates = any_date[c] && only_dates[c];
        const auto header = t.head.empty() ? std::string() : cell_text(t.head.back(), c);
        if (formats[c].numbers && !formats[c].shape.percent &&
            (header == "%" || header.find("(%)") != std::string::npos)) {
            formats[c].percent_header = true;
            formats[c].shape.percent = true;
        }
    }
    return formats;
}

struct SheetWriter {
    lxw_worksheet* sheet;
    Formats& formats;
    const doc::Table& t;
    const std::vector<ColumnFormat>& columns;
    std::vector<std::size_t>& widths;

    void cell(lxw_row_t at, std::size_t c, const std::string& text, bool bold) {
        if (widths.size() <= c) widths.resize(c + 1, kMinWidth);
        widths[c] = std::max(widths[c], std::min(display_width(text), kMaxWidth));
        if (text.empty()) return;
        const auto column = static_cast<lxw_col_t>(c);
        const auto& format = columns[c];
        if (const auto date = format.dates ? iso_date(text) : std::nullopt) {
            auto value = *date;
            check(worksheet_write_datetime(sheet, at, column, &value, formats.get(bold, false, false, kDateFormat)),
                  "write a date");
        } else if (const auto number = parse_swedish_number(text); number && format.numbers) {
            check(
                worksheet_write_number(sheet, at, column,
                                       format.percent_header && !number->percent ? number->value / 100 : number->value,
                                       formats.get(bold, false, false, format.code())),
                "write a number");
        } else {
            const bool wrap = display_width(text) > kMaxWidth || text.find('\n') != std::string::npos;
            check(worksheet_write_string(sheet, at, column, text.c_str(),
                                         formats.get(bold, right_aligned(t, c), wrap, "")),
                  "write a cell");
        }
    }

    void row(const doc::TableRow& r, lxw_row_t at, bool bold) {
        for (std::size_t c = 0; c < columns.size(); ++c) cell(at, c, cell_text(r, c), bold);
    }
};

// An Excel table's column names are unique, without regard to case, and
// never empty; a line break would show as a box in the filter's menu.
std::vector<std::string> table_headers(const doc::TableRow* head, std::size_t columns) {
    std::vector<std::string> names;
    std::set<std::string> used;
    const auto take = [&used](const std::string& name) {
        std::string folded;
        icu::UnicodeString::fromUTF8(name).foldCase().toUTF8String(folded);
        return used.insert(folded).second;
    };
    for (std::size_t c = 0; c < columns; ++c) {
        auto name = head ? cell_text(*head, c) : "";
        std::replace(name.begin(), name.end(), '\n', ' ');
        if (name.empty()) name = "Kolumn " + std::to_string(c + 1);
        // A repeated header ("%" after each count) says what it belongs to:
        // "% (Antal 20–24 år)".
        auto unique = name;
        if (!take(unique) && c > 0 && !take(unique = name + " (" + names.back() + ")"))
            for (int n = 2; !take(unique = name + " " + std::to_string(n)); ++n) {
            }
        names.push_back(unique);
    }
    return names;
}

// Whether the total row's value in column c is the sum of the body's: then
// it is Excel's own total (SUBTOTAL 109, which also follows a filter).
bool is_column_sum(const doc::Table& t, std::size_t c, double total) {
    double sum = 0;
    for (const auto& row : t.body) {
        const auto text = cell_text(row, c);
        if (text.empty()) continue;
        const auto n = parse_swedish_number(text);
        if (!n) return false;
        sum += n->value;
    }
    return std::abs(sum - total) < 1e-9 * std::max(1.0, std::abs(total));
}

// Whether a column name can stand in a structured reference ("[Summa
// (kr)]") as it is: libxlsxwriter writes the totals formula with the name
// unescaped, and Excel escapes these characters with "'" (Microsoft's
// "Using structured references with Excel tables"). A column whose name has
// one gets its total as a number instead.
bool plain_reference(const std::string& name) {
    return name.find_first_of("\t\n\r,:.[]#'\"{}$^&*+=-<>/") == std::string::npos;
}

// Each table is an Excel table (header row, filter buttons, banded rows)
// whose totals row is the document's total row, so that sorting or
// filtering the data never takes the total along; a second total row
// stands below the table after an empty row.
void write_sheet(lxw_workbook* workbook, Formats& formats, const NamedTable& named, const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    if (!sheet) throw Error(core::tr("libxlsxwriter: cannot add the sheet \"{1}\"", name));
    const auto& t = *named.table;
    std::size_t count = t.columns.size();
    for (const auto* rows : {&t.head, &t.body, &t.foot})
        for (const auto& row : *rows) count = std::max(count, row.cells.size());
    if (count == 0) return;
    const auto columns = column_formats(t, count);
    std::vector<std::size_t> widths;
    SheetWriter writer{sheet, formats, t, columns, widths};
    lxw_row_t at = 0;
    // Head rows above the last stand above the table, bold.
    for (std::size_t i = 0; i + 1 < t.head.size(); ++i) writer.row(t.head[i], at++, true);
    const auto* header = t.head.empty() ? nullptr : &t.head.back();
    const lxw_row_t first = at;
    if (header) writer.row(*header, at++, true);
    for (const auto& row : t.body) writer.row(row, at++, false);
    const doc::TableRow* total = t.foot.empty() || t.body.empty() ? nullptr : &t.foot.front();
    const auto headers = table_headers(header, count);
    std::vector<lxw_table_column> table_columns(count);
    std::vector<lxw_table_column*> column_list;
    std::vector<std::string> total_labels(count);
    for (std::size_t c = 0; c < count; ++c) {
        auto& column = table_columns[c];
        column.header = const_cast<char*>(headers[c].c_str());
        column.header_format = formats.get(true, right_aligned(t, c) || columns[c].numbers, true, "");
        if (!columns[c].code().empty()) column.format = formats.get(false, false, false, columns[c].code());
        if (total) {
            const auto text = cell_text(*total, c);
            const auto number = parse_swedish_number(text);
            if (number && columns[c].numbers && is_column_sum(t, c, number->value) && plain_reference(headers[c])) {
                column.total_function = LXW_TABLE_FUNCTION_SUM;
                column.total_value =
                    columns[c].percent_header && !number->percent ? number->value / 100 : number->value;
            } else if (!number && !text.empty()) {
                total_labels[c] = text;
                column.total_string = const_cast<char*>(total_labels[c].c_str());
            }
        }
        column_list.push_back(&column);
    }
    column_list.push_back(nullptr);
    if (!t.body.empty()) {
        lxw_table_options options{};
        options.no_header_row = header ? LXW_FALSE : LXW_TRUE;
        options.total_row = total ? LXW_TRUE : LXW_FALSE;
        options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
        options.style_type_number = 1;
        options.columns = column_list.data();
        const lxw_row_t last = at - 1 + (total ? 1 : 0);
        check(worksheet_add_table(sheet, header ? first : first, 0, last, static_cast<lxw_col_t>(count - 1), &options),
              "add a table");
    }
    if (total) {
        // A total that is not the column's sum (a share, a mean) is written
        // as the document gives it.
        for (std::size_t c = 0; c < count; ++c)
            if (!table_columns[c].total_function && !table_columns[c].total_string) {
                const auto text = cell_text(*total, c);
                if (!text.empty()) writer.cell(at, c, text, true);
            }
        ++at;
    }
    for (std::size_t i = total ? 1 : 0; i < t.foot.size(); ++i) {
        if (i == (total ? 1u : 0u)) ++at;  // the gap below the table
        writer.row(t.foot[i], at++, true);
    }
    // The header rows stay in view while the reader scrolls.
    if (!t.head.empty()) worksheet_freeze_panes(sheet, static_cast<lxw_row_t>(t.head.size()), 0);
    for (std::size_t c = 0; c < widths.size(); ++c) {
        const auto code = columns[c].code();
        check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                   static_cast<double>(widths[c]) + kWidthPadding,
                                   code.empty() ? nullptr : formats.get(false, false, false, code)),
              "set a column width");
    }
}

// The document's date at midnight UTC, as the workbook's creation date:
// libxlsxwriter would otherwise write the clock.
std::time_t creation_time(const std::string& iso_date) {
    std::tm tm{};
    if (iso_date.size() != 10 ||
        std::sscanf(iso_date.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
        return kNoDate;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return ::timegm(&tm);
}

// What tells two tables under one heading apart: what their rows are (" per
// förvaltning", the first column's header), else another column's header
// (" – Förändring (%)").
std::vector<std::string> name_suffixes(const doc::Table& t) {
    std::vector<std::string> suffixes;
    if (t.head.empty()) return suffixes;
    const auto& header = t.head.back().cells;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto text = doc::plain_text(header[c].content);
        if (text.empty()) continue;
        if (c > 0) {
            suffixes.push_back(" \u2013 " + text);
            continue;
        }
        std::string lower;
        icu::UnicodeString::fromUTF8(text).toLower(icu::Locale("sv")).toUTF8String(lower);
        suffixes.push_back(" per " + lower);
    }
    return suffixes;
}

}  // namespace

bool has_tables(const doc::Document& document) { return !tables_of(document).empty(); }

void write_workbook(const doc::Document& document, const std::string& path) {
    lxw_workbook* workbook = workbook_new(path.c_str());
    if (!workbook) throw Error(core::tr("libxlsxwriter: cannot create {1}", path));
    std::string title = core::xml_chars(document.meta.title), author = core::xml_chars(document.meta.author),
                subject = core::xml_chars(document.meta.subject);
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = author.data();
    properties.subject = subject.data();
    properties.created = creation_time(document.meta.date);
    try {
        check(workbook_set_properties(workbook, &properties), "set the properties");
        Formats formats(workbook);
        SheetNames names;
        for (const auto& table : tables_of(document))
            write_sheet(workbook, formats, table, names.take(table.title, name_suffixes(*table.table)));
    } catch (...) {
        workbook_close(workbook);
        throw;
    }
    check(workbook_close(workbook), "write " + path);
}

}  // namespace xlsx
