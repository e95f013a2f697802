// The view of the follow-up of grants across years: the applicants of this
// round without an approved report for last year's grant (seed 004: "Godkänd
// rapport är en förutsättning för att kunna ansöka om och beviljas medel
// kommande år"), worded for the decision document.
#include "document/format_sv.hpp"
#include "document/view_values.hpp"

namespace doc {

using kainjow::mustache::data;

namespace {

// "ekonomirapporten", "genomföranderapporten": the report in running text.
std::string report_name(model::ReportKind kind) { return std::string(model::to_string(kind)) + "rapporten"; }

// What is wrong with one report, as a clause: "genomföranderapporten har inte godkänts".
std::string report_clause(const model::ReportState& r) {
    const auto name = report_name(r.kind);
    const auto due = r.record ? sv::date_iso(r.record->due) : std::string();
    switch (r.status) {
        case model::ReportStatus::ApprovedOnTime:
        case model::ReportStatus::ApprovedLate: return "";
        case model::ReportStatus::NotApproved: return name + " har inte godkänts";
        case model::ReportStatus::NotYetAssessed: return name + " har ännu inte bedömts";
        case model::ReportStatus::Missing: return name + " har inte kommit in (senast " + due + ")";
        case model::ReportStatus::NotYetDue: return name + " ska lämnas senast " + due;
        case model::ReportStatus::NotRecorded: return name + " finns inte i rapportregistret";
    }
    return "";
}

}  // namespace

std::string reports_text(const model::GrantFollowUp& grant) {
    std::vector<std::string> clauses;
    for (const auto& r : grant.reports)
        if (auto clause = report_clause(r); !clause.empty()) clauses.push_back(std::move(clause));
    return join_swedish(clauses);
}

namespace {

data shortfall_view(const model::ReportShortfall& s, const std::string& money) {
    const auto& grant = *s.grant.grant;
    data d;
    d.set("administration", s.administration);
    d.set("grant_id", grant.id);
    d.set("grant_title", grant.title);
    d.set("grant_fund_code", grant.fund);
    d.set("grant_year", std::to_string(s.grant.round->round.year));
    d.set("grant_amount", amount_view(grant.granted, money));
    d.set("reports_text", reports_text(s.grant));
    data applications{data::type::list};
    for (std::size_t i = 0; i < s.applications.size(); ++i) {
        const auto* a = s.applications[i];
        data item;
        item.set("id", a->id);
        item.set("title", a->title);
        item.set("decision", model::to_string(a->decision));
        item.set("last", i + 1 == s.applications.size());
        applications.push_back(item);
    }
    d.set("applications", applications);
    // validate() allows one exception per application; a shortfall shows the
    // first, which is the only one when the administration applied once.
    const auto* exception = s.exceptions.empty() ? nullptr : s.exceptions.front();
    d.set("has_exception", exception != nullptr);
    d.set("exception_application", exception ? exception->application : std::string());
    d.set("exception_reason", exception ? exception->reason : std::string());
    return d;
}

// "Ekonomirapporten ska lämnas senast 31 oktober 2025": the round's conditions.
data deadlines_view(const model::Round& round) {
    data items{data::type::list};
    for (const auto& d : round.report_deadlines) {
        data item;
        item.set("report", report_name(d.kind));
        item.set("report_cap", sv::capitalize_first(report_name(d.kind)));
        item.set("date", sv::date_iso(d.due));
        item.set("date_long", sv::date_long(d.due));
        items.push_back(item);
    }
    return items;
}

}  // namespace

data shortfalls_view(const std::vector<const model::ReportShortfall*>& shortfalls, const std::string& money) {
    data d = count_view(static_cast<std::int64_t>(shortfalls.size()));
    data list{data::type::list};
    for (const auto* s : shortfalls) list.push_back(shortfall_view(*s, money));
    d.set("list", list);
    return d;
}

void add_follow_up_view(const model::Report& report, data& view) {
    const auto& round = report.dataset->round;
    std::vector<const model::ReportShortfall*> all;
    for (const auto& s : report.shortfalls) all.push_back(&s);
    view.set("report_shortfalls", shortfalls_view(all, round.money_abbreviation));
    view.set("previous_year", std::to_string(round.year - 1));
    view.set("report_deadlines", deadlines_view(round));
    view.set("has_report_deadlines", !round.report_deadlines.empty());
    add_evaluation_view(report, view);
}

}  // namespace doc
