// Report statuses, repayments, shortfalls and the money per year.
#include "transform/follow_up.hpp"
#include "core/messages.hpp"

#include "core/checked.hpp"

namespace transform {

namespace {

constexpr model::ReportKind kKinds[] = {model::ReportKind::Economy, model::ReportKind::Implementation};

const model::ReportRequirement* requirement_of(const model::Dataset& round, const std::string& grant,
                                               model::ReportKind kind) {
    for (const auto& r : round.reports)
        if (r.grant == grant && r.kind == kind) return &r;
    return nullptr;
}

bool is_grant(const model::Application& a) { return a.decision != model::Decision::Rejected && a.granted > 0; }

}  // namespace

model::ReportStatus status_of(const model::ReportRequirement& r, const core::Date& as_of) {
    using S = model::ReportStatus;
    switch (r.verdict) {
        case model::ReportVerdict::Approved:
            return r.received && *r.received > r.due ? S::ApprovedLate : S::ApprovedOnTime;
        case model::ReportVerdict::Rejected: return S::NotApproved;
        case model::ReportVerdict::NotYetAssessed: break;
    }
    if (r.received) return S::NotYetAssessed;
    return r.due < as_of ? S::Missing : S::NotYetDue;
}

model::GrantFollowUp follow_up(const model::Dataset& round, const model::Application& grant, const core::Date& as_of) {
    model::GrantFollowUp f;
    f.round = &round;
    f.grant = &grant;
    for (const auto kind : kKinds) {
        const auto* record = requirement_of(round, grant.id, kind);
        f.reports.push_back({kind, record ? status_of(*record, as_of) : model::ReportStatus::NotRecorded, record});
    }
    for (const auto& r : round.repayments)
        if (r.grant == grant.id) {
            f.repayments.push_back(&r);
            core::add_or_throw(f.repaid, r.amount, "amounts");
        }
    f.used = grant.granted - f.repaid;
    return f;
}

bool has_last_years_round(const model::Dataset& dataset) {
    for (const auto& earlier : dataset.earlier)
        if (earlier.round.year == dataset.round.year - 1) return true;
    return false;
}

std::vector<model::GrantFollowUp> previous_grants(const model::Dataset& dataset) {
    std::vector<model::GrantFollowUp> grants;
    for (const auto& earlier : dataset.earlier) {
        if (earlier.round.year != dataset.round.year - 1) continue;
        for (const auto& a : earlier.applications)
            if (is_grant(a)) grants.push_back(follow_up(earlier, a, dataset.round.date));
    }
    return grants;
}

std::vector<model::ReportShortfall> shortfalls(const model::Dataset& dataset,
                                               const std::vector<model::GrantFollowUp>& previous) {
    std::vector<model::ReportShortfall> found;
    for (const auto& grant : previous) {
        if (grant.approved()) continue;
        model::ReportShortfall s{grant.grant->administration, grant, {}, {}};
        for (const auto& a : dataset.applications) {
            if (a.administration != s.administration) continue;
            s.applications.push_back(&a);
            for (const auto& e : dataset.round.report_exceptions)
                if (e.application == a.id) s.exceptions.push_back(&e);
        }
        if (!s.applications.empty()) found.push_back(std::move(s));
    }
    return found;
}

namespace {

void add_administrations(const model::Dataset& round, model::YearSummary& y) {
    for (const auto& admin : round.round.administrations) {
        model::AdministrationYear a{admin.name, 0, 0, 0};
        for (const auto& app : round.applications) {
            if (app.administration != admin.name || !is_grant(app)) continue;
            ++a.grants;
            core::add_or_throw(a.granted, app.granted, "amounts");
            core::add_or_throw(a.used, follow_up(round, app, round.round.date).used, "amounts");
        }
        if (a.grants > 0) y.administrations.push_back(a);
    }
}

void add_priorities(const model::Dataset& round, model::YearSummary& y) {
    for (const auto& fund : round.round.funds)
        for (const auto& c : fund.criteria) {
            if (c.kind != model::CriterionKind::Priority) continue;
            model::PriorityYear p{&c, 0, 0};
            for (const auto& app : round.applications) {
                if (app.fund != fund.code || !is_grant(app)) continue;
                for (const auto& s : app.assessments)
                    if (s.criterion_id == c.id && s.rating == model::Rating::Meets) {
                        ++p.grants;
                        core::add_or_throw(p.granted, app.granted, "amounts");
                    }
            }
            y.priorities.push_back(p);
        }
}

}  // namespace

model::YearSummary year_summary(const model::Dataset& round) {
    model::YearSummary y;
    y.year = round.round.year;
    y.round = &round;
    for (const auto& fund : round.round.funds) {
        model::FundYear f{fund.code, 0, 0, 0, 0};
        for (const auto& a : round.applications) {
            if (a.fund != fund.code || !is_grant(a)) continue;
            const auto followed = follow_up(round, a, round.round.date);
            ++f.grants;
            core::add_or_throw(f.granted, a.granted, "amounts");
            core::add_or_throw(f.repaid, followed.repaid, "amounts");
        }
        f.used = f.granted - f.repaid;
        core::add_or_throw(y.granted, f.granted, "amounts");
        core::add_or_throw(y.repaid, f.repaid, "amounts");
        core::add_or_throw(y.used, f.used, "amounts");
        y.funds.push_back(f);
    }
    add_administrations(round, y);
    add_priorities(round, y);
    return y;
}

std::string describe(const model::ReportState& state) {
    const std::string kind = model::to_string(state.kind);
    const std::string due = state.record ? core::tr(" (due {1})", core::to_iso(state.record->due)) : "";
    switch (state.status) {
        case model::ReportStatus::ApprovedOnTime: return core::tr("{1}: approved", kind);
        case model::ReportStatus::ApprovedLate: return core::tr("{1}: approved, late{2}", kind, due);
        case model::ReportStatus::NotApproved: return core::tr("{1}: not approved", kind);
        case model::ReportStatus::NotYetAssessed: return core::tr("{1}: not yet assessed", kind);
        case model::ReportStatus::Missing: return core::tr("{1}: missing{2}", kind, due);
        case model::ReportStatus::NotYetDue: return core::tr("{1}: not yet due{2}", kind, due);
        case model::ReportStatus::NotRecorded: return core::tr("{1}: not in the report register", kind);
    }
    return kind;
}

}  // namespace transform
