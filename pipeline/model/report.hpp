#pragma once
// model::Report: the validated round with everything the documents state
// computed once, from the data: groupings, totals and counts. Only the
// transform stage builds one; templates only read it, so prose and tables
// cannot disagree.
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "model/final_report_summary.hpp"

namespace model {

// One fund's applications and their figures, in the order of the intake.
struct FundSummary {
    const Fund* fund = nullptr;
    std::vector<const Application*> applications;
    std::vector<const Application*> granted;          // granted in full or in part, intake order
    std::vector<const Application*> granted_in_full;
    std::vector<const Application*> partly_granted;
    std::vector<const Application*> rejected;
    Kronor total_requested = 0;
    Kronor total_granted = 0;
    int districts_applying = 0;        // distinct district administrations
    int central_applying = 0;          // distinct central administrations
    std::vector<std::string> central_names;  // e.g. {"Socialförvaltningen"}
    // The granted amount when every granted application got the same, else 0.
    Kronor uniform_granted_amount = 0;
};

struct Report {
    const Dataset* dataset = nullptr;
    std::vector<FundSummary> funds;  // in the round's fund order
    Kronor total_requested = 0;
    Kronor total_granted = 0;
    // Set for a final-report dataset.
    std::optional<FinalReportSummary> final_report;

    const FundSummary* fund(const std::string& code) const;
};

std::string dump(const Report& report);

}  // namespace model
