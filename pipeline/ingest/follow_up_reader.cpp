// The follow-up registers of a round (docs/formats.md, "Follow-up of
// grants"): the report register and the repayment register, CSV as a
// Swedish Excel exports it, like the application CSV. Columns are matched
// by name, case-insensitively, in any order.
#include <algorithm>
#include <map>

#include "core/closest_match.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/file_access.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_decoding.hpp"
#include "ingest/values.hpp"

namespace ingest {

namespace {

struct Cell {
    std::string text;  // white space collapsed
    core::SourceLocation where;
};

using Row = std::map<std::string, Cell>;  // by column name; a missing column has no entry

struct Columns {
    std::vector<std::string> required;
    std::vector<std::string> optional;
};

const Columns kReportColumns{{"bidrag", "rapport", "senast"}, {"inkom", "bedömning", "kommentar"}};
const Columns kRepaymentColumns{{"bidrag", "anmäld", "belopp"}, {"återbetald", "kommentar"}};

// One entry per header cell: its column name, or "" for an unknown or repeated one.
std::vector<std::string> map_header(const CsvTable& table, const Columns& columns, const std::string& file,
                                    core::Diagnostics& diagnostics) {
    std::vector<std::string> known = columns.required;
    known.insert(known.end(), columns.optional.begin(), columns.optional.end());
    std::vector<std::string> mapped;
    for (const auto& cell : table.header) {
        const auto name = core::fold_case(normalize_space(cell.text));
        const core::SourceLocation where{file, cell.line, cell.column};
        std::string column = std::find(known.begin(), known.end(), name) != known.end() ? name : "";
        if (column.empty()) {
            std::string message = "unknown column \"" + cell.text + "\"";
            if (const auto guess = core::closest_match(cell.text, known)) message += "; did you mean " + *guess + "?";
            diagnostics.error(where, message + " (its values would be lost)");
        } else if (std::find(mapped.begin(), mapped.end(), column) != mapped.end()) {
            diagnostics.error(where, "the column " + column + " appears twice");
            column.clear();
        }
        mapped.push_back(column);
    }
    for (const auto& required : columns.required)
        if (std::find(mapped.begin(), mapped.end(), required) == mapped.end())
            diagnostics.error({file, table.header.empty() ? 1 : table.header.front().line, 0},
                              "the header has no column " + required + " (required; docs/formats.md)");
    return mapped;
}

Row row_of(const CsvRecord& record, const std::vector<std::string>& columns, const std::string& file) {
    Row row;
    for (std::size_t i = 0; i < record.fields.size() && i < columns.size(); ++i)
        if (!columns[i].empty())
            row[columns[i]] = {normalize_space(record.fields[i].text),
                               {file, record.fields[i].line, record.fields[i].column}};
    return row;
}

// The text of a cell; "" when the column is absent. A required cell that is
// empty is an error at the row's start or at the cell.
std::string text(const Row& row, const std::string& column, const core::SourceLocation& where,
                 core::Diagnostics& diagnostics, bool required) {
    const auto it = row.find(column);
    const std::string value = it == row.end() ? "" : it->second.text;
    if (required && value.empty())
        diagnostics.error(it == row.end() ? where : it->second.where, "the column " + column + " is empty (required)");
    return value;
}

core::SourceLocation cell_at(const Row& row, const std::string& column, const core::SourceLocation& where) {
    const auto it = row.find(column);
    return it == row.end() ? where : it->second.where;
}

std::optional<core::Date> date(const Row& row, const std::string& column, const core::SourceLocation& where,
                               core::Diagnostics& diagnostics, bool required) {
    const auto value = text(row, column, where, diagnostics, false);
    return parse_date(value, cell_at(row, column, where), diagnostics, required);
}

bool to_requirement(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics,
                    model::ReportRequirement& out) {
    const auto errors = diagnostics.error_count();
    out.where = where;
    out.grant = text(row, "bidrag", where, diagnostics, true);
    const auto kind_word = core::fold_case(text(row, "rapport", where, diagnostics, true));
    if (const auto kind = model::parse_report_kind(kind_word)) out.kind = *kind;
    else if (!kind_word.empty())
        diagnostics.error(cell_at(row, "rapport", where),
                          "rapport \"" + kind_word + "\" is neither ekonomi nor genomförande");
    if (const auto due = date(row, "senast", where, diagnostics, true)) out.due = *due;
    out.received = date(row, "inkom", where, diagnostics, false);
    const auto verdict_word = core::fold_case(text(row, "bedömning", where, diagnostics, false));
    if (const auto verdict = model::parse_report_verdict(verdict_word)) out.verdict = *verdict;
    else
        diagnostics.error(cell_at(row, "bedömning", where),
                          "bedömning \"" + verdict_word + "\" is neither godkänd nor ej godkänd (or empty)");
    if (out.verdict != model::ReportVerdict::NotYetAssessed && !out.received)
        diagnostics.error(cell_at(row, "bedömning", where), "a report that has not come in (inkom is empty) "
                                                            "cannot be assessed");
    out.comment = text(row, "kommentar", where, diagnostics, false);
    return diagnostics.error_count() == errors;
}

bool to_repayment(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics,
                  model::Repayment& out) {
    const auto errors = diagnostics.error_count();
    out.where = where;
    out.grant = text(row, "bidrag", where, diagnostics, true);
    if (const auto notified = date(row, "anmäld", where, diagnostics, true)) out.notified = *notified;
    const auto amount = text(row, "belopp", where, diagnostics, false);
    if (const auto a = parse_amount(amount, cell_at(row, "belopp", where), diagnostics)) out.amount = *a;
    if (out.amount == 0 && diagnostics.error_count() == errors)
        diagnostics.error(cell_at(row, "belopp", where), "a repayment of 0 kr is no repayment");
    out.repaid = date(row, "återbetald", where, diagnostics, false);
    out.comment = text(row, "kommentar", where, diagnostics, false);
    return diagnostics.error_count() == errors;
}

template <typename Record, typename Convert>
std::vector<Record> parse_register(std::string_view bytes, const std::string& name, const Columns& columns,
                                   Convert convert, core::Diagnostics& diagnostics) {
    std::vector<Record> records;
    const auto decoded = decode_text(bytes, name, diagnostics);
    if (!decoded.ok) return records;
    const auto table = read_csv(decoded.utf8, name, diagnostics);
    if (table.header.empty()) return records;
    const auto mapped = map_header(table, columns, name, diagnostics);
    for (const auto& record : table.records) {
        Record out;
        // A record with errors is left out: the rules on reports would only
        // repeat them (a date that could not be read is no date).
        if (convert(row_of(record, mapped, name), core::SourceLocation{name, record.line, 1}, diagnostics, out))
            records.push_back(std::move(out));
    }
    return records;
}

}  // namespace

std::vector<model::ReportRequirement> parse_report_register(std::string_view bytes, const std::string& name,
                                                            core::Diagnostics& diagnostics) {
    return parse_register<model::ReportRequirement>(bytes, name, kReportColumns, to_requirement, diagnostics);
}

std::vector<model::Repayment> parse_repayment_register(std::string_view bytes, const std::string& name,
                                                       core::Diagnostics& diagnostics) {
    return parse_register<model::Repayment>(bytes, name, kRepaymentColumns, to_repayment, diagnostics);
}

std::vector<model::ReportRequirement> read_report_register(const std::string& path, core::Diagnostics& diagnostics) {
    const auto bytes = read_file(path, diagnostics);
    return bytes ? parse_report_register(*bytes, path, diagnostics) : std::vector<model::ReportRequirement>{};
}

std::vector<model::Repayment> read_repayment_register(const std::string& path, core::Diagnostics& diagnostics) {
    const auto bytes = read_file(path, diagnostics);
    return bytes ? parse_repayment_register(*bytes, path, diagnostics) : std::vector<model::Repayment>{};
}

}  // namespace ingest
