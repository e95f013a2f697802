// The view model of a final report and its decision document. Every figure
// comes from model::FinalReportSummary; here it is only formatted the
// Swedish way (format_sv) and, for running text, turned into Markdown.
#include "document/final_report_view.hpp"

#include "document/final_report_text.hpp"
#include "document/format_sv.hpp"
#include "document/markdown_escape.hpp"

namespace doc {

namespace {

using kainjow::mustache::data;

std::string join_sv(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : i + 1 == items.size() ? " och " : ", ") + items[i];
    return text;
}

data count_view(std::int64_t n) {
    data d;
    d.set("count", sv::integer(n));
    d.set("words", sv::count(n));
    d.set("words_neuter", sv::count(n, sv::Gender::Neuter));
    d.set("one", n == 1);
    d.set("any", n > 0);
    return d;
}

// tkr with the decimals the figure has (4 770,5; 4 476): table 1.1 prints
// the accounts' figures as they are.
std::string tkr_figure(model::Kronor kronor) {
    if (kronor % 1000 == 0) return sv::integer(kronor / 1000);
    const int decimals = kronor % 100 == 0 ? 1 : kronor % 10 == 0 ? 2 : 3;
    return sv::decimal(static_cast<double>(kronor) / 1000.0, decimals);
}

std::string tkr_number(model::Kronor kronor) { return sv::integer((kronor + 500) / 1000); }

// "2003-05/2003-06" -> "maj–juni 2003", "2002-11-13/2002-11-16" ->
// "13–16 november 2002", "2003-10, 2003-12" -> "oktober, december 2003"
// (docs/formats-final-report.md, "Dates and periods in CSV").
struct DatePart {
    int year = 0, month = 0, day = 0;
};
DatePart date_part(const std::string& text) {
    DatePart p;
    if (text.size() >= 7) {
        p.year = std::stoi(text.substr(0, 4));
        p.month = std::stoi(text.substr(5, 2));
    }
    if (text.size() >= 10) p.day = std::stoi(text.substr(8, 2));
    return p;
}
std::string part_words(const DatePart& p, bool with_year) {
    std::string text = (p.day ? std::to_string(p.day) + " " : "") + sv::month_name(p.month);
    return with_year ? text + " " + std::to_string(p.year) : text;
}
std::string period_words(const std::string& text) {
    if (text.empty()) return "";
    std::vector<DatePart> parts;
    const char separator = text.find('/') != std::string::npos ? '/' : ',';
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find(separator, start);
        auto piece = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        while (!piece.empty() && piece.front() == ' ') piece.erase(0, 1);
        parts.push_back(date_part(piece));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    if (separator == '/' && parts.size() == 2) {
        const auto& a = parts[0];
        const auto& b = parts[1];
        if (a.day && a.month == b.month && a.year == b.year)
            return std::to_string(a.day) + "\u2013" + part_words(b, true);
        return part_words(a, a.year != b.year) + "\u2013" + part_words(b, true);
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? ", " : "") + part_words(parts[i], i + 1 == parts.size() || parts[i].year != parts[i + 1].year);
    return out;
}

data list_of(std::vector<data> items) {
    data list{data::type::list};
    for (auto& item : items) list.push_back(item);
    return list;
}

class ViewBuilder {
public:
    explicit ViewBuilder(const model::FinalReportSummary& s) : s_(s), r_(*s.report), text_(s) {}

    data build();

private:
    data project(const model::NumberedProject& np);
    data project_texts(const model::FollowUpReport& p, data& d);
    data field(const model::TextBlocks& blocks);
    data area(const model::AreaSummary& a);
    data table_1_3();
    data table_1_1();
    data statistics();
    data decision_document();
    data notes() {
        std::vector<data> items;
        for (const auto& n : text_.take_notes()) {
            data d;
            d.set("number", std::to_string(n.number));
            d.set("text_md", n.text_md);
            items.push_back(d);
        }
        data out = list_of(items);
        return out;
    }
    data reference(const std::string& id) {
        data d;
        const auto* target = s_.find(id);
        d.set("number", target ? target->number : id);
        d.set("link_md", text_.section_link(id));
        return d;
    }

