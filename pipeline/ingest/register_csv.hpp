#pragma once
// What the register CSVs of a round share (the report and repayment
// registers, the recipient statistics): a header matched by column name,
// case-insensitively and in any order, as for the applications CSV
// (docs/formats.md), and rows of cells that keep their file positions so
// that every diagnostic points at the cell to fix.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/source_location.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/text_decoding.hpp"
#include "model/dataset.hpp"

namespace ingest::register_csv {

struct Cell {
    std::string text;  // white space collapsed
    core::SourceLocation where;
};

using Row = std::map<std::string, Cell>;  // by column name; a missing column has no entry

struct Columns {
    std::vector<std::string> required;
    std::vector<std::string> optional;
};

// One entry per header cell: its column name, or "" for an unknown or
// repeated one (each an error, with the closest known name suggested).
std::vector<std::string> map_header(const CsvTable& table, const Columns& columns, const std::string& file,
                                    core::Diagnostics& diagnostics);

Row row_of(const CsvRecord& record, const std::vector<std::string>& columns, const std::string& file);

// The text of a cell; "" when the column is absent. A required cell that is
// empty is an error at the row's start or at the cell.
std::string text(const Row& row, const std::string& column, const core::SourceLocation& where,
                 core::Diagnostics& diagnostics, bool required);

// Where a cell is; the row's start when the column is absent.
core::SourceLocation cell_at(const Row& row, const std::string& column, const core::SourceLocation& where);

// What a register's rows are called in its account (model::SourceFile): the
// columns that name a row, and the data it gives the documents.
struct Naming {
    std::string id_column;
    std::string title_column;
    std::string feeds;
};

// Decodes, reads the CSV and maps the header; then converts each record,
// keeping those `convert` returns true for. A record with errors is left
// out: the rules that relate rows would only repeat them (a date that
// could not be read is no date). Every row, kept or not, is a record of
// `source`, so that the account names it.
template <typename Record, typename Convert>
std::vector<Record> parse(std::string_view bytes, const std::string& name, const Columns& columns, Convert convert,
                          core::Diagnostics& diagnostics, const Naming& naming, model::SourceFile& source) {
    std::vector<Record> records;
    source = model::SourceFile{name, false, {}};
    const auto decoded = decode_text(bytes, name, diagnostics);
    if (!decoded.ok) return records;
    const auto table = read_csv(decoded.utf8, name, diagnostics);
    if (table.header.empty()) return records;
    source.readable = true;
    const auto mapped = map_header(table, columns, name, diagnostics);
    for (const auto& record : table.records) {
        Record out;
        const core::SourceLocation where{name, record.line, 1};
        const auto row = row_of(record, mapped, name);
        const auto cell = [&row](const std::string& column) {
            const auto it = row.find(column);
            return it == row.end() ? std::string() : it->second.text;
        };
        source.records.push_back({where,
                                  {name, record.last_line + 1, 1},
                                  cell(naming.id_column),
                                  cell(naming.title_column),
                                  -1,
                                  "",
                                  naming.feeds});
        if (convert(row, where, diagnostics, out)) records.push_back(std::move(out));
    }
    return records;
}

}  // namespace ingest::register_csv
