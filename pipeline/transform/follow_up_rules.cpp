// The rules on the follow-up registers and the rule on reports across
// years (docs/formats.md, "Rules the build checks").
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "core/checked.hpp"
#include "transform/follow_up.hpp"
#include "core/messages.hpp"

namespace transform {

namespace {

const model::Application* find_application(const model::Dataset& dataset, const std::string& id) {
    for (const auto& a : dataset.applications)
        if (a.id == id) return &a;
    return nullptr;
}

std::string kronor(model::Kronor amount) { return std::to_string(amount) + " kr"; }

// A register row must name a grant of its round: a report of money never
// granted is a typing error in the id.
const model::Application* grant_named(const model::Dataset& dataset, const std::string& id,
                                      const core::SourceLocation& where, core::Diagnostics& diagnostics) {
    const auto* a = find_application(dataset, id);
    if (!a)
        diagnostics.error(where, core::tr("\"{1}\" is not an application of the round {2}", id, dataset.round.id));
    else if (a->decision == model::Decision::Rejected)
        diagnostics.error(where, core::tr("{1} was rejected; only grants owe reports and repayments", id));
    return a && a->decision != model::Decision::Rejected ? a : nullptr;
}

void check_report_register(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    std::map<std::pair<std::string, model::ReportKind>, const model::ReportRequirement*> seen;
    for (const auto& r : dataset.reports) {
        grant_named(dataset, r.grant, r.where, diagnostics);
        const auto [it, fresh] = seen.emplace(std::make_pair(r.grant, r.kind), &r);
        if (!fresh)
            diagnostics.error(
                r.where,
                core::tr("{1} {2} is in the register again; first at {3} (it would be counted twice; remove one row)",
                         r.grant, model::to_string(r.kind), core::to_string(it->second->where)));
    }
    if (dataset.round.report_source.empty()) return;
    for (const auto& a : dataset.applications) {
        if (a.decision == model::Decision::Rejected) continue;
        for (const auto kind : {model::ReportKind::Economy, model::ReportKind::Implementation})
            if (!seen.count({a.id, kind}))
                diagnostics.warning(a.where,
                                    core::tr("{1} has no row for its {2} report in {3}", a.id,
                                             std::string(model::to_string(kind)), dataset.round.report_source));
    }
}

// A grant may repay in parts, so the grant alone is no key. The same grant,
// notice date and amount twice is one repayment entered twice: counted
// twice it would lower the money used by the amount again.
void check_repayment_register(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    std::map<std::string, model::Kronor> repaid;
    std::map<std::tuple<std::string, std::string, model::Kronor>, const model::Repayment*> seen;
    const auto& deadline = dataset.round.repayment_notice_deadline;
    for (const auto& r : dataset.repayments) {
        const auto [first, fresh] = seen.emplace(std::make_tuple(r.grant, core::to_iso(r.notified), r.amount), &r);
        if (!fresh) {
            diagnostics.error(r.where, core::tr("{1} repayment of {2} announced {3} is in the register again; first at "
                                                "{4} (it would be counted twice; remove one row)",
                                                r.grant, kronor(r.amount), core::to_iso(r.notified),
                                                core::to_string(first->second->where)));
            continue;
        }
        const auto* grant = grant_named(dataset, r.grant, r.where, diagnostics);
        if (deadline && r.notified > *deadline)
            diagnostics.warning(r.where, core::tr("{1}: the repayment was announced {2}, after the deadline {3}",
                                                  r.grant, core::to_iso(r.notified), core::to_iso(*deadline)));
        if (!grant) continue;
        core::add_or_throw(repaid[r.grant], r.amount, "amounts");
        if (repaid[r.grant] > grant->granted)
            diagnostics.error(r.where, core::tr("{1}: the repayments add up to {2}, more than the {3} granted", r.grant,
                                                kronor(repaid[r.grant]), kronor(grant->granted)));
    }
}

std::string reports_missing(const model::GrantFollowUp& grant) {
    std::string text;
    for (const auto& r : grant.reports)
        if (r.status != model::ReportStatus::ApprovedOnTime && r.status != model::ReportStatus::ApprovedLate)
            text += (text.empty() ? "" : "; ") + describe(r);
    return text;
}

}  // namespace

void check_registers(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    check_report_register(dataset, diagnostics);
    check_repayment_register(dataset, diagnostics);
    std::set<std::string> excepted;
    for (const auto& e : dataset.round.report_exceptions) {
        if (!find_application(dataset, e.application))
            diagnostics.error(
                e.where, core::tr("the exception names {1}, which is not an application of the round", e.application));
        else if (!excepted.insert(e.application).second)
            diagnostics.error(e.where, core::tr("a second exception for {1}", e.application));
    }
}

namespace {

// The folder a dataset's folder lies in, whole: a dataset given by its bare
// name lies in the working folder, which the message should name.
std::string parent_folder(const std::string& directory) {
    std::error_code ec;
    auto path = std::filesystem::absolute(directory, ec).lexically_normal();
    if (!path.has_filename()) path = path.parent_path();  // "fixtures/lum-mul-2026/"
    return path.parent_path().string();
}

}  // namespace

void check_report_rule(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    const auto& round = dataset.round;
    const bool has_previous_year = has_last_years_round(dataset);
    const std::string last_year = std::to_string(round.year - 1);
    if (!dataset.earlier.empty() && !has_previous_year)
        diagnostics.warning(
            round.where,
            core::tr("the data folder holds earlier rounds but none of {1}, so the rule on reports is not checked",
                     last_year));
    // The evaluation is of last year's grants: without that round it would
    // be made of nothing, its tables empty and its charts without data, and
    // the template would be blamed for it.
    if (!round.evaluation_template.empty() && !has_previous_year)
        diagnostics.error(round.where,
                          core::tr("<evaluation-template> evaluates the grants of {1}, but no round of {1} lies beside "
                                   "this one in {2} (a folder whose round.xml has <year>{1}</year> and one of this "
                                   "round's funds): put that round's folder there, or remove <evaluation-template>",
                                   last_year, parent_folder(dataset.directory)));
    const auto found = shortfalls(dataset, previous_grants(dataset));
    std::set<std::string> needed;
    for (const auto& s : found) {
        const auto& grant = *s.grant.grant;
        for (const auto* a : s.applications) {
            bool excepted = false;
            for (const auto* e : s.exceptions) excepted |= e->application == a->id;
            if (excepted) needed.insert(a->id);
            if (excepted || a->decision == model::Decision::Rejected) continue;
            diagnostics.error(a->where,
                              core::tr("application {1} (\"{2}\"): {3} has no approved report for its {4} grant {5} "
                                       "(\"{6}\", {7}: {8}), so it cannot be granted money (seed 004) unless round.xml "
                                       "<report-exceptions> records an exception for {9}",
                                       a->id, a->title, s.administration, std::to_string(round.year - 1), grant.id,
                                       grant.title, s.grant.round->round.id, reports_missing(s.grant), a->id));
        }
    }
    for (const auto& e : round.report_exceptions) {
        if (needed.count(e.application) || !find_application(dataset, e.application)) continue;
        // Without last year's round no report is known to be missing: the
        // exception is not known to be needless either.
        if (!has_previous_year)
            diagnostics.warning(e.where, core::tr("the exception for {1} cannot be checked: no round of {2} lies "
                                                  "beside this one, so its grants and reports are not known",
                                                  e.application, last_year));
        else
            diagnostics.warning(e.where, core::tr("the exception for {1} is not needed: its administration has "
                                                  "approved reports for last year's grants, or none to give",
                                                  e.application));
    }
}

}  // namespace transform
