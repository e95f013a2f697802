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

// Where one report a grant owes stands, judged on a date (docs/formats.md,
// "A report's status").
enum class ReportStatus { ApprovedOnTime, ApprovedLate, NotApproved, NotYetAssessed, Missing, NotYetDue, NotRecorded };

struct ReportState {
    ReportKind kind = ReportKind::Economy;
    ReportStatus status = ReportStatus::NotRecorded;
    const ReportRequirement* record = nullptr;  // null when NotRecorded
};

// A grant and what became of it: its reports and its repayments.
struct GrantFollowUp {
    const Dataset* round = nullptr;  // the round that granted it
    const Application* grant = nullptr;
    std::vector<ReportState> reports;  // ekonomi, then genomförande
    std::vector<const Repayment*> repayments;
    Kronor repaid = 0;
    Kronor used = 0;  // granted less repaid
    // Every report approved, on time or late: the condition for money the
    // year after (seed 004).
    bool approved() const;
};

// An applicant of this round without an approved report for a grant of the
// year before: the decision document warns of each.
struct ReportShortfall {
    std::string administration;
    GrantFollowUp grant;  // the grant of the year before
    std::vector<const Application*> applications;  // the administration's applications this round
    // The exceptions round.xml records for those applications.
    std::vector<const ReportException*> exceptions;
};

// One fund's money in one year.
struct FundYear {
    std::string code;
    int grants = 0;
    Kronor granted = 0;
    Kronor repaid = 0;
    Kronor used = 0;
};

// One administration's money in one year, over all funds.
struct AdministrationYear {
    std::string administration;
    int grants = 0;
    Kronor granted = 0;
    Kronor used = 0;
};

// The grants of one year that have a priority area (rated "uppfyller" on a
// priority criterion); a grant with two areas counts in both.
struct PriorityYear {
    const Criterion* criterion = nullptr;
    int grants = 0;
    Kronor granted = 0;
};

// One round's money, for the figures across years.
struct YearSummary {
    int year = 0;
    const Dataset* round = nullptr;
    std::vector<FundYear> funds;  // in that round's fund order
    std::vector<AdministrationYear> administrations;  // those granted money, in the round's order of administrations
    std::vector<PriorityYear> priorities;  // in criterion order
    Kronor granted = 0;
    Kronor repaid = 0;
    Kronor used = 0;
};

struct Report {
    const Dataset* dataset = nullptr;
    std::vector<FundSummary> funds;  // in the round's fund order
    Kronor total_requested = 0;
    Kronor total_granted = 0;
    // The grants of the year before (the earlier rounds of year - 1), judged
    // on this round's date, in round and intake order.
    std::vector<GrantFollowUp> previous_grants;
    std::vector<ReportShortfall> shortfalls;  // in the order of previous_grants
    // This round and its earlier rounds, the latest year first.
    std::vector<YearSummary> years;
    // Set for a final-report dataset.
    std::optional<FinalReportSummary> final_report;

    const FundSummary* fund(const std::string& code) const;
};

std::string dump(const Report& report);

}  // namespace model
