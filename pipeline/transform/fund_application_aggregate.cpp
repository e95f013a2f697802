// The figures of an application, computed once from its rows (docs/
// formats-application.md, "What the documents compute"): the requested sum
// is the sum of the budget rows, nothing typed by hand.
#include <algorithm>

#include "core/checked.hpp"
#include "transform/fund_application.hpp"

namespace transform {

namespace {

int months_between(const model::YearMonth& from, const model::YearMonth& to) {
    return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}

}  // namespace

model::FundApplicationSummary summarise_fund_application(const model::FundApplication& a) {
    model::FundApplicationSummary s;
    s.application = &a;
    s.applicant = a.applicant();
    for (const auto& ad : a.administrations) {
        if (ad.role == model::ApplicationRole::Participant) s.participants.push_back(&ad);
        if (ad.steering_group) s.steering_group.push_back(&ad);
    }
    s.months = months_between(a.period_from, a.period_to);
    for (const auto& r : a.staff) s.staff += r.count;
    for (const auto& row : a.budget)
        if (std::find(s.years.begin(), s.years.end(), row.year) == s.years.end()) s.years.push_back(row.year);
    std::sort(s.years.begin(), s.years.end());
    s.year_totals.assign(s.years.size(), 0);
    for (const auto& row : a.budget) {
        auto line = std::find_if(s.lines.begin(), s.lines.end(),
                                 [&](const model::BudgetLine& l) { return l.cost_type == row.cost_type; });
        if (line == s.lines.end()) {
            s.lines.push_back({row.cost_type, std::vector<model::Kronor>(s.years.size(), 0), 0});
            line = s.lines.end() - 1;
        }
        const auto y = static_cast<std::size_t>(std::find(s.years.begin(), s.years.end(), row.year) - s.years.begin());
        core::add_or_throw(line->per_year[y], row.amount, "budget rows");
        core::add_or_throw(line->total, row.amount, "budget rows");
        core::add_or_throw(s.year_totals[y], row.amount, "budget rows");
        core::add_or_throw(s.total, row.amount, "budget rows");
    }
    return s;
}

}  // namespace transform
