#pragma once
// The follow-up of grants across years (docs/formats.md, "Follow-up of
// grants"): each report's status on a date, repayments, and the rule of
// seed 004 that an approved report for last year's grant is a condition for
// money this year. Shared by validate() and aggregate(), so the errors and
// the document's warnings come from one computation.
#include <vector>

#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "model/dataset.hpp"
#include "model/report.hpp"

namespace transform {

// The status of one report on `as_of` (docs/formats.md, "A report's status").
model::ReportStatus status_of(const model::ReportRequirement& requirement, const core::Date& as_of);

// A grant of `round` with its reports (both kinds) and repayments, judged on `as_of`.
model::GrantFollowUp follow_up(const model::Dataset& round, const model::Application& grant, const core::Date& as_of);

// Whether a round of year - 1 lies beside `dataset` (dataset.earlier).
bool has_last_years_round(const model::Dataset& dataset);

// The grants of the earlier rounds of year - 1, judged on this round's date.
std::vector<model::GrantFollowUp> previous_grants(const model::Dataset& dataset);

// The applicants of `dataset` without an approved report for a grant of the year before.
std::vector<model::ReportShortfall> shortfalls(const model::Dataset& dataset,
                                               const std::vector<model::GrantFollowUp>& previous);

// The money of one round per fund: granted, repaid, used.
model::YearSummary year_summary(const model::Dataset& round);

// The rules on the round's own registers and exceptions.
void check_registers(const model::Dataset& dataset, core::Diagnostics& diagnostics);

// The rule on reports: money proposed to an applicant without an approved
// report for last year's grant, and no exception, is an error.
void check_report_rule(const model::Dataset& dataset, core::Diagnostics& diagnostics);

// "ekonomirapporten saknas (senast 2025-10-31)": for messages, in English.
std::string describe(const model::ReportState& state);

}  // namespace transform
