#include <map>

#include "core/checked.hpp"
#include "core/closest_match.hpp"
#include "transform/final_report.hpp"
#include "transform/fund_application.hpp"
#include "transform/follow_up.hpp"
#include "transform/recipients.hpp"
#include "transform/transform.hpp"
#include "core/messages.hpp"

namespace transform {

namespace {

using model::Application;
using model::Decision;

const model::Fund* find_fund(const model::Round& round, const std::string& code) {
    for (const auto& fund : round.funds)
        if (fund.code == code) return &fund;
    return nullptr;
}

// Cut after 60 characters (UTF-8 lead bytes), as ingest names records: an
// unclosed quote in a CSV export can make a "title" of the rest of the file.
std::string name_of(const Application& a) {
    constexpr std::size_t kMaxShown = 60;
    std::size_t end = 0, shown = 0;
    while (end < a.title.size() && shown < kMaxShown) {
        ++end;
        while (end < a.title.size() && (static_cast<unsigned char>(a.title[end]) & 0xC0) == 0x80) ++end;
        ++shown;
    }
    const std::string title = a.title.substr(0, end) + (end < a.title.size() ? "..." : "");
    return core::tr("application {1} (\"{2}\")", a.id, title);
}

std::string kronor(model::Kronor amount) { return std::to_string(amount) + " kr"; }

void check_unique_ids(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    std::map<std::string, const Application*> first;
    for (const auto& a : dataset.applications) {
        const auto [it, inserted] = first.emplace(a.id, &a);
        if (!inserted)
            diagnostics.error(
                a.where, core::tr("the id {1} is used again; first at {2}", a.id, core::to_string(it->second->where)));
    }
}

void check_administration(const model::Round& round, const Application& a, core::Diagnostics& diagnostics) {
    std::vector<std::string> names;
    for (const auto& admin : round.administrations) {
        if (admin.name == a.administration) return;
        names.push_back(admin.name);
    }
    if (a.administration.empty()) return;  // reported by ingest
    const auto guess = core::closest_match(a.administration, names);
    diagnostics.error(
        a.where, guess
                     ? core::tr("{1}: \"{2}\" is not one of the city's administrations; did you mean {3}?", name_of(a),
                                a.administration, *guess)
                     : core::tr("{1}: \"{2}\" is not one of the city's administrations", name_of(a), a.administration));
}

// The decision rules of the round (seed 004 and docs/formats.md).
void check_decision(const Application& a, const model::Fund& fund, core::Diagnostics& diagnostics) {
    const std::string who = name_of(a);
    if (a.requested <= 0) diagnostics.error(a.where, core::tr("{1}: the requested amount must be above zero", who));
    if (a.granted > a.requested)
        diagnostics.error(a.where, core::tr("{1}: granted {2} is more than the {3} requested", who, kronor(a.granted),
                                            kronor(a.requested)));
    switch (a.decision) {
        case Decision::Granted:
            if (a.granted != a.requested)
                diagnostics.error(a.where, core::tr("{1}: granted in full, but granted {2} differs from the {3} "
                                                    "requested (use \"beviljas delvis\")",
                                                    who, kronor(a.granted), kronor(a.requested)));
            break;
        case Decision::PartlyGranted:
            if (a.granted <= 0 || a.granted >= a.requested)
                diagnostics.error(
                    a.where, core::tr("{1}: a partial grant must be above 0 and below the {2} requested, not {3}", who,
                                      kronor(a.requested), kronor(a.granted)));
            if (a.motivation.empty())
                diagnostics.error(a.where, core::tr("{1}: a partial grant needs a motivation", who));
            break;
        case Decision::Rejected:
            if (a.granted != 0)
                diagnostics.error(a.where, core::tr("{1}: rejected, but granted {2}", who, kronor(a.granted)));
            if (a.motivation.empty()) diagnostics.error(a.where, core::tr("{1}: a rejection needs a motivation", who));
            break;
    }
    if (fund.max_per_application && a.granted > *fund.max_per_application)
        diagnostics.error(a.where, core::tr("{1}: granted {2} is above the {3} maximum of {4} per application", who,
                                            kronor(a.granted), fund.code, kronor(*fund.max_per_application)));
    else if (fund.max_per_application && a.requested > *fund.max_per_application)
        diagnostics.warning(a.where, core::tr("{1}: requests {2}, above the {3} maximum of {4}", who,
                                              kronor(a.requested), fund.code, kronor(*fund.max_per_application)));
}

// The totals of the round, added as aggregate() will add them, with the
// overflow reported at the record that causes it: a wrapped sum would be a
// wrong number in the decision. Ingest bounds every amount (kMaxAmount), so
// this needs millions of records at the bound to trigger.
bool check_totals(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    model::Kronor requested = 0, granted = 0, repaid = 0;
    for (const auto& a : dataset.applications) {
        if (!core::add_checked(requested, a.requested) || !core::add_checked(granted, a.granted)) {
            diagnostics.error(a.where, core::tr("application {1}: the round's total of requested or granted amounts "
                                                "does not fit in 64 bits at this record",
                                                a.id));
            return false;
        }
    }
    for (const auto& r : dataset.repayments) {
        if (!core::add_checked(repaid, r.amount)) {
            diagnostics.error(r.where,
                              core::tr("repayment of {1}: the total of repayments does not fit in 64 bits", r.grant));
            return false;
        }
    }
    return true;
}

void check_budgets(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    if (!check_totals(dataset, diagnostics)) return;
    for (const auto& fund : dataset.round.funds) {
        model::Kronor total = 0;
        for (const auto& a : dataset.applications)
            if (a.fund == fund.code) core::add_or_throw(total, a.granted, "amounts");
        if (total > fund.budget)
            diagnostics.error(fund.where, core::tr("{1}: the grants add up to {2}, more than the budget of {3}",
                                                   fund.code, kronor(total), kronor(fund.budget)));
    }
}

}  // namespace

void validate(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    if (dataset.final_report) {
        validate_final_report(*dataset.final_report, diagnostics);
        return;
    }
    if (dataset.fund_application) {
        validate_fund_application(*dataset.fund_application, diagnostics);
        return;
    }
    check_unique_ids(dataset, diagnostics);
    for (const auto& a : dataset.applications) {
        check_administration(dataset.round, a, diagnostics);
        // An incomplete record's errors are reported by ingest; its decision
        // rules would only repeat them (a "0 kr requested" that was unreadable).
        const auto* fund = find_fund(dataset.round, a.fund);
        if (fund && a.complete) check_decision(a, *fund, diagnostics);
    }
    check_budgets(dataset, diagnostics);
    check_registers(dataset, diagnostics);
    check_recipient_statistics(dataset, diagnostics);
    check_report_rule(dataset, diagnostics);
}

}  // namespace transform
