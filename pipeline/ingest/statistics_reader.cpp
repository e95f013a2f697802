// The city's statistics of recipients of financial assistance per
// administration and year (docs/formats.md, "Recipients of financial
// assistance"): CSV as a Swedish Excel exports it, one row per
// administration and year, columns matched by name as in the registers.
#include <algorithm>

#include "core/closest_match.hpp"
#include "ingest/file_access.hpp"
#include "ingest/readers.hpp"
#include "ingest/register_csv.hpp"
#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

using register_csv::cell_at;
using register_csv::Row;
using register_csv::text;

const register_csv::Columns kStatisticsColumns{{"förvaltning", "år", "bidragstagare"}, {}};
const register_csv::Naming kStatisticsNaming{"förvaltning", "år", "statistics"};

// The statistics begin long before any round of the funds (seed 002 starts
// in 1999); a year outside these bounds is a typing error.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2999;

std::optional<int> year(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics) {
    const auto value = text(row, "år", where, diagnostics, true);
    if (value.empty()) return std::nullopt;
    const auto at = cell_at(row, "år", where);
    if (value.size() != 4 || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        diagnostics.error(at, core::tr("år \"{1}\" is not a year; expected four digits, such as 2003", value));
        return std::nullopt;
    }
    const int y = std::stoi(value);
    if (y < kFirstYear || y > kLastYear) {
        diagnostics.error(
            at, core::tr("år {1} is outside {2}–{3}", value, std::to_string(kFirstYear), std::to_string(kLastYear)));
        return std::nullopt;
    }
    return y;
}

bool to_count(const Row& row, const core::SourceLocation& where, core::Diagnostics& diagnostics,
              model::RecipientCount& out) {
    const auto errors = diagnostics.error_count();
    out.where = where;
    out.administration = text(row, "förvaltning", where, diagnostics, true);
    if (const auto y = year(row, where, diagnostics)) out.year = *y;
    const auto count = text(row, "bidragstagare", where, diagnostics, true);
    if (!count.empty())
        if (const auto n = parse_count(count, cell_at(row, "bidragstagare", where), diagnostics)) out.recipients = *n;
    return diagnostics.error_count() == errors;
}

}  // namespace

std::vector<model::RecipientCount> parse_recipient_statistics(std::string_view bytes, const std::string& name,
                                                              core::Diagnostics& diagnostics,
                                                              model::SourceFile& source) {
    return register_csv::parse<model::RecipientCount>(bytes, name, kStatisticsColumns, to_count, diagnostics,
                                                      kStatisticsNaming, source);
}

std::vector<model::RecipientCount> parse_recipient_statistics(std::string_view bytes, const std::string& name,
                                                              core::Diagnostics& diagnostics) {
    model::SourceFile ignored;
    return parse_recipient_statistics(bytes, name, diagnostics, ignored);
}

std::vector<model::RecipientCount> read_recipient_statistics(const std::string& path, core::Diagnostics& diagnostics,
                                                             model::SourceFile& source) {
    source = model::SourceFile{path, false, {}};
    const auto bytes = read_file(path, diagnostics);
    return bytes ? parse_recipient_statistics(*bytes, path, diagnostics, source) : std::vector<model::RecipientCount>{};
}

std::vector<model::RecipientCount> read_recipient_statistics(const std::string& path, core::Diagnostics& diagnostics) {
    model::SourceFile ignored;
    return read_recipient_statistics(path, diagnostics, ignored);
}

}  // namespace ingest
