#pragma once
// model::Report: the validated round with everything the documents state
// computed once, from the data: groupings, totals and counts. Only the
// transform stage builds one; templates only read it, so prose and tables
// cannot disagree.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.hpp"
#include "model/final_report_summary.hpp"
#include "model/fund_application_summary.hpp"

namespace model {

// One fund's applications and their figures, in the order of the intake.
struct FundSummary {
    const Fund* fund = nullptr;
    std::vector<const Application*> applications;
    std::vector<const Application*> granted;  // granted in full or in part, intake order
    std::vector<const Application*> granted_in_full;
    std::vector<const Application*> partly_granted;
    std::vector<const Application*> rejected;
    Kronor total_requested = 0;
    Kronor total_granted = 0;
    int districts_applying = 0;              // distinct district administrations
    int central_applying = 0;                // distinct central administrations
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
    GrantFollowUp grant;                           // the grant of the year before
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
    std::vector<FundYear> funds;                      // in that round's fund order
    std::vector<AdministrationYear> administrations;  // those granted money, in the round's order of administrations
    std::vector<PriorityYear> priorities;             // in criterion order
    Kronor granted = 0;
    Kronor repaid = 0;
    Kronor used = 0;
};

// Changes in percent are kept in tenths of a percent, rounded half away
// from zero, so that "37,5" is exact and a raw value is written without
// binary noise.

// One administration's recipients of financial assistance in the first and
// the last year of the statistics.
struct AdministrationRecipients {
    std::string administration;
    std::int64_t first = 0;
    std::int64_t last = 0;
    // (first - last) / first: positive is a reduction, negative an increase.
    std::int64_t reduction_tenths = 0;
};

// The city's total of one year: the sum of the administrations' counts.
struct CityRecipientsYear {
    int year = 0;
    std::int64_t recipients = 0;
    int administrations = 0;  // how many counts the total adds up
    // Against the first year: negative is a reduction. 0 in the first year.
    std::int64_t change_tenths = 0;
};

// The statistics of recipients of financial assistance (seed 002, appendix
// 1), from the round's <statistics> file: what was valid of it.
struct RecipientTrend {
    int first_year = 0;
    int last_year = 0;
    std::vector<CityRecipientsYear> city;  // one per year of the file, in year order
    // The city's reduction from the first to the last year.
    std::int64_t city_reduction_tenths = 0;
    // The administrations with a count, above 0, in both the first and the
    // last year: the largest reduction first, then by name.
    std::vector<AdministrationRecipients> administrations;
};

// Of the grants of last year whose genomförande report has come in, how
// many say the work is implemented in ordinary work (implementerad = ja).
struct ImplementationShare {
    int implemented = 0;
    int reported = 0;
    std::int64_t percent_tenths = 0;  // 0 when none reported
};

// What the grants of one fund last year reported of their results: the
// genomförande reports that have come in, the participants they name, and
// how many say the work is implemented in ordinary work.
struct FundOutcome {
    std::string code;
    int reported = 0;
    int with_participants = 0;  // reports that give a participant count
    std::int64_t participants = 0;
    int implemented = 0;
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
    // Set when the round has a <statistics> file with at least one valid count.
    std::optional<RecipientTrend> recipients;
    // Over previous_grants.
    ImplementationShare implementation;
    std::vector<FundOutcome> outcomes;  // per fund of last year's grants, in the order first granted
    // Set for a final-report dataset.
    std::optional<FinalReportSummary> final_report;
    // Set for an application dataset.
    std::optional<FundApplicationSummary> fund_application;

    const FundSummary* fund(const std::string& code) const;
};

std::string dump(const Report& report);

}  // namespace model
