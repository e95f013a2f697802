// The CSVs of a final report (docs/formats-final-report.md, "CSV files"):
// activities, networks, study trips, funds consumption and statistics.
// Columns are matched by name, case-insensitively, in any order, as in the
// applications CSV; each row is one record of the file's account.
#include <algorithm>
#include <map>

#include "core/closest_match.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/file_access.hpp"
#include "ingest/final_report_readers.hpp"
#include "ingest/text_decoding.hpp"
#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

struct ColumnSpec {
    const char* name;
    bool required;
};

struct Cell {
    std::string text;  // trimmed, white space not yet collapsed
    core::SourceLocation where;
};
using Row = std::map<std::string, Cell>;

std::vector<ColumnSpec> columns_of(ReportCsv kind) {
    switch (kind) {
        case ReportCsv::Activities:
            return {
                {"datum", true},       {"typ", true}, {"titel", true}, {"målgrupp", false}, {"antal_deltagare", false},
                {"beskrivning", false}};
        case ReportCsv::Networks: return {{"namn", true}, {"beskrivning", false}};
        case ReportCsv::StudyTrips:
            return {{"typ", true}, {"resmål", true}, {"datum", false}, {"antal_deltagare", false}, {"rapport", false}};
        case ReportCsv::FundsConsumption: return {{"år", true}, {"nämnd", true}, {"förbrukat_tkr", true}};
        case ReportCsv::Causes: return {{"försörjningshinder", true}, {"antal", true}};
        case ReportCsv::CauseChanges: return {{"försörjningshinder", true}, {"förändring_procent", true}};
        case ReportCsv::CausesByAge: return {{"försörjningshinder", true}, {"åldersgrupp", true}, {"antal", true}};
    }
    return {};
}

// What the file's rows give the documents, as transform/account.hpp names it.
const char* feeds_of(ReportCsv kind) {
    switch (kind) {
        case ReportCsv::Activities: return "activities";
        case ReportCsv::Networks: return "networks";
        case ReportCsv::StudyTrips: return "study_trips";
        case ReportCsv::FundsConsumption: return "consumption";
        case ReportCsv::Causes: return "causes";
        case ReportCsv::CauseChanges: return "cause_changes";
        case ReportCsv::CausesByAge: return "causes_by_age";
    }
    return "";
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The column each header cell is, or "" for an unknown one (an error).
std::vector<std::string> map_header(const CsvTable& table, const std::vector<ColumnSpec>& specs,
                                    const std::string& file, core::Diagnostics& diagnostics) {
    std::vector<std::string> names, known, seen;
    for (const auto& s : specs) known.push_back(s.name);
    for (const auto& cell : table.header) {
        const std::string folded = core::fold_case(normalize_space(cell.text));
        const auto it = std::find(known.begin(), known.end(), folded);
        const core::SourceLocation where{file, cell.line, cell.column};
        if (it == known.end()) {
            const auto guess = core::closest_match(cell.text, known);
            diagnostics.error(where,
                              guess ? core::tr("unknown column \"{1}\"; did you mean {2}? (its values would be lost)",
                                               cell.text, *guess)
                                    : core::tr("unknown column \"{1}\" (its values would be lost)", cell.text));
        } else if (std::find(seen.begin(), seen.end(), *it) != seen.end()) {
            diagnostics.error(where, core::tr("the column {1} appears twice", *it));
        }
        names.push_back(it == known.end() ? "" : *it);
        if (it != known.end()) seen.push_back(*it);
    }
    for (const auto& s : specs)
        if (s.required && std::find(seen.begin(), seen.end(), s.name) == seen.end())
            diagnostics.error(
                {file, table.header.empty() ? 1 : table.header.front().line, 0},
                core::tr("the header has no column {1} (required; docs/formats-final-report.md)", s.name));
    return names;
}

Row to_row(const CsvRecord& record, const std::vector<std::string>& names, const std::string& file) {
    Row row;
    for (std::size_t i = 0; i < std::min(record.fields.size(), names.size()); ++i)
        if (!names[i].empty())
            row[names[i]] = {trim(record.fields[i].text), {file, record.fields[i].line, record.fields[i].column}};
    return row;
}

// Paragraphs of a cell are separated by an empty line; a single line break
// is white space (docs/formats-final-report.md, "Encoding, white space").
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::string normalised;
    for (char c : text)
        if (c != '\r') normalised += c;
    std::size_t start = 0;
    while (start <= normalised.size()) {
        auto end = normalised.find("\n\n", start);
        const auto part =
            normalize_space(normalised.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!part.empty()) out.push_back(part);
        if (end == std::string::npos) break;
        start = end + 2;
    }
    return out;
}

