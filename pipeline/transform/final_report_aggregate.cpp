// The figures of a final report, computed from the follow-up reports and
// CSVs (docs/formats-final-report.md, "The tables the pipeline computes"):
// section numbers, the per-area headers, table 1.1, table 1.3, outcome and
// attendance totals, and the shares of the statistics tables.
#include <algorithm>
#include <map>

#include "core/checked.hpp"
#include "transform/final_report.hpp"

namespace transform {

namespace {

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Within each area the projects are numbered in <sources> order: the n-th
// area is chapter 2's section 2.n, its k-th project 2.n.k.
void number_projects(const model::FinalReport& r, model::FinalReportSummary& s) {
    for (std::size_t a = 0; a < r.areas.size(); ++a) {
        model::AreaSummary area;
        area.area = &r.areas[a];
        area.number = "2." + std::to_string(a + 1);
        s.areas.push_back(area);
    }
    for (const auto& p : r.projects) {
        const auto it = std::find_if(r.areas.begin(), r.areas.end(), [&](const auto& a) { return a.code == p.area; });
        if (it == r.areas.end()) continue;  // an error of validation
        const auto a = static_cast<std::size_t>(it - r.areas.begin());
        auto& area = s.areas[a];
        s.projects.push_back(
            {&p, area.number + "." + std::to_string(area.projects.size() + 1), "projekt-" + lower_ascii(p.id), a});
        area.projects.push_back(s.projects.size() - 1);
    }
    for (auto& area : s.areas)
        for (std::size_t i = 0; i < area.area->subsections.size(); ++i)
            area.subsection_numbers.push_back(area.number + "." + std::to_string(area.projects.size() + i + 1));
}

void add_outcome(const model::FollowUpReport& p, model::OutcomeTotals& t) {
    if (!p.outcome) return;
    const auto* participants = p.outcome->find("participants");
    const auto* left = p.outcome->find("left-income-support");
    if (participants) core::add_or_throw(t.participants, participants->value, "counts");
    if (left) core::add_or_throw(t.left_income_support, left->value, "counts");
    if (participants && left) {
        core::add_or_throw(t.participants_with_both, participants->value, "counts");
        core::add_or_throw(t.left_with_both, left->value, "counts");
        ++t.projects_with_both;
    }
}

void sum_areas(model::FinalReportSummary& s) {
    for (auto& area : s.areas) {
        for (const auto index : area.projects) {
            const auto& p = *s.projects[index].project;
            core::add_or_throw(area.granted, p.granted(), "amounts");
            for (const auto& d : p.decisions)
                if (d.extension) area.extensions.push_back(&d);
            if (p.status != model::ReportingStatus::NotReported) ++area.final_reports;
            add_outcome(p, area.outcome);
            add_outcome(p, s.outcome);
        }
        core::add_or_throw(s.granted, area.granted, "amounts");
    }
    for (std::size_t i = 0; i < s.projects.size(); ++i)
        if (s.projects[i].project->status != model::ReportingStatus::Reported) s.not_fully_reported.push_back(i);
}

// table-column gives the column order when it differs from the sections'.
void order_columns(const model::FinalReport& r, model::FinalReportSummary& s) {
    for (const auto& a : r.areas) s.table_columns.push_back(&a);
    const bool all =
        std::all_of(r.areas.begin(), r.areas.end(), [](const auto& a) { return a.table_column.has_value(); });
    if (all)
        std::stable_sort(s.table_columns.begin(), s.table_columns.end(),
                         [](const auto* a, const auto* b) { return *a->table_column < *b->table_column; });
}

// A project counts in one row: its only administration's, its lead's, or,
// for a joint project without a lead, a row named after all of them.
std::string row_name(const model::FollowUpReport& p) {
    if (p.administrations.size() == 1) return p.administrations.front().name;
    for (const auto& a : p.administrations)
        if (a.lead) return a.name;
    std::string name;
    for (std::size_t i = 0; i < p.administrations.size(); ++i)
        name += (i == 0 ? "" : i + 1 == p.administrations.size() ? " och " : ", ") + p.administrations[i].name;
    return name;
}

void count_row(model::AdministrationRow& row, const model::FollowUpReport& p, std::size_t column) {
    if (row.projects_per_column.size() <= column) row.projects_per_column.resize(column + 1, 0);
    ++row.projects_per_column[column];
    ++row.projects;
    core::add_or_throw(row.granted, p.granted(), "amounts");
    ++(p.implementation_planned ? row.planned_yes : row.planned_no);
}

void table_1_3(const model::FinalReport& r, model::FinalReportSummary& s) {
    order_columns(r, s);
    std::map<std::string, std::size_t> index;
    const std::size_t columns = s.table_columns.size();
    s.administration_total.name = "Totalt";
    s.administration_total.projects_per_column.assign(columns, 0);
    for (const auto& np : s.projects) {
        const auto& p = *np.project;
        const auto column = static_cast<std::size_t>(
            std::find(s.table_columns.begin(), s.table_columns.end(), &r.areas[np.area]) - s.table_columns.begin());
        const auto name = row_name(p);
        if (!index.count(name)) {
            index[name] = s.administration_rows.size();
            model::AdministrationRow row;
            row.name = name;
            row.administration = r.administration(name);
            row.projects_per_column.assign(columns, 0);
            s.administration_rows.push_back(row);
        }
        count_row(s.administration_rows[index[name]], p, column);
        count_row(s.administration_total, p, column);
    }
    // Largest first, as the 2002–2003 report orders them; ties keep the
    // order of first appearance.
    std::stable_sort(s.administration_rows.begin(), s.administration_rows.end(),
                     [](const auto& a, const auto& b) { return a.granted > b.granted; });
}

void table_1_1(const model::FinalReport& r, model::FinalReportSummary& s) {
    std::vector<int> years;
    for (const auto& c : r.consumption)
        if (std::find(years.begin(), years.end(), c.year) == years.end()) years.push_back(c.year);
    std::sort(years.begin(), years.end());
    s.consumption_total.per_committee.assign(r.committees.size(), 0);
    for (int year : years) {
        model::ConsumptionRow row;
        row.year = year;
        row.per_committee.assign(r.committees.size(), 0);
        for (const auto& c : r.consumption) {
            const auto it = std::find(r.committees.begin(), r.committees.end(), c.committee);
            if (c.year != year || it == r.committees.end()) continue;
            const auto k = static_cast<std::size_t>(it - r.committees.begin());
            core::add_or_throw(row.per_committee[k], c.kronor, "amounts");
            core::add_or_throw(row.total, c.kronor, "amounts");
            core::add_or_throw(s.consumption_total.per_committee[k], c.kronor, "amounts");
            core::add_or_throw(s.consumption_total.total, c.kronor, "amounts");
        }
        s.consumption_rows.push_back(row);
    }
}

double share(long long part, long long whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void statistics(const model::FinalReport& r, model::FinalReportSummary& s) {
    for (const auto& c : r.causes) core::add_or_throw(s.causes_total, c.count, "counts");
    for (const auto& c : r.causes) s.causes.push_back({c.cause, c.count, share(c.count, s.causes_total)});
    std::vector<std::string> causes;
    for (const auto& c : r.causes_by_age) {
        if (std::find(s.age_groups.begin(), s.age_groups.end(), c.age_group) == s.age_groups.end())
            s.age_groups.push_back(c.age_group);
        if (std::find(causes.begin(), causes.end(), c.cause) == causes.end()) causes.push_back(c.cause);
    }
    const std::size_t groups = s.age_groups.size();
    s.age_total.cause = "Summa";
    s.age_total.counts.assign(groups, 0);
    for (const auto& cause : causes) {
        model::AgeRow row;
        row.cause = cause;
        row.counts.assign(groups, 0);
        for (const auto& c : r.causes_by_age) {
            if (c.cause != cause) continue;
            const auto g = static_cast<std::size_t>(std::find(s.age_groups.begin(), s.age_groups.end(), c.age_group) -
                                                    s.age_groups.begin());
            core::add_or_throw(row.counts[g], c.count, "counts");
            core::add_or_throw(row.total, c.count, "counts");
            core::add_or_throw(s.age_total.counts[g], c.count, "counts");
            core::add_or_throw(s.age_total.total, c.count, "counts");
        }
        s.age_rows.push_back(row);
    }
    for (auto& row : s.age_rows) {
        for (std::size_t g = 0; g < groups; ++g) row.percents.push_back(share(row.counts[g], s.age_total.counts[g]));
        row.total_percent = share(row.total, s.age_total.total);
    }
    s.age_total.percents.assign(groups, groups ? 100.0 : 0.0);
    s.age_total.total_percent = 100.0;
}

}  // namespace

model::FinalReportSummary summarise_final_report(const model::FinalReport& report) {
    model::FinalReportSummary s;
    s.report = &report;
    number_projects(report, s);
    sum_areas(s);
    table_1_3(report, s);
    table_1_1(report, s);
    for (const auto& a : report.activities)
        if (a.attendance) {
            core::add_or_throw(s.attendance, *a.attendance, "counts");
            ++s.activities_with_attendance;
        }
    statistics(report, s);
    return s;
}

}  // namespace transform
