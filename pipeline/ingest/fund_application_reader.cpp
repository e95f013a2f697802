// application.xml -> model::FundApplication (schemas/application.xsd,
// docs/formats-application.md). The budget file it lists is read by the
// loader.
#include <algorithm>
#include <cstdlib>

#include "ingest/fund_application_readers.hpp"
#include "ingest/rich_text_reader.hpp"
#include "ingest/values.hpp"
#include "ingest/xml_file.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

// "2005-03": a month of the project's period (schemas/application.xsd, month).
std::optional<model::YearMonth> parse_month(const std::string& text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    if (!core::parse_iso_date(text + "-01")) return std::nullopt;
    return model::YearMonth{std::atoi(text.substr(0, 4).c_str()), std::atoi(text.substr(5, 2).c_str())};
}

std::optional<model::YearMonth> month_attribute(XmlReader& xml, const pugi::xml_node& node, const char* name,
                                                bool required) {
    const std::string text = normalize_space(node.attribute(name).as_string());
    if (text.empty()) {
        if (required)
            xml.diagnostics().error(
                xml.where(node), core::tr("<{1}> needs a {2} attribute, a month written 2005-03", node.name(), name));
        return std::nullopt;
    }
    const auto month = parse_month(text);
    if (!month)
        xml.diagnostics().error(xml.where(node),
                                core::tr("{1} \"{2}\" is not a month (write 2005-03)", std::string(name), text));
    return month;
}

// Plain text blocks: the schema allows no <ref> or <note> in an application,
// and reports them; rich_text_reader reads the rest as a final report's.
model::TextBlocks blocks(XmlReader& xml, const pugi::xml_node& node) {
    return node ? read_text_blocks(xml, node) : model::TextBlocks{};
}

model::ApplicationPerson person(XmlReader& xml, const pugi::xml_node& node) {
    return {xml.text(node, "name"), xml.text(node, "title", false), xml.text(node, "phone", false)};
}

model::AnchoringMeeting meeting(XmlReader& xml, const pugi::xml_node& node) {
    model::AnchoringMeeting m;
    m.where = xml.where(node);
    m.body = normalize_space(xml.content(node));
    if (m.body.empty()) xml.diagnostics().error(m.where, core::tr("<meeting> needs the body that met, as its text"));
    int given = 0;
    if (node.attribute("date")) {
        m.date = xml.date_attribute(node, "date");
        ++given;
    }
    if (node.attribute("month")) {
        m.month = month_attribute(xml, node, "month", true);
        ++given;
    }
    if (const auto year = node.attribute("year")) {
        const std::string text = normalize_space(year.as_string());
        if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            m.year = std::atoi(text.c_str());
        else
            xml.diagnostics().error(m.where, core::tr("year \"{1}\" is not a four-digit year", text));
        ++given;
    }
    if (given > 1)
        xml.diagnostics().error(
            m.where,
            core::tr("a <meeting> has one of date, month and year, not {1}: which one is the document to print?",
                     std::to_string(given)));
    return m;
}

void read_administrations(XmlReader& xml, const pugi::xml_node& node, model::FundApplication& a) {
    xml.reject_unknown_children(node, {"administration", "joining-later"});
    for (const auto& n : node.children("administration")) {
        xml.reject_unknown_children(n, {"meeting"});
        model::ApplyingAdministration ad;
        ad.where = xml.where(n);
        ad.name = normalize_space(n.attribute("name").as_string());
        if (ad.name.empty()) xml.diagnostics().error(ad.where, core::tr("<administration> needs a name attribute"));
        ad.short_name = normalize_space(n.attribute("short").as_string());
        if (ad.short_name.empty()) ad.short_name = ad.name;
        const std::string role = normalize_space(n.attribute("role").as_string());
        if (role == "applicant")
            ad.role = model::ApplicationRole::Applicant;
        else if (role != "participant")
            xml.diagnostics().error(ad.where, core::tr("role \"{1}\" is neither applicant nor participant", role));
        ad.steering_group = n.attribute("steering-group").as_bool(false);
        for (const auto& m : n.children("meeting")) ad.meetings.push_back(meeting(xml, m));
        const bool twice = std::any_of(a.administrations.begin(), a.administrations.end(),
                                       [&](const auto& other) { return other.name == ad.name; });
        if (twice && !ad.name.empty())
            xml.diagnostics().error(ad.where, core::tr("the administration {1} is listed twice", ad.name));
        a.administrations.push_back(std::move(ad));
    }
    a.joining_later = xml.text(node, "joining-later", false);
}

