// The final report's lookups and its text dump for golden tests: one record
// per line, fields in a fixed order.
#include "model/final_report.hpp"

#include <sstream>

#include "core/checked.hpp"

namespace model {

const OutcomeFigure* Outcome::find(const std::string& name) const {
    for (const auto& f : figures)
        if (f.name == name) return &f;
    return nullptr;
}

Kronor FollowUpReport::granted() const {
    Kronor sum = 0;
    for (const auto& d : decisions) core::add_or_throw(sum, d.amount, "amounts");
    return sum;
}

const Area* FinalReport::area(const std::string& code) const {
    for (const auto& a : areas)
        if (a.code == code) return &a;
    return nullptr;
}

const FollowUpReport* FinalReport::project(const std::string& id) const {
    for (const auto& p : projects)
        if (p.id == id) return &p;
    return nullptr;
}

const ReportAdministration* FinalReport::administration(const std::string& name) const {
    for (const auto& a : administrations)
        if (a.name == name) return &a;
    return nullptr;
}

const char* to_string(ReportingStatus status) {
    switch (status) {
        case ReportingStatus::Reported: return "reported";
        case ReportingStatus::Incomplete: return "incomplete";
        case ReportingStatus::NotReported: return "not-reported";
    }
    return "?";
}

namespace {

// Refs as [ref A–B], notes as [note: …], so a golden shows where they stand.
std::string flat(const RichText& text) {
    std::string out;
    for (const auto& span : text) {
        if (span.kind == RichSpan::Kind::Text)
            out += span.text;
        else if (span.kind == RichSpan::Kind::Ref)
            out += "[ref " + span.project + (span.to.empty() ? "" : "–" + span.to) + "]";
        else
            out += "[note: " + flat(span.note) + "]";
    }
    return out;
}

const char* block_kind(TextBlockKind kind) {
    switch (kind) {
        case TextBlockKind::Paragraph: return "p";
        case TextBlockKind::Quote: return "quote";
        case TextBlockKind::BulletList: return "bullets";
        case TextBlockKind::NumberedList: return "numbered";
    }
    return "?";
}

void dump_blocks(std::ostringstream& out, const char* label, const TextBlocks& blocks) {
    for (const auto& b : blocks)
        for (const auto& part : b.parts)
            out << "    " << label << " " << block_kind(b.kind) << ": " << flat(part) << '\n';
}

void dump_project(std::ostringstream& out, const FollowUpReport& p) {
    out << "  project " << p.id << " area=" << p.area << " status=" << to_string(p.status)
        << " planned=" << (p.implementation_planned ? "yes" : "no") << " granted=" << p.granted() << '\n';
    out << "    administrations:";
    for (const auto& a : p.administrations) out << ' ' << a.name << (a.lead ? "(lead)" : "") << ';';
    out << "\n    title: " << flat(p.title) << "\n    years:";
    for (int y : p.years) out << ' ' << y;
    out << '\n';
    for (const auto& d : p.decisions)
        out << "    decision " << (d.extension ? "extension" : "grant")
            << " year=" << (d.year ? std::to_string(*d.year) : "-") << " amount=" << d.amount << '\n';
    if (p.outcome)
        for (const auto& f : p.outcome->figures)
            out << "    outcome " << f.name << '=' << f.value << (f.approx ? " approx" : "") << '\n';
    if (!p.reminders.empty()) out << "    reminders: " << p.reminders << '\n';
    if (!p.proposals_ref.empty()) out << "    proposals-ref: " << p.proposals_ref << '\n';
    if (!p.coordinator_comment_ref.empty()) out << "    coordinator-comment-ref: " << p.coordinator_comment_ref << '\n';
    dump_blocks(out, "target-group", p.target_group);
    dump_blocks(out, "goal", p.goal_and_purpose);
    dump_blocks(out, "experiences", p.experiences);
    dump_blocks(out, "plans", p.implementation_plans);
    dump_blocks(out, "proposals", p.proposals);
    dump_blocks(out, "comment", p.coordinator_comment);
}

void dump_csvs(std::ostringstream& out, const FinalReport& r) {
    for (const auto& a : r.activities)
        out << "  activity " << a.date.text << ' ' << a.type << " \"" << a.title
            << "\" attendance=" << (a.attendance ? std::to_string(*a.attendance) : "-")
            << " paragraphs=" << a.description.size() << '\n';
    for (const auto& n : r.networks)
        out << "  network \"" << n.name << "\" paragraphs=" << n.description.size() << '\n';
    for (const auto& t : r.study_trips)
        out << "  trip " << t.type << ' ' << t.destination << " date=" << t.date.text << '\n';
    for (const auto& c : r.consumption)
        out << "  consumption " << c.year << ' ' << c.committee << ' ' << c.kronor << '\n';
    for (const auto& c : r.causes) out << "  cause " << c.cause << ": " << c.count << '\n';
    for (const auto& c : r.cause_changes) out << "  cause-change " << c.cause << ": " << c.percent << '\n';
    for (const auto& c : r.causes_by_age)
        out << "  by-age " << c.cause << " / " << c.age_group << ": " << c.count << '\n';
}

}  // namespace

std::string dump(const FinalReport& r) {
    std::ostringstream out;
    out << "final-report " << r.id << ' ' << r.from_year << '-' << r.to_year << " template=" << r.template_name
        << " money=" << r.money_abbreviation << '\n';
    out << "  title: " << r.title << '\n';
    for (const auto& c : r.committees) out << "  committee: " << c << '\n';
    for (const auto& a : r.areas) {
        out << "  area " << a.code << " column=" << (a.table_column ? std::to_string(*a.table_column) : "-") << " \""
            << a.name << "\" texts=" << a.texts.size() << " subsections=" << a.subsections.size() << '\n';
    }
    for (const auto& a : r.administrations)
        out << "  administration " << a.name << (a.note.empty() ? "" : " [note: " + flat(a.note) + "]") << '\n';
    if (r.decision_document) {
        const auto& d = *r.decision_document;
        out << "  decision-document \"" << d.title << "\" to " << d.committee << " appendices=" << d.appendices.size()
            << '\n';
    }
    for (const auto& p : r.projects) dump_project(out, p);
    dump_csvs(out, r);
    return out.str();
}

}  // namespace model
