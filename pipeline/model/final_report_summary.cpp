// The final report's computed figures as a text dump for golden tests.
#include "model/final_report_summary.hpp"

#include <sstream>

namespace model {

const NumberedProject* FinalReportSummary::find(const std::string& id) const {
    for (const auto& p : projects)
        if (p.project->id == id) return &p;
    return nullptr;
}

namespace {

void dump_row(std::ostringstream& out, const AdministrationRow& row) {
    out << "  row \"" << row.name << "\"";
    for (int n : row.projects_per_column) out << ' ' << n;
    out << " projects=" << row.projects << " granted=" << row.granted << " yes=" << row.planned_yes
        << " no=" << row.planned_no << '\n';
}

void dump_consumption(std::ostringstream& out, const ConsumptionRow& row) {
    out << "  consumption " << (row.year ? std::to_string(row.year) : "total");
    for (auto k : row.per_committee) out << ' ' << k;
    out << " total=" << row.total << '\n';
}

}  // namespace

std::string dump(const FinalReportSummary& s) {
    std::ostringstream out;
    out << "final-report-summary projects=" << s.projects.size() << " granted=" << s.granted
        << " attendance=" << s.attendance << '\n';
    for (const auto& p : s.projects) out << "  " << p.number << ' ' << p.project->id << " #" << p.anchor << '\n';
    for (const auto& a : s.areas) {
        out << "  area " << a.number << ' ' << a.area->code << " projects=" << a.projects.size()
            << " granted=" << a.granted << " extensions=" << a.extensions.size() << " final-reports=" << a.final_reports
            << " participants=" << a.outcome.participants << " left=" << a.outcome.left_income_support << " ("
            << a.outcome.left_with_both << " of " << a.outcome.participants_with_both << ")\n";
    }
    for (const auto& row : s.administration_rows) dump_row(out, row);
    dump_row(out, s.administration_total);
    for (const auto& row : s.consumption_rows) dump_consumption(out, row);
    dump_consumption(out, s.consumption_total);
    for (const auto i : s.not_fully_reported)
        out << "  not-fully-reported " << s.projects[i].number << ' ' << to_string(s.projects[i].project->status)
            << '\n';
    for (const auto& c : s.causes) out << "  cause " << c.count << ' ' << c.cause << '\n';
    for (const auto& r : s.age_rows) {
        out << "  age " << r.cause << ':';
        for (auto n : r.counts) out << ' ' << n;
        out << " total=" << r.total << '\n';
    }
    return out.str();
}

}  // namespace model