void read_project(XmlReader& xml, const pugi::xml_node& node, model::FundApplication& a) {
    xml.reject_unknown_children(node, {"name", "subtitle", "kind", "period", "lead"});
    a.project_name = xml.text(node, "name");
    a.subtitle = xml.text(node, "subtitle", false);
    a.project_kind = xml.text(node, "kind");
    const auto period = node.child("period");
    if (!period)
        xml.diagnostics().error(xml.where(node),
                                core::tr("<project> needs a <period from=\"2005-03\" to=\"2006-12\"/>"));
    if (const auto from = month_attribute(xml, period ? period : node, "from", bool(period))) a.period_from = *from;
    if (const auto to = month_attribute(xml, period ? period : node, "to", bool(period))) a.period_to = *to;
    const auto lead = node.child("lead");
    a.lead_recruited_later = lead.attribute("recruited-later").as_bool(false);
    a.lead_name = xml.text(lead, "name", false);
    if (!lead)
        xml.diagnostics().error(
            xml.where(node),
            core::tr("<project> needs a <lead>: <lead><name>…</name></lead> or <lead recruited-later=\"true\"/>"));
    else if (a.lead_recruited_later == !a.lead_name.empty())
        xml.diagnostics().error(xml.where(lead),
                                a.lead_recruited_later
                                    ? core::tr("<lead> names a lead and says the lead is recruited later")
                                    : core::tr("<lead> needs a <name> or recruited-later=\"true\""));
}

void read_staffing(XmlReader& xml, const pugi::xml_node& node, model::FundApplication& a) {
    xml.reject_unknown_children(node, {"intro", "role"});
    a.staffing_intro = blocks(xml, node.child("intro"));
    for (const auto& r : node.children("role")) {
        xml.reject_unknown_children(r, {"title", "note", "label", "description"});
        model::StaffRole role;
        role.where = xml.where(r);
        const std::string count = normalize_space(r.attribute("count").as_string());
        char* end = nullptr;
        const long n = std::strtol(count.c_str(), &end, 10);
        if (count.empty() || *end != '\0' || n < 1 || n > 999)
            xml.diagnostics().error(role.where,
                                    core::tr("count \"{1}\" is not a number of positions from 1 to 999", count));
        else
            role.count = static_cast<int>(n);
        role.lead = r.attribute("lead").as_bool(false);
        role.title = xml.text(r, "title");
        role.note = xml.text(r, "note", false);
        role.label = xml.text(r, "label", false);
        role.description = blocks(xml, r.child("description"));
        a.staff.push_back(std::move(role));
    }
    if (a.staff.empty()) xml.diagnostics().error(xml.where(node), core::tr("<staffing> has no <role>"));
}

void read_texts(XmlReader& xml, const pugi::xml_node& root, model::FundApplication& a) {
    a.background = blocks(xml, root.child("background"));
    const auto anchoring = root.child("anchoring");
    xml.reject_unknown_children(anchoring, {"before", "after"});
    a.anchoring_before = blocks(xml, anchoring.child("before"));
    a.anchoring_after = blocks(xml, anchoring.child("after"));
    a.goals = blocks(xml, root.child("goals"));
    const auto process = root.child("process");
    xml.reject_unknown_children(process, {"p", "quote", "list", "need"});
    a.process = blocks(xml, process);
    for (const auto& n : process.children("need"))
        a.needs.push_back({normalize_space(n.attribute("about").as_string()), blocks(xml, n)});
    a.coordination = blocks(xml, root.child("coordination"));
    const auto partners = root.child("partners");
    xml.reject_unknown_children(partners, {"intro", "operative", "strategic", "other-internal", "external"});
    a.partners_intro = blocks(xml, partners.child("intro"));
    a.partners_operative = xml.text(partners, "operative", false);
    a.partners_strategic = xml.text(partners, "strategic", false);
    a.partners_other_internal = xml.text(partners, "other-internal", false);
    a.partners_external = xml.text(partners, "external", false);
    a.follow_up = blocks(xml, root.child("follow-up"));
    a.risk_analysis = blocks(xml, root.child("risk-analysis"));
    const auto study = root.child("preliminary-study");
    xml.reject_unknown_children(study, {"financing"});
    if (!study) xml.diagnostics().error(a.where, core::tr("<application> needs a <preliminary-study from to>"));
    if (const auto from = month_attribute(xml, study ? study : root, "from", bool(study))) a.study_from = *from;
    if (const auto to = month_attribute(xml, study ? study : root, "to", bool(study))) a.study_to = *to;
    a.study_financing = blocks(xml, study.child("financing"));
    a.requested_note = blocks(xml, root.child("requested-funds"));
    const auto co = root.child("co-financing");
    xml.reject_unknown_children(co, {"item"});
    for (const auto& i : co.children("item")) a.co_financing.push_back(normalize_space(xml.content(i)));
}

void read_decision_document(XmlReader& xml, const pugi::xml_node& node, model::FundApplication& a) {
    if (!node) {
        xml.diagnostics().error(a.where,
                                core::tr("<application> needs a <decision-document>: the committee it goes before"));
        return;
    }
    xml.reject_unknown_children(
        node, {"committee", "meeting-date", "date", "diary-number", "prepared-by", "purpose", "background", "view"});
    auto& d = a.decision;
    d.committee = xml.text(node, "committee");
    d.meeting_date = xml.date(node, "meeting-date", false);
    d.date = xml.date(node, "date", false);
    d.diary_number = xml.text(node, "diary-number", false);
    d.prepared_by = xml.text(node, "prepared-by");
    d.purpose = xml.text(node, "purpose");
    d.background = blocks(xml, node.child("background"));
    d.view = blocks(xml, node.child("view"));
}

