#pragma once
// model::FundApplicationSummary: the figures of an application computed
// once from its data (transform/fund_application.hpp), so that the request
// sentence, "Sökta medel", the budget appendix and the decision document's
// summary state one sum, and the participating administrations, the
// steering group and the anchoring schedule one list.
#include <vector>

#include "model/fund_application.hpp"

namespace model {

// One cost type of the budget, its amount in each year of
// FundApplicationSummary::years (0 where the file has no row) and in all.
struct BudgetLine {
    std::string cost_type;
    std::vector<Kronor> per_year;
    Kronor total = 0;
};

struct FundApplicationSummary {
    const FundApplication* application = nullptr;
    const ApplyingAdministration* applicant = nullptr;
    // Role participant, in the file's order.
    std::vector<const ApplyingAdministration*> participants;
    // Every administration with steering-group="true", in the file's order.
    std::vector<const ApplyingAdministration*> steering_group;
    // The project's length in months, both ends counted: 2005-03..2006-12 is 22.
    int months = 0;
    std::vector<int> years;           // the budget's years, ascending
    std::vector<BudgetLine> lines;    // cost types in the order first given
    std::vector<Kronor> year_totals;  // per year of `years`
    Kronor total = 0;                 // the requested sum: every budget row added
    int staff = 0;                    // the positions of all staff roles
};

}  // namespace model
