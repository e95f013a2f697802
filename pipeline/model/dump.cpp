// Text dumps of the model for golden tests: one record per line, fields in a
// fixed order, so that a change in ingest or transform shows as a small diff.
#include <sstream>

#include "model/dataset.hpp"
#include "model/report.hpp"

namespace model {

namespace {

std::string date_or_dash(const std::optional<core::Date>& date) {
    return date ? core::to_iso(*date) : std::string("-");
}

void dump_round(std::ostringstream& out, const Round& r) {
    out << "round " << r.id << " year=" << r.year << " date=" << core::to_iso(r.date) << " template=" << r.template_name
        << " money=" << r.money_abbreviation << '\n';
    out << "  title: " << r.title << '\n';
    out << "  from: " << r.administration << " / " << r.department << " to: " << r.committee
        << " dnr: " << r.diary_number << '\n';
    for (const auto& f : r.funds) {
        out << "  fund " << f.code << " \"" << f.name << "\" budget=" << f.budget
            << " max=" << (f.max_per_application ? std::to_string(*f.max_per_application) : "-") << '\n';
        for (const auto& c : f.criteria)
            out << "    criterion " << c.id << (c.kind == CriterionKind::Main ? " main: " : " priority: ") << c.text
                << '\n';
    }
    out << "  repayment-notice-deadline: " << date_or_dash(r.repayment_notice_deadline) << '\n';
    for (const auto& d : r.report_deadlines)
        out << "  report-due " << to_string(d.kind) << ": " << core::to_iso(d.due) << '\n';
    for (const auto& e : r.report_exceptions) out << "  report-exception " << e.application << ": " << e.reason << '\n';
    if (!r.report_source.empty()) out << "  report-register: " << r.report_source << '\n';
    if (!r.repayment_source.empty()) out << "  repayment-register: " << r.repayment_source << '\n';
    if (!r.statistics_source.empty()) out << "  recipient-statistics: " << r.statistics_source << '\n';
    if (!r.letter_template.empty()) out << "  letter-template: " << r.letter_template << '\n';
    if (!r.evaluation_template.empty()) out << "  evaluation-template: " << r.evaluation_template << '\n';
    for (const auto& p : r.case_officers) out << "  case-officer: " << p.name << ", " << p.phone << '\n';
    for (const auto& p : r.signatories)
        out << "  signatory: " << p.name << ", " << p.title << ", " << p.organisation << '\n';
    for (const auto& p : r.prepared_by) out << "  prepared-by: " << p << '\n';
    for (const auto& s : r.preparation)
        out << "  step " << core::to_iso(s.date) << (s.form == StepForm::Treated ? " treated: " : " offered: ")
            << s.body << '\n';
    for (const auto& a : r.attestations)
        out << "  attestation " << core::to_iso(a.date) << ": " << a.person.name << ", " << a.person.title << '\n';
    for (const auto& a : r.administrations)
        out << "  administration " << (a.kind == AdministrationKind::District ? "district: " : "central: ") << a.name
            << '\n';
}

void dump_application(std::ostringstream& out, const Application& a) {
    out << "application " << a.id << " fund=" << a.fund << " requested=" << a.requested << " decision=\""
        << to_string(a.decision) << "\" granted=" << a.granted << '\n';
    out << "  from: " << a.administration << (a.unit.empty() ? "" : ", " + a.unit) << '\n';
    out << "  title: " << a.title << '\n';
    if (!a.destination.empty()) out << "  destination: " << a.destination << '\n';
    if (!a.description.empty()) out << "  description: " << a.description << '\n';
    for (const auto& s : a.assessments) out << "  " << s.criterion_id << ": " << to_string(s.rating) << '\n';
    if (!a.motivation.empty()) out << "  motivation: " << a.motivation << '\n';
}

const char* to_string(ReportStatus status) {
    switch (status) {
        case ReportStatus::ApprovedOnTime: return "approved";
        case ReportStatus::ApprovedLate: return "approved-late";
        case ReportStatus::NotApproved: return "not-approved";
        case ReportStatus::NotYetAssessed: return "not-yet-assessed";
        case ReportStatus::Missing: return "missing";
        case ReportStatus::NotYetDue: return "not-yet-due";
        case ReportStatus::NotRecorded: return "not-recorded";
    }
    return "?";
}

void dump_grant(std::ostringstream& out, const GrantFollowUp& g) {
    out << "  " << g.round->round.id << "/" << g.grant->id << " " << g.grant->administration
        << " granted=" << g.grant->granted << " repaid=" << g.repaid << " used=" << g.used
        << (g.approved() ? " approved" : " NOT-APPROVED");
    for (const auto& r : g.reports) out << " " << to_string(r.kind) << "=" << to_string(r.status);
    out << '\n';
}

std::string titles(const std::vector<const Application*>& list) {
    std::string text;
    for (const auto* a : list) text += (text.empty() ? "" : ",") + a->id;
    return text;
}

}  // namespace

std::string dump(const Dataset& dataset) {
    std::ostringstream out;
    out << "dataset " << dataset.name << '\n';
    dump_round(out, dataset.round);
    for (const auto& a : dataset.applications) dump_application(out, a);
    for (const auto& r : dataset.reports)
        out << "report-requirement " << r.grant << " " << to_string(r.kind) << " due=" << core::to_iso(r.due)
            << " received=" << date_or_dash(r.received) << " verdict=\"" << to_string(r.verdict) << "\""
            << (r.implemented ? (*r.implemented ? " implemented=ja" : " implemented=nej") : "")
            << (r.participants ? " participants=" + std::to_string(*r.participants) : "")
            << (r.comment.empty() ? "" : " comment: " + r.comment) << '\n';
    for (const auto& r : dataset.repayments)
        out << "repayment " << r.grant << " notified=" << core::to_iso(r.notified) << " amount=" << r.amount
            << " repaid=" << date_or_dash(r.repaid) << (r.comment.empty() ? "" : " comment: " + r.comment) << '\n';
    for (const auto& c : dataset.recipient_statistics)
        out << "recipients " << c.administration << " year=" << c.year << " count=" << c.recipients << '\n';
    for (const auto& e : dataset.earlier)
        out << "earlier round " << e.round.id << " year=" << e.round.year << " folder=" << e.name
            << " applications=" << e.applications.size() << '\n';
    if (dataset.final_report) out << dump(*dataset.final_report);
    if (dataset.fund_application) out << dump(*dataset.fund_application);
    return out.str();
}

std::string dump(const Report& report) {
    std::ostringstream out;
    out << "report total-requested=" << report.total_requested << " total-granted=" << report.total_granted << '\n';
    for (const auto& s : report.funds) {
        out << "fund " << s.fund->code << " applications=" << s.applications.size()
            << " requested=" << s.total_requested << " granted=" << s.total_granted
            << " uniform=" << s.uniform_granted_amount << '\n';
        out << "  districts=" << s.districts_applying << " central=" << s.central_applying << '\n';
        out << "  granted-in-full: " << titles(s.granted_in_full) << '\n';
        out << "  partly-granted: " << titles(s.partly_granted) << '\n';
        out << "  rejected: " << titles(s.rejected) << '\n';
    }
    if (!report.previous_grants.empty()) out << "previous-grants " << report.previous_grants.size() << '\n';
    for (const auto& g : report.previous_grants) dump_grant(out, g);
    for (const auto& s : report.shortfalls) {
        out << "shortfall " << s.administration << " grant=" << s.grant.grant->id
            << " applications=" << titles(s.applications) << " exceptions=";
        for (const auto* e : s.exceptions) out << e->application << ' ';
        out << '\n';
    }
    for (const auto& y : report.years) {
        out << "year " << y.year << " " << y.round->round.id << " granted=" << y.granted << " repaid=" << y.repaid
            << " used=" << y.used << '\n';
        for (const auto& f : y.funds)
            out << "  " << f.code << " grants=" << f.grants << " granted=" << f.granted << " repaid=" << f.repaid
                << " used=" << f.used << '\n';
        for (const auto& a : y.administrations)
            out << "  administration " << a.administration << " grants=" << a.grants << " granted=" << a.granted
                << " used=" << a.used << '\n';
        for (const auto& p : y.priorities)
            out << "  priority " << p.criterion->id << " grants=" << p.grants << " granted=" << p.granted << '\n';
    }
    if (report.implementation.reported > 0)
        out << "implemented " << report.implementation.implemented << " of " << report.implementation.reported
            << " tenths=" << report.implementation.percent_tenths << '\n';
    for (const auto& o : report.outcomes)
        out << "outcome " << o.code << " reported=" << o.reported << " participants=" << o.participants << " in "
            << o.with_participants << " implemented=" << o.implemented << '\n';
    if (report.recipients) {
        const auto& t = *report.recipients;
        out << "recipients " << t.first_year << "-" << t.last_year
            << " city-reduction-tenths=" << t.city_reduction_tenths << '\n';
        for (const auto& y : t.city)
            out << "  city " << y.year << " recipients=" << y.recipients << " administrations=" << y.administrations
                << " change-tenths=" << y.change_tenths << '\n';
        for (const auto& a : t.administrations)
            out << "  administration " << a.administration << " first=" << a.first << " last=" << a.last
                << " reduction-tenths=" << a.reduction_tenths << '\n';
    }
    if (report.final_report) out << dump(*report.final_report);
    if (report.fund_application) {
        const auto& s = *report.fund_application;
        out << "fund-application total=" << s.total << " months=" << s.months << " staff=" << s.staff << '\n';
        out << "  applicant: " << (s.applicant ? s.applicant->name : std::string("-")) << "\n  participants:";
        for (const auto* a : s.participants) out << ' ' << a->short_name << ';';
        out << "\n  steering-group:";
        for (const auto* a : s.steering_group) out << ' ' << a->short_name << ';';
        out << '\n';
        for (std::size_t i = 0; i < s.years.size(); ++i)
            out << "  year " << s.years[i] << " total=" << s.year_totals[i] << '\n';
        for (const auto& l : s.lines) {
            out << "  line \"" << l.cost_type << "\"";
            for (auto k : l.per_year) out << ' ' << k;
            out << " total=" << l.total << '\n';
        }
    }
    return out.str();
}

}  // namespace model
