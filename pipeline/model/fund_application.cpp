// model::FundApplication: lookups and the text dump for golden tests (one
// thing a line, fields in a fixed order, so that a change in ingest shows as
// a small diff).
#include "model/fund_application.hpp"

#include <sstream>

namespace model {

namespace {

std::string month_text(const YearMonth& m) {
    return std::to_string(m.year) + "-" + (m.month < 10 ? "0" : "") + std::to_string(m.month);
}

// Running text of an application holds characters only (schemas/application.xsd).
std::string flat(const RichText& text) {
    std::string out;
    for (const auto& span : text)
        if (span.kind == RichSpan::Kind::Text) out += span.text;
    return out;
}

void dump_blocks(std::ostringstream& out, const char* label, const TextBlocks& blocks) {
    for (const auto& b : blocks) {
        const char* kind = b.kind == TextBlockKind::Paragraph    ? "p"
                           : b.kind == TextBlockKind::Quote      ? "quote"
                           : b.kind == TextBlockKind::BulletList ? "bullets"
                                                                 : "numbered";
        for (const auto& part : b.parts) out << "  " << label << ' ' << kind << ": " << flat(part) << '\n';
    }
}

std::string when(const AnchoringMeeting& m) {
    if (m.date) return core::to_iso(*m.date);
    if (m.month) return month_text(*m.month);
    if (m.year) return std::to_string(*m.year);
    return "-";
}

}  // namespace

const ApplyingAdministration* FundApplication::applicant() const {
    for (const auto& a : administrations)
        if (a.role == ApplicationRole::Applicant) return &a;
    return nullptr;
}

std::string dump(const FundApplication& a) {
    std::ostringstream out;
    out << "application " << a.id << " date=" << core::to_iso(a.date) << " template=" << a.template_name
        << " fund=" << a.fund << '\n';
    out << "  department: " << a.department << "; case-officer: " << a.case_officer.name << ", " << a.case_officer.phone
        << '\n';
    out << "  project: " << a.project_name << " (" << a.subtitle << ") kind=" << a.project_kind
        << " period=" << month_text(a.period_from) << ".." << month_text(a.period_to)
        << " lead=" << (a.lead_recruited_later ? "recruited later" : a.lead_name) << '\n';
    for (const auto& ad : a.administrations) {
        out << "  administration " << ad.name << " short=" << ad.short_name
            << " role=" << (ad.role == ApplicationRole::Applicant ? "applicant" : "participant")
            << (ad.steering_group ? " steering-group" : "") << '\n';
        for (const auto& m : ad.meetings) out << "    meeting " << when(m) << ": " << m.body << '\n';
    }
    if (!a.joining_later.empty()) out << "  joining-later: " << a.joining_later << '\n';
    dump_blocks(out, "background", a.background);
    dump_blocks(out, "anchoring-before", a.anchoring_before);
    dump_blocks(out, "anchoring-after", a.anchoring_after);
    dump_blocks(out, "goals", a.goals);
    dump_blocks(out, "process", a.process);
    for (const auto& n : a.needs) {
        out << "  need: " << n.about << '\n';
        dump_blocks(out, "  need", n.blocks);
    }
    dump_blocks(out, "coordination", a.coordination);
    dump_blocks(out, "partners", a.partners_intro);
    out << "  partners operative: " << a.partners_operative << "\n  partners strategic: " << a.partners_strategic
        << "\n  partners other-internal: " << a.partners_other_internal
        << "\n  partners external: " << a.partners_external << '\n';
    dump_blocks(out, "staffing", a.staffing_intro);
    for (const auto& r : a.staff) {
        out << "  role " << r.count << " \"" << r.title << "\"" << (r.lead ? " lead" : "")
            << (r.note.empty() ? "" : " note: " + r.note) << (r.label.empty() ? "" : " label: " + r.label) << '\n';
        dump_blocks(out, "  role", r.description);
    }
    dump_blocks(out, "follow-up", a.follow_up);
    dump_blocks(out, "risk-analysis", a.risk_analysis);
    out << "  preliminary-study " << month_text(a.study_from) << ".." << month_text(a.study_to) << '\n';
    dump_blocks(out, "study-financing", a.study_financing);
    dump_blocks(out, "requested-note", a.requested_note);
    for (const auto& c : a.co_financing) out << "  co-financing: " << c << '\n';
    for (const auto& t : a.attachments)
        out << "  attachment" << (t.budget ? " (budget)" : "") << ": " << t.title << '\n';
    for (const auto& p : a.signatories)
        out << "  signatory: " << p.name << (p.title.empty() ? "" : ", " + p.title) << '\n';
    const auto& d = a.decision;
    out << "  decision-document to=" << d.committee
        << " meeting=" << (d.meeting_date ? core::to_iso(*d.meeting_date) : std::string("-"))
        << " date=" << (d.date ? core::to_iso(*d.date) : std::string("-")) << " dnr=" << d.diary_number
        << " prepared-by=" << d.prepared_by << '\n';
    out << "  purpose: " << d.purpose << '\n';
    dump_blocks(out, "decision-background", d.background);
    dump_blocks(out, "decision-view", d.view);
    out << "  budget-file: " << a.budget_source << '\n';
    for (const auto& r : a.budget) out << "  budget " << r.year << " \"" << r.cost_type << "\" " << r.amount << '\n';
    return out.str();
}

}  // namespace model
