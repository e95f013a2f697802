// Applications CSV (Excel export) -> model::Application. Column table:
// docs/formats.md. Columns are matched by name, case-insensitively, in any
// order; criterion columns carry the round's criterion ids.
#include <algorithm>

#include "core/closest_match.hpp"
#include "ingest/application_record.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/file_access.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_decoding.hpp"
#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

const std::vector<std::string> kRequiredColumns = {field::kId,     field::kFund,      field::kAdministration,
                                                   field::kTitle,  field::kRequested, field::kDecision,
                                                   field::kGranted};
const std::vector<std::string> kOptionalColumns = {field::kUnit, field::kDestination, field::kDescription,
                                                   field::kMotivation};

struct Column {
    std::string name;  // canonical column name, or a criterion id
    bool criterion = false;
};

class HeaderMapper {
public:
    HeaderMapper(const std::string& file, const model::Round& round) : file_(file) {
        known_ = kRequiredColumns;
        known_.insert(known_.end(), kOptionalColumns.begin(), kOptionalColumns.end());
        for (const auto& fund : round.funds)
            for (const auto& c : fund.criteria) criteria_.push_back(c.id);
    }

    // One entry per header cell: the column it is, or nullopt for an unknown one.
    std::vector<std::optional<Column>> map(const CsvTable& table, core::Diagnostics& diagnostics) const {
        std::vector<std::optional<Column>> columns;
        std::vector<std::string> seen;
        for (const auto& cell : table.header) {
            const auto column = lookup(core::fold_case(normalize_space(cell.text)));
            const core::SourceLocation where{file_, cell.line, cell.column};
            if (!column)
                report_unknown(cell.text, where, diagnostics);
            else if (std::find(seen.begin(), seen.end(), column->name) != seen.end())
                diagnostics.error(where, core::tr("the column {1} appears twice", column->name));
            if (column) seen.push_back(column->name);
            columns.push_back(column);
        }
        for (const auto& required : kRequiredColumns)
            if (std::find(seen.begin(), seen.end(), required) == seen.end())
                diagnostics.error({file_, table.header.empty() ? 1 : table.header.front().line, 0},
                                  core::tr("the header has no column {1} (required; docs/formats.md)", required));
        return columns;
    }

private:
    std::optional<Column> lookup(const std::string& folded) const {
        for (const auto& k : known_)
            if (folded == k) return Column{k, false};
        for (const auto& c : criteria_)
            if (folded == core::fold_case(c)) return Column{c, true};
        return std::nullopt;
    }

    void report_unknown(const std::string& name, const core::SourceLocation& where,
                        core::Diagnostics& diagnostics) const {
        std::vector<std::string> all = known_;
        all.insert(all.end(), criteria_.begin(), criteria_.end());
        const auto guess = core::closest_match(name, all);
        diagnostics.error(
            where, guess
                       ? core::tr("unknown column \"{1}\"; did you mean {2}? (its values would be lost)", name, *guess)
                       : core::tr("unknown column \"{1}\" (its values would be lost)", name));
    }

    std::string file_;
    std::vector<std::string> known_;
    std::vector<std::string> criteria_;
};

ApplicationRecord to_record(const CsvRecord& row, const std::vector<std::optional<Column>>& columns,
                            const std::string& file) {
    ApplicationRecord record;
    record.where = {file, row.line, 1};
    const std::size_t n = std::min(row.fields.size(), columns.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (!columns[i]) continue;
        const auto& cell = row.fields[i];
        Field value{cell.text, {file, cell.line, cell.column}};
        if (columns[i]->criterion)
            record.assessments.push_back({columns[i]->name, value});
        else
            record.fields[columns[i]->name] = value;
    }
    return record;
}

}  // namespace

ApplicationFile parse_applications_csv(std::string_view bytes, const std::string& name, const model::Round& round,
                                       core::Diagnostics& diagnostics) {
    ApplicationFile file;
    file.source.file = name;
    const auto text = decode_text(bytes, name, diagnostics);
    if (!text.ok) return file;
    const auto table = read_csv(text.utf8, name, diagnostics);
    if (table.header.empty()) return file;
    file.source.readable = true;
    const auto columns = HeaderMapper(name, round).map(table, diagnostics);
    for (const auto& row : table.records)
        add_record(to_record(row, columns, name), {name, row.last_line + 1, 1}, round, diagnostics, file);
    return file;
}

ApplicationFile read_applications_csv(const std::string& path, const model::Round& round,
                                      core::Diagnostics& diagnostics) {
    const auto bytes = read_file(path, diagnostics);
    if (!bytes) return ApplicationFile{{}, {path, false, {}}};
    return parse_applications_csv(*bytes, path, round, diagnostics);
}

}  // namespace ingest