// As in report.xml: a path inside the folder, so that no other file is read.
bool safe_relative_path(const std::string& href) {
    if (href.empty() || href.front() == '/' || href.find('\\') != std::string::npos) return false;
    std::size_t start = 0;
    while (start <= href.size()) {
        const auto slash = href.find('/', start);
        const auto part = href.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part.front() == '.') return false;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return true;
}

std::optional<model::FundApplication> read_element(XmlReader& xml, const XmlFile& file) {
    if (!xml.check_root("application")) return std::nullopt;
    const auto root = file.root();
    xml.reject_unknown_children(root, {"id",
                                       "state",
                                       "template",
                                       "date",
                                       "fund",
                                       "applicant",
                                       "project",
                                       "administrations",
                                       "background",
                                       "anchoring",
                                       "goals",
                                       "process",
                                       "coordination",
                                       "partners",
                                       "staffing",
                                       "follow-up",
                                       "risk-analysis",
                                       "preliminary-study",
                                       "requested-funds",
                                       "co-financing",
                                       "attachments",
                                       "signatories",
                                       "decision-document",
                                       "sources"});
    model::FundApplication a;
    a.where = xml.where(root);
    a.id = xml.text(root, "id");
    a.template_name = xml.text(root, "template");
    if (a.template_name.find_first_of("/\\") != std::string::npos || a.template_name == "..")
        xml.diagnostics().error(xml.where(root.child("template")),
                                core::tr("<template> must name a folder under templates/"));
    if (const auto date = xml.date(root, "date")) a.date = *date;
    a.fund = xml.text(root, "fund");
    const auto applicant = root.child("applicant");
    xml.reject_unknown_children(applicant, {"department", "case-officer"});
    a.department = xml.text(applicant, "department", false);
    if (const auto officer = applicant.child("case-officer"))
        a.case_officer = person(xml, officer);
    else
        xml.diagnostics().error(applicant ? xml.where(applicant) : a.where,
                                core::tr("<applicant> needs a <case-officer> (handläggare: name and phone)"));
    if (const auto project = root.child("project"))
        read_project(xml, project, a);
    else
        xml.diagnostics().error(a.where, core::tr("<application> needs a <project>"));
    read_administrations(xml, root.child("administrations"), a);
    read_texts(xml, root, a);
    read_staffing(xml, root.child("staffing"), a);
    const auto attachments = root.child("attachments");
    xml.reject_unknown_children(attachments, {"attachment"});
    for (const auto& t : attachments.children("attachment"))
        a.attachments.push_back({normalize_space(xml.content(t)), t.attribute("budget").as_bool(false)});
    const auto signatories = root.child("signatories");
    xml.reject_unknown_children(signatories, {"person"});
    for (const auto& p : signatories.children("person")) a.signatories.push_back(person(xml, p));
    read_decision_document(xml, root.child("decision-document"), a);
    const auto sources = root.child("sources");
    xml.reject_unknown_children(sources, {"budget"});
    const auto budget = sources.child("budget");
    a.budget_source = budget.attribute("href").as_string();
    if (!budget)
        xml.diagnostics().error(sources ? xml.where(sources) : a.where,
                                core::tr("<sources> needs <budget href=…/>: the file with the budget rows"));
    else if (!safe_relative_path(a.budget_source)) {
        xml.diagnostics().error(
            xml.where(budget),
            core::tr("href \"{1}\" must be a path inside the application's folder", a.budget_source));
        a.budget_source.clear();
    } else if (a.budget_source == kApplicationFile) {
        xml.diagnostics().error(xml.where(budget), core::tr("the budget file cannot be application.xml itself"));
        a.budget_source.clear();
    }
    return a;
}

std::optional<model::FundApplication> application_of(std::optional<XmlFile> file, core::Diagnostics& diagnostics) {
    if (!file) return std::nullopt;
    XmlReader xml(*file, diagnostics);
    auto application = read_element(xml, *file);
    xml.report_schema_findings();
    return application;
}

}  // namespace

std::optional<model::FundApplication> parse_fund_application(std::string_view bytes, const std::string& name,
                                                             core::Diagnostics& diagnostics) {
    return application_of(XmlFile::parse(bytes, name, diagnostics, XmlSchema::Application), diagnostics);
}

std::optional<model::FundApplication> read_fund_application(const std::string& path, core::Diagnostics& diagnostics) {
    return application_of(XmlFile::load(path, diagnostics, XmlSchema::Application), diagnostics);
}

}  // namespace ingest
