// The rules of an application that relate several values or files
// (docs/formats-application.md, "Rules the build checks"). The schema and
// the readers have checked each value on its own.
#include <map>
#include <utility>

#include "core/checked.hpp"
#include "transform/fund_application.hpp"
#include "core/messages.hpp"

namespace transform {

namespace {

std::string month_text(const model::YearMonth& m) {
    return std::to_string(m.year) + "-" + (m.month < 10 ? "0" : "") + std::to_string(m.month);
}

void check_administrations(const model::FundApplication& a, core::Diagnostics& d) {
    int applicants = 0, participants = 0;
    for (const auto& ad : a.administrations) {
        if (ad.role == model::ApplicationRole::Applicant && ++applicants == 2)
            d.error(ad.where, core::tr("a second administration with role=\"applicant\": an application has one "
                                       "applicant, the administration that is responsible for the project"));
        if (ad.role == model::ApplicationRole::Participant) ++participants;
    }
    if (applicants == 0)
        d.error(a.where,
                core::tr("no <administration role=\"applicant\">: the documents need the administration that applies"));
    if (participants == 0)
        d.error(
            a.where,
            core::tr("no <administration role=\"participant\">: the documents name the participating administrations"));
}

void check_periods(const model::FundApplication& a, core::Diagnostics& d) {
    if (a.period_to < a.period_from)
        d.error(a.where, core::tr("the project's period ends ({1}) before it starts ({2})", month_text(a.period_to),
                                  month_text(a.period_from)));
    if (a.study_to < a.study_from)
        d.error(a.where, core::tr("the preliminary study ends ({1}) before it starts ({2})", month_text(a.study_to),
                                  month_text(a.study_from)));
    if (a.decision.meeting_date && *a.decision.meeting_date < a.date)
        d.error(a.where, core::tr("the committee meets ({1}) before the application is dated ({2})",
                                  core::to_iso(*a.decision.meeting_date), core::to_iso(a.date)));
}

void check_staff_and_attachments(const model::FundApplication& a, core::Diagnostics& d) {
    int leads = 0;
    for (const auto& r : a.staff)
        if (r.lead && ++leads == 2)
            d.error(r.where, core::tr("a second <role lead=\"true\">: one role is the project lead's"));
    int budgets = 0;
    for (const auto& t : a.attachments)
        if (t.budget) ++budgets;
    if (budgets != 1)
        d.error(a.where, budgets == 0 ? core::tr("<attachments> lists no <attachment budget=\"true\">: the budget "
                                                 "appendix is one of the application's documents, and counts among "
                                                 "its appendices")
                                      : core::tr("<attachments> lists more than one budget appendix"));
}

// Each row inside the period; one row per year and cost type, so that a row
// exported twice cannot double an amount unseen; a total that fits.
void check_budget(const model::FundApplication& a, core::Diagnostics& d) {
    std::map<std::pair<int, std::string>, const model::BudgetRow*> seen;
    model::Kronor total = 0;
    for (const auto& row : a.budget) {
        if (row.year != 0 && (row.year < a.period_from.year || row.year > a.period_to.year))
            d.error(row.where, core::tr("the budget year {1} is outside the project's period {2}–{3}",
                                        std::to_string(row.year), month_text(a.period_from), month_text(a.period_to)));
        const auto [it, fresh] = seen.emplace(std::make_pair(row.year, row.cost_type), &row);
        if (!fresh && !row.cost_type.empty())
            d.error(
                row.where,
                core::tr(
                    "the cost type \"{1}\" of {2} is given twice, here and on line {3}: add the amounts into one row",
                    row.cost_type, std::to_string(row.year), std::to_string(it->second->where.line)));
        if (!core::add_checked(total, row.amount))
            d.error(row.where, core::tr("the budget rows add up to more than 64 bits can hold"));
    }
    if (!a.budget_source.empty() && !a.budget.empty() && total == 0)
        d.error(a.where, core::tr("the budget rows add up to 0 tkr: nothing to apply for"));
}

}  // namespace

void validate_fund_application(const model::FundApplication& a, core::Diagnostics& d) {
    check_administrations(a, d);
    check_periods(a, d);
    check_staff_and_attachments(a, d);
    check_budget(a, d);
}

}  // namespace transform