// Digits grouped by a space, U+00A0 or U+202F, or not grouped.
std::string ungrouped(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ') continue;
        if (text.compare(i, 2, "\u00A0") == 0) {
            ++i;
            continue;
        }
        if (text.compare(i, 3, "\u202F") == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.size() <= 15 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class RowReader {
public:
    RowReader(const Row& row, const std::string& file, int line, core::Diagnostics& diagnostics)
        : row_(row), file_(file), line_(line), diagnostics_(diagnostics) {}

    const Cell* cell(const char* name, bool required) const {
        const auto it = row_.find(name);
        if (it != row_.end() && !it->second.text.empty()) return &it->second;
        if (required) diagnostics_.error({file_, line_, 1}, core::tr("the column {1} is empty (required)", name));
        return nullptr;
    }
    std::string text(const char* name, bool required) const {
        const auto* c = cell(name, required);
        return c ? normalize_space(c->text) : "";
    }
    std::optional<long long> count(const char* name, bool required) const {
        const auto* c = cell(name, required);
        if (!c) return std::nullopt;
        const auto digits = ungrouped(c->text);
        if (all_digits(digits)) return std::stoll(digits);
        diagnostics_.error(c->where, core::tr("\"{1}\" is not a whole number of persons", c->text));
        return std::nullopt;
    }
    const Cell* period(const char* name, bool required) const;
    std::optional<model::Kronor> tkr(const char* name) const;
    std::optional<double> percent(const char* name) const;

private:
    const Row& row_;
    std::string file_;
    int line_;
    core::Diagnostics& diagnostics_;
};

// "2003-06", "2003-05-27", "2003-05/2003-06", "2003-10, 2003-12": each part
// a month or a day that exists.
bool valid_date_part(const std::string& part) {
    if (part.size() == 7 && part[4] == '-') return core::parse_iso_date(part + "-01").has_value();
    return part.size() == 10 && core::parse_iso_date(part).has_value();
}

const Cell* RowReader::period(const char* name, bool required) const {
    const auto* c = cell(name, required);
    if (!c) return nullptr;
    std::string text = ungrouped(c->text);
    bool ok = true;
    for (std::size_t start = 0; start <= text.size();) {
        const auto end = text.find_first_of(",/", start);
        ok = ok && valid_date_part(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    if (ok) return c;
    diagnostics_.error(
        c->where, core::tr("\"{1}\" is not a date or period (2003-06, 2003-05-27, 2003-05/2003-06 or 2003-10, 2003-12)",
                           c->text));
    return nullptr;
}

// Thousands of kronor with a decimal comma and at most three decimals
// (whole kronor); "tkr" may follow.
std::optional<model::Kronor> RowReader::tkr(const char* name) const {
    const auto* c = cell(name, true);
    if (!c) return std::nullopt;
    std::string text = ungrouped(c->text);
    if (text.size() > 3 && text.compare(text.size() - 3, 3, "tkr") == 0) text.resize(text.size() - 3);
    const auto comma = text.find(',');
    const std::string whole = text.substr(0, comma);
    const std::string decimals = comma == std::string::npos ? "" : text.substr(comma + 1);
    if (!all_digits(whole) || whole.size() > 12 ||
        (comma != std::string::npos && (!all_digits(decimals) || decimals.size() > 3))) {
        diagnostics_.error(
            c->where,
            core::tr("\"{1}\" is not an amount in tkr (4 770,5: decimal comma, at most three decimals, never negative)",
                     c->text));
        return std::nullopt;
    }
    std::string kronor = decimals;
    kronor.resize(3, '0');
    return std::stoll(whole) * 1000 + std::stoll(kronor);
}

std::optional<double> RowReader::percent(const char* name) const {
    const auto* c = cell(name, true);
    if (!c) return std::nullopt;
    std::string text = ungrouped(c->text);
    double sign = 1;
    if (text.rfind("\u2212", 0) == 0) {
        sign = -1;
        text.erase(0, 3);
    } else if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        sign = text[0] == '-' ? -1 : 1;
        text.erase(0, 1);
    }
    if (!text.empty() && text.back() == '%') text.pop_back();
    const auto comma = text.find(',');
    const std::string whole = text.substr(0, comma),
                      decimals = comma == std::string::npos ? "0" : text.substr(comma + 1);
    if (!all_digits(whole) || !all_digits(decimals)) {
        diagnostics_.error(c->where, core::tr("\"{1}\" is not a percentage (-52, +3,5: decimal comma)", c->text));
        return std::nullopt;
    }
    return sign * std::stod(whole + "." + decimals);
}

bool in(const std::string& value, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return value == w; });
}

void add_row(ReportCsv kind, const RowReader& r, const core::SourceLocation& where, model::FinalReport& report,
             core::Diagnostics& diagnostics, model::SourceRecord& record) {
    switch (kind) {
        case ReportCsv::Activities: {
            model::Activity a;
            if (const auto* c = r.period("datum", true)) a.date.text = ungrouped(c->text);
            a.type = r.text("typ", true);
            if (!a.type.empty() && !in(a.type, {"seminarium", "föreläsning", "workshop", "utbildning", "konferens"}))
                diagnostics.error(
                    r.cell("typ", true)->where,
                    core::tr("activity type \"{1}\" is not seminarium, föreläsning, workshop, utbildning or konferens",
                             a.type));
            a.title = r.text("titel", true);
            a.target_group = r.text("målgrupp", false);
            a.attendance = r.count("antal_deltagare", false);
            if (const auto* c = r.cell("beskrivning", false)) a.description = paragraphs(c->text);
            a.where = where;
            record.title = a.title;
            report.activities.push_back(std::move(a));
            return;
        }
        case ReportCsv::Networks: {
            model::Network n;
            n.name = r.text("namn", true);
            if (const auto* c = r.cell("beskrivning", false)) n.description = paragraphs(c->text);
            n.where = where;
            record.title = n.name;
            report.networks.push_back(std::move(n));
            return;
        }
        case ReportCsv::StudyTrips: {
            model::StudyTrip t;
            t.type = r.text("typ", true);
            if (!t.type.empty() && !in(t.type, {"studieresa", "studiebesök"}))
                diagnostics.error(r.cell("typ", true)->where,
                                  core::tr("trip type \"{1}\" is neither studieresa nor studiebesök", t.type));
            t.destination = r.text("resmål", true);
            if (const auto* c = r.period("datum", false)) t.date.text = ungrouped(c->text);
            t.attendance = r.count("antal_deltagare", false);
            t.report = r.text("rapport", false);
            t.where = where;
            record.title = t.destination;
            report.study_trips.push_back(std::move(t));
            return;
        }
        case ReportCsv::FundsConsumption: {
            model::Consumption c;
            const std::string year = r.text("år", true);
            if (year.size() == 4 && all_digits(year))
                c.year = std::stoi(year);
            else if (!year.empty())
                diagnostics.error(r.cell("år", true)->where, core::tr("\"{1}\" is not a four-digit year", year));
            c.committee = r.text("nämnd", true);
            c.kronor = r.tkr("förbrukat_tkr").value_or(0);
            c.where = where;
            record.title = year + " " + c.committee;
            report.consumption.push_back(std::move(c));
            return;
        }
        case ReportCsv::Causes:
            report.causes.push_back({r.text("försörjningshinder", true), r.count("antal", true).value_or(0), where});
            record.title = report.causes.back().cause;
            return;
        case ReportCsv::CauseChanges:
            report.cause_changes.push_back(
                {r.text("försörjningshinder", true), r.percent("förändring_procent").value_or(0), where});
            record.title = report.cause_changes.back().cause;
            return;
        case ReportCsv::CausesByAge:
            report.causes_by_age.push_back({r.text("försörjningshinder", true), r.text("åldersgrupp", true),
                                            r.count("antal", true).value_or(0), where});
            record.title = report.causes_by_age.back().cause + " / " + report.causes_by_age.back().age_group;
            return;
    }
}

}  // namespace

