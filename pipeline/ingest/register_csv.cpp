#include "ingest/register_csv.hpp"

#include <algorithm>

#include "core/closest_match.hpp"
#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest::register_csv {

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
            const auto guess = core::closest_match(cell.text, known);
            diagnostics.error(where,
                              guess ? core::tr("unknown column \"{1}\"; did you mean {2}? (its values would be lost)",
                                               cell.text, *guess)
                                    : core::tr("unknown column \"{1}\" (its values would be lost)", cell.text));
        } else if (std::find(mapped.begin(), mapped.end(), column) != mapped.end()) {
            diagnostics.error(where, core::tr("the column {1} appears twice", column));
            column.clear();
        }
        mapped.push_back(column);
    }
    for (const auto& required : columns.required)
        if (std::find(mapped.begin(), mapped.end(), required) == mapped.end())
            diagnostics.error({file, table.header.empty() ? 1 : table.header.front().line, 0},
                              core::tr("the header has no column {1} (required; docs/formats.md)", required));
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
        diagnostics.error(it == row.end() ? where : it->second.where,
                          core::tr("the column {1} is empty (required)", column));
    return value;
}

core::SourceLocation cell_at(const Row& row, const std::string& column, const core::SourceLocation& where) {
    const auto it = row.find(column);
    return it == row.end() ? where : it->second.where;
}

}  // namespace ingest::register_csv
