// The view model of an application to a fund, its budget appendix and the
// decision document that puts it before the committee. The requested sum is
// FundApplicationSummary::total wherever a document states it, and the
// administrations come from its one list, so no two places can disagree.
#include "document/fund_application_view.hpp"

#include <utility>

#include "core/closest_match.hpp"
#include "document/final_report_text.hpp"
#include "document/format_sv.hpp"
#include "document/view_values.hpp"

namespace doc {

namespace {

using kainjow::mustache::data;

std::string lower_first(const std::string& text) {
    if (text.empty()) return text;
    std::size_t n = 1;
    while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
    return core::fold_case(text.substr(0, n)) + text.substr(n);
}

std::string month_words(const model::YearMonth& m) { return sv::month_name(m.month) + " " + std::to_string(m.year); }

// "mars 2005 – december 2006", "oktober – december 2004": a range of words
// takes a spaced dash (Svenska skrivregler), unlike "2002–2003"; the year
// is written once when both ends share it. A no-break space before the dash
// keeps it off the start of a line.
std::string period_words(const model::YearMonth& from, const model::YearMonth& to) {
    if (from.year == to.year) return sv::month_name(from.month) + "\u00A0\u2013 " + month_words(to);
    return month_words(from) + "\u00A0\u2013 " + month_words(to);
}

// Whole tkr, as the budget gives them; the table's header says tkr.
std::string tkr_number(model::Kronor kronor) { return sv::integer((kronor + 500) / 1000); }

data requested_view(model::Kronor total) {
    data d;
    d.set("tkr", sv::tkr(total));
    d.set("tkr_number", tkr_number(total));
    d.set("kronor", sv::kronor(total));
    return d;
}

std::string meeting_text(const model::AnchoringMeeting& m) {
    if (m.date) return m.body + " den " + sv::date_long(*m.date);
    if (m.month) return m.body + " " + month_words(*m.month);
    if (m.year) return m.body + " under " + std::to_string(*m.year);
    return m.body;
}

data administrations_view(const std::vector<const model::ApplyingAdministration*>& list) {
    data d = count_view(static_cast<std::int64_t>(list.size()));
    data items{data::type::list};
    std::vector<std::string> shorts, names;
    for (const auto* a : list) {
        data item;
        item.set("name", a->name);
        item.set("short", a->short_name);
        items.push_back(item);
        shorts.push_back(a->short_name);
        names.push_back(a->name);
    }
    d.set("list", items);
    d.set("short_joined", join_swedish(shorts));
    d.set("names_joined", join_swedish(names));
    return d;
}

data anchoring_view(const model::FundApplication& a, FinalReportText& text) {
    data d;
    d.set("before_md", text.blocks_md(a.anchoring_before));
    d.set("after_md", text.blocks_md(a.anchoring_after));
    data schedule{data::type::list};
    for (const auto& ad : a.administrations) {
        if (ad.meetings.empty()) continue;
        data item;
        item.set("name", ad.name);
        data meetings{data::type::list};
        for (const auto& m : ad.meetings) {
            data meeting;
            meeting.set("text", meeting_text(m));
            meetings.push_back(meeting);
        }
        item.set("meetings", meetings);
        schedule.push_back(item);
    }
    d.set("schedule", schedule);
    return d;
}

data staffing_view(const model::FundApplication& a, int positions, FinalReportText& text) {
    data d;
    d.set("intro_md", text.blocks_md(a.staffing_intro));
    data roles{data::type::list};
    for (const auto& r : a.staff) {
        data item;
        item.set("count", sv::integer(r.count));
        item.set("title", r.title);
        item.set("note", r.note);
        item.set("has_note", !r.note.empty());
        item.set("label", r.label.empty() ? r.title : r.label);
        const auto [first, rest] = text.split_md(r.description);
        item.set("first_md", first);
        item.set("rest_md", rest);
        item.set("has_description", !r.description.empty());
        roles.push_back(item);
    }
    d.set("roles", roles);
    d.set("positions", count_view(positions));
    return d;
}

data partners_view(const model::FundApplication& a, FinalReportText& text) {
    data d;
    d.set("intro_md", text.blocks_md(a.partners_intro));
    const std::pair<const char*, const std::string*> fields[] = {{"operative", &a.partners_operative},
                                                                 {"strategic", &a.partners_strategic},
                                                                 {"other_internal", &a.partners_other_internal},
                                                                 {"external", &a.partners_external}};
    for (const auto& [name, value] : fields) {
        d.set(name, *value);
        d.set(std::string("has_") + name, !value->empty());
    }
    return d;
}

data attachments_view(const model::FundApplication& a) {
    data d = count_view(static_cast<std::int64_t>(a.attachments.size()));
    data items{data::type::list};
    int number = 0;
    for (const auto& t : a.attachments) {
        data item;
        item.set("number", std::to_string(++number));
        if (t.budget) {
            d.set("budget_number", std::to_string(number));
            d.set("budget_title", t.title);
        }
        item.set("title", t.title);
        item.set("is_budget", t.budget);
        items.push_back(item);
    }
    d.set("list", items);
    return d;
}

data people_view(const std::vector<model::ApplicationPerson>& people) {
    data items{data::type::list};
    for (const auto& p : people) {
        data item;
        item.set("name", p.name);
        item.set("title", p.title);
        item.set("phone", p.phone);
        items.push_back(item);
    }
    return items;
}

// The budget appendix: one row per cost type, one column per year, the
// totals computed (transform/fund_application_aggregate.cpp).
data budget_view(const model::FundApplicationSummary& s) {
    data d;
    data years{data::type::list};
    for (std::size_t i = 0; i < s.years.size(); ++i) {
        data y;
        y.set("year", std::to_string(s.years[i]));
        y.set("total", tkr_number(s.year_totals[i]));
        years.push_back(y);
    }
    d.set("years", years);
    data lines{data::type::list};
    for (const auto& l : s.lines) {
        data line;
        line.set("cost_type", l.cost_type);
        data cells{data::type::list};
        for (const auto k : l.per_year) {
            data cell;
            cell.set("amount", k == 0 ? std::string("–") : tkr_number(k));
            cells.push_back(cell);
        }
        line.set("cells", cells);
        line.set("total", tkr_number(l.total));
        lines.push_back(line);
    }
    d.set("lines", lines);
    d.set("total", requested_view(s.total));
    d.set("years_joined", s.years.empty() ? std::string() : sv::range(s.years.front(), s.years.back()));
    return d;
}

data application_view(const model::FundApplication& a, const model::FundApplicationSummary& s) {
    data d;
    d.set("id", a.id);
    d.set("title", "Ansökan om medel till " + a.project_kind + " " + a.project_name);
    d.set("date", sv::date_iso(a.date));
    d.set("date_long", sv::date_long(a.date));
    d.set("fund", a.fund);
    d.set("fund_lower", lower_first(a.fund));
    d.set("project_name", a.project_name);
    d.set("subtitle", a.subtitle);
    d.set("has_subtitle", !a.subtitle.empty());
    d.set("kind", a.project_kind);
    d.set("period", period_words(a.period_from, a.period_to));
    d.set("period_cap", sv::capitalize_first(period_words(a.period_from, a.period_to)));
    d.set("duration", duration_words(s.months));
    d.set("months", count_view(s.months));
    d.set("lead", a.lead_recruited_later ? std::string("Rekryteras senare") : a.lead_name);
    std::string lead_role = "Projektledare";
    for (const auto& r : a.staff)
        if (r.lead) lead_role = r.title;
    d.set("lead_role", lead_role);
    d.set("department", a.department);
    d.set("has_department", !a.department.empty());
    data officer;
    officer.set("name", a.case_officer.name);
    officer.set("phone", a.case_officer.phone);
    officer.set("has_phone", !a.case_officer.phone.empty());
    d.set("case_officer", officer);
    d.set("study_period", period_words(a.study_from, a.study_to));
    return d;
}

data decision_view(const model::FundApplication& a, FinalReportText& text) {
    const auto& dd = a.decision;
    data d;
    d.set("committee", dd.committee);
    d.set("committee_lower", lower_first(dd.committee));
    d.set("has_meeting_date", dd.meeting_date.has_value());
    d.set("meeting_date", dd.meeting_date ? sv::date_iso(*dd.meeting_date) : std::string());
    d.set("meeting_date_long", dd.meeting_date ? sv::date_long(*dd.meeting_date) : std::string());
    d.set("has_date", dd.date.has_value());
    d.set("date", dd.date ? sv::date_iso(*dd.date) : std::string());
    d.set("has_diary_number", !dd.diary_number.empty());
    d.set("diary_number", dd.diary_number);
    d.set("prepared_by", dd.prepared_by);
    d.set("purpose", dd.purpose);
    d.set("background_md", text.blocks_md(dd.background));
    d.set("view_md", text.blocks_md(dd.view));
    return d;
}

}  // namespace

data make_fund_application_view(const model::Report& report) {
    const auto& s = *report.fund_application;
    const auto& a = *s.application;
    // Applications hold no references or notes (schemas/application.xsd),
    // so the final report's text writer needs no sections to link to.
    static const model::FinalReportSummary kNoSections{};
    FinalReportText text(kNoSections);
    data d;
    d.set("application", application_view(a, s));
    data applicant;
    applicant.set("name", s.applicant ? s.applicant->name : std::string());
    applicant.set("name_lower", s.applicant ? lower_first(s.applicant->name) : std::string());
    d.set("applicant", applicant);
    d.set("participants", administrations_view(s.participants));
    d.set("steering_group", administrations_view(s.steering_group));
    d.set("joining_later", a.joining_later);
    d.set("has_joining_later", !a.joining_later.empty());
    d.set("anchoring", anchoring_view(a, text));
    d.set("background_md", text.blocks_md(a.background));
    d.set("goals_md", text.blocks_md(a.goals));
    d.set("process_md", text.blocks_md(a.process));
    data needs{data::type::list};
    for (const auto& n : a.needs) {
        data item;
        const auto [first, rest] = text.split_md(n.blocks);
        item.set("about", n.about);
        item.set("first_md", first);
        item.set("rest_md", rest);
        needs.push_back(item);
    }
    d.set("needs", needs);
    d.set("coordination_md", text.blocks_md(a.coordination));
    d.set("partners", partners_view(a, text));
    d.set("staffing", staffing_view(a, s.staff, text));
    d.set("follow_up_md", text.blocks_md(a.follow_up));
    d.set("risk_analysis_md", text.blocks_md(a.risk_analysis));
    d.set("study_financing_md", text.blocks_md(a.study_financing));
    d.set("requested_note_md", text.blocks_md(a.requested_note));
    data co{data::type::list};
    for (const auto& c : a.co_financing) {
        data item;
        item.set("text", c);
        co.push_back(item);
    }
    d.set("co_financing", co);
    d.set("attachments", attachments_view(a));
    d.set("signatories", people_view(a.signatories));
    d.set("decision", decision_view(a, text));
    // The one requested sum (templates/README.md): the request sentence,
    // "Sökta medel", the appendix's total and the decision document's summary.
    d.set("requested", requested_view(s.total));
    d.set("budget", budget_view(s));
    return d;
}

std::string duration_words(int months) {
    static const char* const kYears[] = {"", "ettårig", "tvåårig", "treårig", "fyraårig", "femårig"};
    const int years = (months + 11) / 12;
    if (months <= 0 || years > 5 || 12 * years - months > 3) return std::to_string(months) + " månaders";
    return std::string(months % 12 == 0 ? "" : "nästan ") + kYears[years];
}

}  // namespace doc
