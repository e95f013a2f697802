#pragma once
// model::FinalReportSummary: what the final report and its decision document
// state, computed once from model::FinalReport by the transform stage
// (docs/formats-final-report.md, "The tables the pipeline computes").
#include <string>
#include <vector>

#include "model/final_report.hpp"

// The summary points into model::FinalReport (which must outlive it) and
// refers to its own projects by index, so that it may be copied.
namespace model {

// A project with its computed place in the report.
struct NumberedProject {
    const FollowUpReport* project = nullptr;
    std::string number;    // "2.1.1"
    std::string anchor;    // the heading's id, "projekt-hal-01"
    std::size_t area = 0;  // index into FinalReport::areas
};

struct OutcomeTotals {
    long long participants = 0;
    long long left_income_support = 0;
    // Over the projects that give both figures: the share's base.
    long long participants_with_both = 0;
    long long left_with_both = 0;
    int projects_with_both = 0;
};

struct AreaSummary {
    const Area* area = nullptr;
    std::string number;                 // "2.1"
    std::vector<std::size_t> projects;  // indices into FinalReportSummary::projects
    Kronor granted = 0;
    std::vector<const GrantDecision*> extensions;
    int final_reports = 0;  // status other than not-reported
    OutcomeTotals outcome;
    std::vector<std::string> subsection_numbers;  // "2.1.10", in order
};

// Table 1.3: one row per administration (a joint project without a lead
// makes a row of its own), ordered by total granted, largest first.
struct AdministrationRow {
    std::string name;
    const ReportAdministration* administration = nullptr;  // null for a joint row
    std::vector<int> projects_per_column;                  // in table-column order
    int projects = 0;
    Kronor granted = 0;
    int planned_yes = 0;
    int planned_no = 0;
};

struct ConsumptionRow {
    int year = 0;                       // 0 for the total row
    std::vector<Kronor> per_committee;  // in report.xml's committee order
    Kronor total = 0;
};

struct CauseShare {
    std::string cause;
    long long count = 0;
    double percent = 0;
};

struct AgeRow {
    std::string cause;
    std::vector<long long> counts;  // per age group
    std::vector<double> percents;   // of the group's total
    long long total = 0;
    double total_percent = 0;
};

struct FinalReportSummary {
    const FinalReport* report = nullptr;
    std::vector<NumberedProject> projects;  // in report order
    std::vector<AreaSummary> areas;
    std::vector<const Area*> table_columns;  // areas in table 1.3's column order
    std::vector<AdministrationRow> administration_rows;
    AdministrationRow administration_total;
    std::vector<ConsumptionRow> consumption_rows;
    ConsumptionRow consumption_total;
    std::vector<std::size_t> not_fully_reported;  // indices into projects: incomplete or not reported
    long long attendance = 0;
    int activities_with_attendance = 0;
    OutcomeTotals outcome;
    std::vector<CauseShare> causes;
    long long causes_total = 0;
    std::vector<std::string> age_groups;
    std::vector<AgeRow> age_rows;
    AgeRow age_total;
    Kronor granted = 0;

    const NumberedProject* find(const std::string& id) const;
};

std::string dump(const FinalReportSummary& summary);

}  // namespace model