    const model::FinalReportSummary& s_;
    const model::FinalReport& r_;
    FinalReportText text_;
};

std::string granted_text(const model::FollowUpReport& p) {
    std::string text = sv::tkr(p.granted());
    if (p.decisions.size() < 2) return text;
    std::vector<std::string> parts;
    for (const auto& d : p.decisions)
        parts.push_back(sv::tkr(d.amount) + (d.year ? " " + std::to_string(*d.year) : ""));
    return text + " (" + join_sv(parts) + ")";
}

data ViewBuilder::field(const model::TextBlocks& blocks) {
    data d;
    const auto [first, rest] = text_.split_md(blocks);
    d.set("present", !blocks.empty());
    d.set("first_md", first);
    d.set("rest_md", rest);
    return d;
}

data ViewBuilder::project_texts(const model::FollowUpReport& p, data& d) {
    d.set("target_group", field(p.target_group));
    d.set("goal", field(p.goal_and_purpose));
    d.set("experiences", field(p.experiences));
    d.set("plans", field(p.implementation_plans));
    d.set("planned", p.implementation_planned);
    d.set("proposals", field(p.proposals));
    d.set("has_proposals_ref", !p.proposals_ref.empty());
    if (!p.proposals_ref.empty()) d.set("proposals_ref", reference(p.proposals_ref));
    d.set("comment", field(p.coordinator_comment));
    d.set("has_comment_ref", !p.coordinator_comment_ref.empty());
    if (!p.coordinator_comment_ref.empty()) d.set("comment_ref", reference(p.coordinator_comment_ref));
    return d;
}

data ViewBuilder::project(const model::NumberedProject& np) {
    const auto& p = *np.project;
    data d;
    d.set("number", np.number);
    d.set("anchor", np.anchor);
    d.set("id", p.id);
    std::vector<std::string> names;
    for (const auto& a : p.administrations) names.push_back(a.name);
    const auto administrations = join_sv(names);
    d.set("administrations", administrations);
    const auto title_md = text_.inline_md(p.title);
    d.set("heading_md", escape_markdown(administrations) + (p.title.empty() ? "" : " \u2013 " + title_md));
    d.set("granted", granted_text(p));
    std::vector<std::string> years;
    for (int y : p.years) years.push_back(std::to_string(y));
    d.set("years", join_sv(years));
    const auto* admin = r_.administration(p.administrations.front().name);
    const bool organisation = admin && admin->kind == model::ReportAdministrationKind::Organisation;
    d.set("is_joint", p.administrations.size() > 1);
    d.set("is_organisation", organisation);
    d.set("is_district", p.administrations.size() == 1 && !organisation);
    // Swedish genitive: -s, none after s, x or z ("Simbas").
    const auto& first = p.administrations.front().name;
    const char last = first.empty() ? ' ' : first.back();
    d.set("genitive", last == 's' || last == 'x' || last == 'z' ? first : first + "s");
    d.set("is_not_reported", p.status == model::ReportingStatus::NotReported);
    d.set("is_incomplete", p.status == model::ReportingStatus::Incomplete);
    d.set("has_reminders", !p.reminders.empty());
    d.set("reminders_several", p.reminders == "several");
    project_texts(p, d);
    d.set("notes", notes());
    return d;
}

std::string extensions_text(const model::AreaSummary& a) {
    std::vector<std::string> amounts;
    for (const auto* e : a.extensions) amounts.push_back(sv::tkr(e->amount));
    std::string years;
    if (!a.extensions.empty() && a.extensions.front()->year) years = " " + std::to_string(*a.extensions.front()->year);
    for (const auto* e : a.extensions)
        if (e->year != a.extensions.front()->year) years.clear();
    return join_sv(amounts) + years;
}

data ViewBuilder::area(const model::AreaSummary& a) {
    data d;
    d.set("number", a.number);
    d.set("code", a.area->code);
    d.set("name", a.area->name);
    d.set("heading", a.area->heading);
    d.set("projects_count", count_view(static_cast<std::int64_t>(a.projects.size())));
    d.set("granted", sv::tkr(a.granted));
    d.set("extensions", count_view(static_cast<std::int64_t>(a.extensions.size())));
    d.set("extensions_text", extensions_text(a));
    d.set("final_reports", count_view(a.final_reports));
    d.set("participants", sv::integer(a.outcome.participants));
    d.set("left_income_support", sv::integer(a.outcome.left_income_support));
    d.set("share_base", sv::integer(a.outcome.participants_with_both));
    d.set("share_left", sv::integer(a.outcome.left_with_both));
    d.set("share_percent",
          sv::percent_prose(a.outcome.participants_with_both ? 100.0 * static_cast<double>(a.outcome.left_with_both) /
                                                                   static_cast<double>(a.outcome.participants_with_both)
                                                             : 0.0,
                            0));
    std::vector<data> projects;
    for (const auto index : a.projects) {
        const auto& np = s_.projects[index];
        std::string before;
        for (const auto& t : a.area->texts)
            if (t.before == np.project->id) before += text_.blocks_md(t.blocks);
        data view;
        view.set("text_before_md", before);
        view.set("has_text_before", !before.empty());
        const auto notes_before = text_.take_notes();
        auto project_view = project(np);
        view.set("project", project_view);
        std::vector<data> nb;
        for (const auto& n : notes_before) {
            data x;
            x.set("number", std::to_string(n.number));
            x.set("text_md", n.text_md);
            nb.push_back(x);
        }
        view.set("notes_before", list_of(nb));
        projects.push_back(view);
    }
    d.set("projects", list_of(projects));
    std::vector<data> subsections;
    for (std::size_t i = 0; i < a.area->subsections.size(); ++i) {
        data sub;
        sub.set("number", a.subsection_numbers[i]);
        sub.set("heading", a.area->subsections[i].heading);
        sub.set("body_md", text_.blocks_md(a.area->subsections[i].blocks));
        sub.set("notes", notes());
        subsections.push_back(sub);
    }
    d.set("subsections", list_of(subsections));
    return d;
}

data ViewBuilder::table_1_3() {
    data d;
    std::vector<data> columns;
    for (const auto* a : s_.table_columns) {
        data c;
        c.set("heading", a->column_heading.empty() ? sv::capitalize_first(a->name) : a->column_heading);
        columns.push_back(c);
    }
    d.set("columns", list_of(columns));
    auto row_view = [&](const model::AdministrationRow& row) {
        data v;
        std::string name_md = escape_markdown(row.name);
        if (row.administration && !row.administration->note.empty()) {
            model::RichSpan note;
            note.kind = model::RichSpan::Kind::Note;
            note.note = row.administration->note;
            name_md += text_.inline_md({note});
        }
        v.set("name_md", name_md);
        v.set("name", row.name);
        std::vector<data> cells;
        for (int n : row.projects_per_column) {
            data c;
            c.set("count", std::to_string(n));
            cells.push_back(c);
        }
        v.set("cells", list_of(cells));
        v.set("projects", std::to_string(row.projects));
        v.set("granted_tkr", tkr_number(row.granted));
        v.set("yes", std::to_string(row.planned_yes));
        v.set("no", std::to_string(row.planned_no));
        return v;
    };
    std::vector<data> rows;
    for (const auto& row : s_.administration_rows) rows.push_back(row_view(row));
    d.set("rows", list_of(rows));
    d.set("total", row_view(s_.administration_total));
    d.set("notes", notes());
    d.set("projects", count_view(s_.administration_total.projects));
    d.set("granted", sv::tkr(s_.granted));
    d.set("granted_millions", sv::millions(s_.granted, r_.money_abbreviation));
    d.set("yes", std::to_string(s_.administration_total.planned_yes));
    d.set("no", std::to_string(s_.administration_total.planned_no));
    return d;
}

data ViewBuilder::table_1_1() {
    data d;
    std::vector<data> committees;
    for (const auto& c : r_.committees) {
        data v;
        v.set("name", c);
        committees.push_back(v);
    }
    d.set("committees", list_of(committees));
    auto row_view = [](const model::ConsumptionRow& row) {
        data v;
        v.set("year", row.year ? std::to_string(row.year) : std::string("Totalt"));
        std::vector<data> cells;
        for (auto k : row.per_committee) {
            data c;
            c.set("tkr", tkr_figure(k));
            cells.push_back(c);
        }
        v.set("cells", list_of(cells));
        v.set("total", tkr_figure(row.total));
        return v;
    };
    std::vector<data> rows;
    for (const auto& row : s_.consumption_rows) rows.push_back(row_view(row));
    d.set("rows", list_of(rows));
    d.set("total", row_view(s_.consumption_total));
    d.set("total_millions", sv::millions(s_.consumption_total.total, r_.money_abbreviation));
    d.set("has_rows", !s_.consumption_rows.empty());
    return d;
}

data ViewBuilder::statistics() {
    data d;
    std::vector<data> causes;
    for (const auto& c : s_.causes) {
        data v;
        v.set("cause", c.cause);
        v.set("count", sv::integer(c.count));
        v.set("percent", sv::decimal(c.percent, 1));
        causes.push_back(v);
    }
    d.set("causes", list_of(causes));
    d.set("causes_total", sv::integer(s_.causes_total));
    d.set("has_causes", !s_.causes.empty());
    d.set("causes_month", r_.causes_month);
    d.set("causes_month_words", period_words(r_.causes_month));
    std::vector<data> changes;
    for (const auto& c : r_.cause_changes) {
        data v;
        v.set("cause", c.cause);
        v.set("percent", sv::decimal(c.percent, c.percent == static_cast<long long>(c.percent) ? 0 : 1));
        changes.push_back(v);
    }
    d.set("changes", list_of(changes));
    d.set("changes_from", std::to_string(r_.cause_changes_from));
    d.set("changes_to", std::to_string(r_.cause_changes_to));
    std::vector<data> groups;
    for (const auto& g : s_.age_groups) {
        data v;
        v.set("label", g);
        groups.push_back(v);
    }
    d.set("age_groups", list_of(groups));
    auto age_row = [](const model::AgeRow& row) {
        data v;
        v.set("cause", row.cause);
        std::vector<data> cells;
        for (std::size_t g = 0; g < row.counts.size(); ++g) {
            data c;
            c.set("count", sv::integer(row.counts[g]));
            c.set("percent", sv::decimal(row.percents[g], 0));
            cells.push_back(c);
        }
        v.set("cells", list_of(cells));
        v.set("total", sv::integer(row.total));
        v.set("total_percent", sv::decimal(row.total_percent, 0));
        return v;
    };
    std::vector<data> rows;
    for (const auto& row : s_.age_rows) rows.push_back(age_row(row));
    d.set("age_rows", list_of(rows));
    d.set("age_total", age_row(s_.age_total));
    d.set("has_age", !s_.age_rows.empty());
    return d;
}

data ViewBuilder::decision_document() {
    data d;
    const bool has = r_.decision_document.has_value();
    d.set("present", has);
    const model::DecisionDocument doc = has ? *r_.decision_document : model::DecisionDocument{};
    d.set("title", doc.title);
    d.set("administration", doc.administration);
    d.set("department", doc.department);
    d.set("committee", doc.committee);
    d.set("diary_number", doc.diary_number);
    d.set("has_diary_number", !doc.diary_number.empty());
    d.set("date", doc.date ? sv::date_iso(*doc.date) : std::string());
    d.set("meeting_date", doc.meeting_date ? sv::date_iso(*doc.meeting_date) : std::string());
    d.set("has_meeting_date", doc.meeting_date.has_value());
    std::vector<data> people, earlier, appendices;
    for (const auto& name : doc.signatories) {
        data v;
        v.set("name", name);
        people.push_back(v);
    }
    d.set("signatories", list_of(people));
    for (const auto& e : doc.earlier_reports) {
        data v;
        v.set("title", e.title);
        v.set("date", e.date ? sv::date_iso(*e.date) : std::string());
        v.set("has_date", e.date.has_value());
        earlier.push_back(v);
    }
    d.set("earlier_reports", list_of(earlier));
    for (std::size_t i = 0; i < doc.appendices.size(); ++i) {
        data v;
        v.set("number", std::to_string(i + 1));
        v.set("title", doc.appendices[i].title);
        v.set("is_report", doc.appendices[i].is_report);
        appendices.push_back(v);
        if (doc.appendices[i].is_report) d.set("report_appendix", std::to_string(i + 1));
    }
    d.set("appendices", list_of(appendices));
    auto reduction = [](const std::optional<model::ReductionFigures>& f) {
        data v;
        v.set("present", f.has_value());
        v.set("from_year", f ? std::to_string(f->from_year) : "");
        v.set("to_year", f ? std::to_string(f->to_year) : "");
        auto pct = [](const std::optional<double>& x) {
            return x ? sv::percent_prose(*x, *x == static_cast<long long>(*x) ? 0 : 1) : std::string();
        };
        v.set("reduction", f ? pct(f->reduction_percent) : "");
        v.set("district_max", f ? pct(f->district_max_percent) : "");
        v.set("district_min", f ? pct(f->district_min_percent) : "");
        return v;
    };
    d.set("goal", reduction(doc.goal));
    d.set("result", reduction(doc.result));
    d.set("money_abbreviation", doc.money_abbreviation);
    d.set("granted_millions", sv::millions(s_.granted, doc.money_abbreviation));
    d.set("consumption_millions", sv::millions(s_.consumption_total.total, doc.money_abbreviation));
    return d;
}

data ViewBuilder::build() {
    data d;
    data report;
    report.set("title", r_.title);
    report.set("period", sv::range(r_.from_year, r_.to_year));
    report.set("from_year", std::to_string(r_.from_year));
    report.set("to_year", std::to_string(r_.to_year));
    report.set("prepared_by", join_sv(r_.prepared_by));
    report.set("committees", join_sv(r_.committees));
    d.set("report", report);
    d.set("table_1_1", table_1_1());
    d.set("table_1_3", table_1_3());
    std::vector<data> areas;
    for (const auto& a : s_.areas) areas.push_back(area(a));
    d.set("areas", list_of(areas));
    std::vector<data> missing;
    for (const auto index : s_.not_fully_reported) {
        const auto& np = s_.projects[index];
        data v;
        v.set("number", np.number);
        v.set("link_md", text_.section_link(np.project->id));
        std::vector<std::string> names;
        for (const auto& a : np.project->administrations) names.push_back(a.name);
        v.set("administrations", join_sv(names));
        v.set("status",
              np.project->status == model::ReportingStatus::NotReported ? "inte redovisat" : "ofullständigt redovisat");
        missing.push_back(v);
    }
    d.set("not_fully_reported", list_of(missing));
    d.set("has_not_fully_reported", !s_.not_fully_reported.empty());
    std::vector<data> activities;
    for (const auto& a : r_.activities) {
        data v;
        v.set("title", a.title);
        v.set("date", period_words(a.date.text));
        v.set("type", a.type);
        v.set("target_group", a.target_group);
        v.set("has_target_group", !a.target_group.empty());
        v.set("attendance", a.attendance ? sv::integer(*a.attendance) : std::string());
        v.set("has_attendance", a.attendance.has_value());
        std::string md;
        for (const auto& p : a.description) md += escape_markdown(p) + "\n\n";
        v.set("description_md", md);
        activities.push_back(v);
    }
    d.set("activities", list_of(activities));
    d.set("activities_count", count_view(static_cast<std::int64_t>(r_.activities.size())));
    d.set("attendance", sv::integer(s_.attendance));
    std::vector<data> networks;
    for (const auto& n : r_.networks) {
        data v;
        v.set("name", n.name);
        std::string md;
        for (const auto& p : n.description) md += escape_markdown(p) + "\n\n";
        v.set("description_md", md);
        v.set("has_description", !n.description.empty());
        networks.push_back(v);
    }
    d.set("networks", list_of(networks));
    std::vector<data> trips, visits;
    for (const auto& t : r_.study_trips) {
        data v;
        v.set("destination", t.destination);
        v.set("date", period_words(t.date.text));
        v.set("has_date", !t.date.text.empty());
        v.set("attendance", t.attendance ? sv::integer(*t.attendance) : std::string());
        v.set("has_attendance", t.attendance.has_value());
        v.set("report", t.report);
        v.set("has_report", !t.report.empty());
        (t.type == "studieresa" ? trips : visits).push_back(v);
    }
    d.set("study_trips", list_of(trips));
    d.set("study_visits", list_of(visits));
    std::vector<std::string> visit_names;
    for (const auto& t : r_.study_trips)
        if (t.type != "studieresa") visit_names.push_back(t.destination);
    d.set("study_visits_joined", join_sv(visit_names));
    d.set("statistics", statistics());
    d.set("decision", decision_document());
    d.set("outcome_participants", sv::integer(s_.outcome.participants));
    d.set("outcome_left", sv::integer(s_.outcome.left_income_support));
    return d;
}

}  // namespace

data make_final_report_view(const model::Report& report) { return ViewBuilder(*report.final_report).build(); }

}  // namespace doc
