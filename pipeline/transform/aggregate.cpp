#include <set>

#include "core/checked.hpp"
#include "transform/final_report.hpp"
#include "transform/fund_application.hpp"
#include "transform/follow_up.hpp"
#include "transform/recipients.hpp"
#include "transform/transform.hpp"

namespace transform {

namespace {

const model::Administration* find_administration(const model::Round& round, const std::string& name) {
    for (const auto& admin : round.administrations)
        if (admin.name == name) return &admin;
    return nullptr;
}

void count_applicants(const model::Round& round, model::FundSummary& summary) {
    std::set<std::string> districts, central;
    for (const auto* a : summary.applications) {
        const auto* admin = find_administration(round, a->administration);
        if (!admin) continue;  // validation reports unknown administrations
        if (admin->kind == model::AdministrationKind::District)
            districts.insert(admin->name);
        else if (central.insert(admin->name).second)
            summary.central_names.push_back(admin->name);
    }
    summary.districts_applying = static_cast<int>(districts.size());
    summary.central_applying = static_cast<int>(central.size());
}

model::Kronor uniform_amount(const std::vector<const model::Application*>& granted) {
    if (granted.empty()) return 0;
    for (const auto* a : granted)
        if (a->granted != granted.front()->granted) return 0;
    return granted.front()->granted;
}

model::FundSummary summarize(const model::Dataset& dataset, const model::Fund& fund) {
    model::FundSummary summary;
    summary.fund = &fund;
    for (const auto& a : dataset.applications) {
        if (a.fund != fund.code) continue;
        summary.applications.push_back(&a);
        core::add_or_throw(summary.total_requested, a.requested, "amounts");
        core::add_or_throw(summary.total_granted, a.granted, "amounts");
        switch (a.decision) {
            case model::Decision::Granted: summary.granted_in_full.push_back(&a); break;
            case model::Decision::PartlyGranted: summary.partly_granted.push_back(&a); break;
            case model::Decision::Rejected: summary.rejected.push_back(&a); break;
        }
        if (a.decision != model::Decision::Rejected) summary.granted.push_back(&a);
    }
    summary.uniform_granted_amount = uniform_amount(summary.granted);
    count_applicants(dataset.round, summary);
    return summary;
}

}  // namespace

model::Report aggregate(const model::Dataset& dataset) {
    model::Report report;
    report.dataset = &dataset;
    for (const auto& fund : dataset.round.funds) {
        report.funds.push_back(summarize(dataset, fund));
        core::add_or_throw(report.total_requested, report.funds.back().total_requested, "amounts");
        core::add_or_throw(report.total_granted, report.funds.back().total_granted, "amounts");
    }
    report.previous_grants = previous_grants(dataset);
    report.shortfalls = shortfalls(dataset, report.previous_grants);
    report.implementation = implementation_share(report.previous_grants);
    report.outcomes = fund_outcomes(report.previous_grants);
    report.recipients = recipient_trend(dataset.recipient_statistics);
    report.years.push_back(year_summary(dataset));
    for (const auto& earlier : dataset.earlier) report.years.push_back(year_summary(earlier));
    if (dataset.final_report) report.final_report = summarise_final_report(*dataset.final_report);
    if (dataset.fund_application) report.fund_application = summarise_fund_application(*dataset.fund_application);
    return report;
}

}  // namespace transform
