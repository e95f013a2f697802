// Writing the workbook with libxlsxwriter.
#include "xlsx/workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <tuple>

#include "core/xml_text.hpp"
#include "document/plain_text.hpp"
#include "xlsx/sheet_names.hpp"
#include "xlsx/swedish_number.hpp"
#include "xlsx/tables.hpp"

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

std::size_t display_width(const std::string& utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
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
    if (error != LXW_NO_ERROR) throw Error("libxlsxwriter: " + what + ": " + lxw_strerror(error));
}

bool right_aligned(const doc::Table& t, std::size_t column) {
    return column < t.columns.size() && t.columns[column].align == doc::Align::Right;
}

void write_row(lxw_worksheet* sheet, Formats& formats, const doc::Table& t, const doc::TableRow& row, lxw_row_t at,
               bool bold, std::vector<std::size_t>& widths) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        // Workbook parts are XML: only XML 1.0 characters may reach them.
        const auto text = core::xml_chars(doc::plain_text(row.cells[c].content, "\n"));
        if (widths.size() <= c) widths.resize(c + 1, kMinWidth);
        widths[c] = std::max(widths[c], std::min(display_width(text), kMaxWidth));
        if (text.empty()) continue;
        const auto column = static_cast<lxw_col_t>(c);
        if (const auto number = parse_swedish_number(text)) {
            check(worksheet_write_number(sheet, at, column, number->value,
                                         formats.get(bold, false, false, number_format(*number))),
                  "write a number");
        } else {
            const bool wrap = display_width(text) > kMaxWidth || text.find('\n') != std::string::npos;
            check(worksheet_write_string(sheet, at, column, text.c_str(),
                                         formats.get(bold, right_aligned(t, c), wrap, "")),
                  "write a cell");
        }
    }
}

void write_sheet(lxw_workbook* workbook, Formats& formats, const NamedTable& named, const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    if (!sheet) throw Error("libxlsxwriter: cannot add the sheet \"" + name + "\"");
    const auto& t = *named.table;
    std::vector<std::size_t> widths;
    lxw_row_t at = 0;
    for (const auto& row : t.head) write_row(sheet, formats, t, row, at++, true, widths);
    for (const auto& row : t.body) write_row(sheet, formats, t, row, at++, false, widths);
    for (const auto& row : t.foot) write_row(sheet, formats, t, row, at++, true, widths);
    // The header rows stay in view while the reader scrolls.
    if (!t.head.empty()) worksheet_freeze_panes(sheet, static_cast<lxw_row_t>(t.head.size()), 0);
    for (std::size_t c = 0; c < widths.size(); ++c)
        check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                   static_cast<double>(widths[c]) + kWidthPadding, nullptr),
              "set a column width");
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

}  // namespace

bool has_tables(const doc::Document& document) { return !tables_of(document).empty(); }

void write_workbook(const doc::Document& document, const std::string& path) {
    lxw_workbook* workbook = workbook_new(path.c_str());
    if (!workbook) throw Error("libxlsxwriter: cannot create " + path);
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
        for (const auto& table : tables_of(document)) write_sheet(workbook, formats, table, names.take(table.title));
    } catch (...) {
        workbook_close(workbook);
        throw;
    }
    check(workbook_close(workbook), "write " + path);
}

}  // namespace xlsx
