// An application's budget file (docs/formats-application.md, "The budget
// file"): one row per year and cost type, the amount in tkr. Columns are
// matched by name, case-insensitively, in any order, as in the other CSVs;
// each row is one record of the file's account.
#include <algorithm>
#include <array>

#include "core/closest_match.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/file_access.hpp"
#include "ingest/fund_application_readers.hpp"
#include "ingest/text_decoding.hpp"
#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

constexpr std::array<const char*, 3> kColumns = {"år", "kostnadsslag", "belopp_tkr"};
constexpr const char* kFeeds = "budget";  // transform/account.cpp, kFeedNames

// The column index of each of kColumns in the file, or -1; errors for
// unknown, repeated and missing columns.
std::array<int, 3> map_header(const CsvTable& table, const std::string& file, core::Diagnostics& diagnostics) {
    std::array<int, 3> at{-1, -1, -1};
    const std::vector<std::string> known(kColumns.begin(), kColumns.end());
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const auto& cell = table.header[i];
        const std::string folded = core::fold_case(normalize_space(cell.text));
        const auto it = std::find(known.begin(), known.end(), folded);
        const core::SourceLocation where{file, cell.line, cell.column};
        if (it == known.end()) {
            const auto guess = core::closest_match(cell.text, known);
            diagnostics.error(where,
                              guess ? core::tr("unknown column \"{1}\"; did you mean {2}? (its values would be lost)",
                                               cell.text, *guess)
                                    : core::tr("unknown column \"{1}\" (its values would be lost)", cell.text));
            continue;
        }
        auto& slot = at[static_cast<std::size_t>(it - known.begin())];
        if (slot >= 0)
            diagnostics.error(where, core::tr("the column {1} appears twice", *it));
        else
            slot = static_cast<int>(i);
    }
    for (std::size_t c = 0; c < kColumns.size(); ++c)
        if (at[c] < 0)
            diagnostics.error(
                {file, table.header.empty() ? 1 : table.header.front().line, 0},
                core::tr("the header has no column {1} (required; docs/formats-application.md)", kColumns[c]));
    return at;
}

const CsvField* field(const CsvRecord& record, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= record.fields.size()) return nullptr;
    return &record.fields[static_cast<std::size_t>(column)];
}

void read_row(const CsvRecord& record, const std::array<int, 3>& at, const std::string& file,
              model::FundApplication& application, core::Diagnostics& diagnostics, model::SourceRecord& account) {
    model::BudgetRow row;
    row.where = {file, record.line, 1};
    const auto* year = field(record, at[0]);
    const auto* cost = field(record, at[1]);
    const auto* amount = field(record, at[2]);
    if (year) {
        const std::string text = normalize_space(year->text);
        const core::SourceLocation where{file, year->line, year->column};
        if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            row.year = std::stoi(text);
        else
            diagnostics.error(where, core::tr("år \"{1}\" is not a four-digit year", text));
    }
    if (cost) {
        row.cost_type = normalize_space(cost->text);
        if (row.cost_type.empty())
            diagnostics.error({file, cost->line, cost->column},
                              core::tr("the row has no kostnadsslag (what the money is for)"));
    }
    if (amount) {
        // Whole tkr, as the application's budget appendix gives them; the
        // sums are kept in kronor like every other amount.
        const core::SourceLocation where{file, amount->line, amount->column};
        const std::string text = normalize_space(amount->text);
        // parse_amount's messages speak of kronor; the two mistakes likely
        // in a tkr column are named in its own unit first.
        if (text.find_first_of(",.") != std::string::npos)
            diagnostics.error(
                where, core::tr("belopp_tkr \"{1}\" is not whole tkr: the budget is given in whole thousands of kronor",
                                text));
        else if (!text.empty() && (text[0] == '-' || text.rfind("\u2212", 0) == 0))
            diagnostics.error(where,
                              core::tr("belopp_tkr \"{1}\" is negative: a budget row is money applied for", text));
        else if (const auto tkr = parse_amount(text, where, diagnostics, true)) {
            if (*tkr > kMaxAmount / 1000)
                diagnostics.error(where, core::tr("belopp_tkr {1} is more than any budget holds", text));
            else
                row.amount = *tkr * 1000;
        }
    }
    account.title = std::to_string(row.year) + " " + row.cost_type;
    application.budget.push_back(std::move(row));
}

}  // namespace

model::SourceFile parse_budget_csv(std::string_view bytes, const std::string& name, model::FundApplication& application,
                                   core::Diagnostics& diagnostics) {
    model::SourceFile source{name, false, {}};
    const auto text = decode_text(bytes, name, diagnostics);
    if (!text.ok) return source;
    const auto table = read_csv(text.utf8, name, diagnostics);
    if (table.header.empty()) {
        diagnostics.error({name, 0, 0},
                          core::tr("the budget file is empty: it needs a header år;kostnadsslag;belopp_tkr"));
        return source;
    }
    source.readable = true;
    const auto at = map_header(table, name, diagnostics);
    for (const auto& record : table.records) {
        model::SourceRecord account{{name, record.line, 1}, {name, record.last_line + 1, 1}, "", "", -1, "", kFeeds};
        read_row(record, at, name, application, diagnostics, account);
        source.records.push_back(std::move(account));
    }
    if (table.records.empty())
        diagnostics.error({name, 0, 0}, core::tr("the budget file has no rows: nothing to apply for"));
    return source;
}

model::SourceFile read_budget_csv(const std::string& path, model::FundApplication& application,
                                  core::Diagnostics& diagnostics) {
    const auto bytes = read_file(path, diagnostics);
    if (!bytes) return model::SourceFile{path, false, {}};
    return parse_budget_csv(*bytes, path, application, diagnostics);
}

}  // namespace ingest