model::SourceFile parse_report_csv(ReportCsv kind, std::string_view bytes, const std::string& name,
                                   model::FinalReport& report, core::Diagnostics& diagnostics) {
    model::SourceFile source{name, false, {}};
    const auto text = decode_text(bytes, name, diagnostics);
    if (!text.ok) return source;
    const auto table = read_csv(text.utf8, name, diagnostics);
    if (table.header.empty()) return source;
    source.readable = true;
    const auto names = map_header(table, columns_of(kind), name, diagnostics);
    for (const auto& record : table.records) {
        const core::SourceLocation where{name, record.line, 1};
        model::SourceRecord account{where, {name, record.last_line + 1, 1}, "", "", -1, "", feeds_of(kind)};
        const Row row = to_row(record, names, name);
        add_row(kind, RowReader(row, name, record.line, diagnostics), where, report, diagnostics, account);
        source.records.push_back(std::move(account));
    }
    return source;
}

model::SourceFile read_report_csv(ReportCsv kind, const std::string& path, model::FinalReport& report,
                                  core::Diagnostics& diagnostics) {
    const auto bytes = read_file(path, diagnostics);
    if (!bytes) return model::SourceFile{path, false, {}};
    return parse_report_csv(kind, *bytes, path, report, diagnostics);
}

}  // namespace ingest
