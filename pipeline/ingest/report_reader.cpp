// report.xml -> model::FinalReport (schemas/report.xsd,
// docs/formats-final-report.md). The follow-up reports and CSVs it lists
// are read by the loader.
#include <algorithm>
#include <cstdlib>

#include "ingest/final_report_readers.hpp"
#include "ingest/rich_text_reader.hpp"
#include "ingest/values.hpp"
#include "ingest/xml_file.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

std::optional<int> int_attribute(XmlReader& xml, const pugi::xml_node& node, const char* name, bool required) {
    const std::string text = node.attribute(name).as_string();
    if (text.empty()) {
        if (required)
            xml.diagnostics().error(xml.where(node), core::tr("<{1}> needs a {2} attribute", node.name(), name));
        return std::nullopt;
    }
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (*end != '\0' || value <= 0 || value > 99999) {
        xml.diagnostics().error(xml.where(node),
                                core::tr("{1} \"{2}\" is not a positive whole number", std::string(name), text));
        return std::nullopt;
    }
    return static_cast<int>(value);
}

// XML writes numbers with a decimal point (docs/formats-final-report.md).
std::optional<double> percent(XmlReader& xml, const pugi::xml_node& parent, const char* child) {
    const auto node = parent.child(child);
    if (!node) return std::nullopt;
    const std::string text = normalize_space(xml.content(node));
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') {
        xml.diagnostics().error(xml.where(node), core::tr("\"{1}\" is not a percentage (write 37.5)", text));
        return std::nullopt;
    }
    return value;
}

model::Area read_area(XmlReader& xml, const pugi::xml_node& node) {
    xml.reject_unknown_children(node, {"name", "heading", "column-heading", "text", "subsection"});
    model::Area area;
    area.where = xml.where(node);
    area.code = normalize_space(node.attribute("code").as_string());
    if (area.code.empty())
        xml.diagnostics().error(area.where, core::tr("<area> needs a code attribute (e.g. code=\"SOC\")"));
    area.table_column = int_attribute(xml, node, "table-column", false);
    area.name = xml.text(node, "name");
    area.heading = xml.text(node, "heading");
    area.column_heading = xml.text(node, "column-heading", false);
    for (const auto& t : node.children("text")) {
        xml.reject_unknown_children(t, {"p", "quote", "list"});
        area.texts.push_back(
            {normalize_space(t.attribute("before").as_string()), read_text_blocks(xml, t), xml.where(t)});
    }
    for (const auto& s : node.children("subsection")) {
        xml.reject_unknown_children(s, {"heading", "p", "quote", "list"});
        area.subsections.push_back({xml.text(s, "heading"), read_text_blocks(xml, s)});
    }
    return area;
}

void read_administrations(XmlReader& xml, const pugi::xml_node& node, model::FinalReport& report) {
    xml.reject_unknown_children(node, {"administration", "note"});
    for (const auto& a : node.children("administration")) {
        const std::string kind = a.attribute("kind").as_string();
        model::ReportAdministration admin;
        admin.name = normalize_space(xml.content(a));
        if (kind == "central")
            admin.kind = model::ReportAdministrationKind::Central;
        else if (kind == "organisation")
            admin.kind = model::ReportAdministrationKind::Organisation;
        else if (kind != "district")
            xml.diagnostics().error(
                xml.where(a), core::tr("administration kind \"{1}\" is not district, central or organisation", kind));
        if (report.administration(admin.name))
            xml.diagnostics().error(xml.where(a), core::tr("the administration {1} is listed twice", admin.name));
        report.administrations.push_back(std::move(admin));
    }
    for (const auto& n : node.children("note")) {
        const std::string name = normalize_space(n.attribute("administration").as_string());
        auto it = std::find_if(report.administrations.begin(), report.administrations.end(),
                               [&](const auto& a) { return a.name == name; });
        if (it == report.administrations.end())
            xml.diagnostics().error(xml.where(n), core::tr("the note names an unknown administration \"{1}\"", name));
        else
            it->note = read_rich_text(xml, n, false);
    }
}

std::optional<model::ReductionFigures> reduction(XmlReader& xml, const pugi::xml_node& node) {
    if (!node) return std::nullopt;
    model::ReductionFigures f;
    f.from_year = int_attribute(xml, node, "from-year", true).value_or(0);
    f.to_year = int_attribute(xml, node, "to-year", true).value_or(0);
    f.reduction_percent = percent(xml, node, "reduction-percent");
    f.district_max_percent = percent(xml, node, "district-max-percent");
    f.district_min_percent = percent(xml, node, "district-min-percent");
    return f;
}

model::DecisionDocument read_decision_document(XmlReader& xml, const pugi::xml_node& node) {
    xml.reject_unknown_children(
        node, {"title", "administration", "department", "committee", "diary-number", "date", "meeting-date",
               "money-abbreviation", "signatories", "earlier-reports", "goal", "result", "appendices"});
    model::DecisionDocument d;
    d.title = xml.text(node, "title");
    d.administration = xml.text(node, "administration");
    d.department = xml.text(node, "department", false);
    d.committee = xml.text(node, "committee");
    d.diary_number = xml.text(node, "diary-number", false);
    d.date = xml.date(node, "date", false);
    d.meeting_date = xml.date(node, "meeting-date", false);
    if (auto money = xml.text(node, "money-abbreviation", false); !money.empty()) d.money_abbreviation = money;
    for (const auto& p : node.child("signatories").children("person")) d.signatories.push_back(xml.text(p, "name"));
    for (const auto& e : node.child("earlier-reports").children("earlier-report"))
        d.earlier_reports.push_back(
            {e.attribute("date") ? xml.date_attribute(e, "date") : std::nullopt, normalize_space(xml.content(e))});
    d.goal = reduction(xml, node.child("goal"));
    d.result = reduction(xml, node.child("result"));
    for (const auto& a : node.child("appendices").children("appendix"))
        d.appendices.push_back({normalize_space(xml.content(a)), a.attribute("report").as_bool(false)});
    return d;
}

// Paths relative to report.xml: parts separated by '/', none starting with
// '.', no '\' and no leading '/', so that no file outside the folder is read.
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

void read_sources(XmlReader& xml, const pugi::xml_node& node, model::FinalReport& report, ReportSources& csv) {
    xml.reject_unknown_children(node, {"follow-up-report", "activities", "networks", "study-trips", "funds-consumption",
                                       "causes", "cause-changes", "causes-by-age"});
    std::vector<std::string> seen;
    auto href_of = [&](const pugi::xml_node& s) -> std::string {
        const std::string href = s.attribute("href").as_string();
        if (!safe_relative_path(href)) {
            xml.diagnostics().error(xml.where(s),
                                    core::tr("href \"{1}\" must be a path inside the report's folder", href));
            return "";
        }
        if (std::find(seen.begin(), seen.end(), href) != seen.end()) {
            xml.diagnostics().error(xml.where(s), core::tr("the file {1} is listed twice in <sources>", href));
            return "";
        }
        seen.push_back(href);
        return href;
    };
    for (const auto& s : node.children("follow-up-report"))
        if (auto href = href_of(s); !href.empty()) report.follow_up_sources.push_back(href);
    if (report.follow_up_sources.empty())
        xml.diagnostics().error(xml.where(node), core::tr("<sources> lists no <follow-up-report href=…/>"));
    auto single = [&](const char* name, std::string& into) {
        if (const auto s = node.child(name)) into = href_of(s);
    };
    single("activities", csv.activities);
    single("networks", csv.networks);
    single("study-trips", csv.study_trips);
    single("funds-consumption", csv.funds_consumption);
    single("causes", csv.causes);
    single("cause-changes", csv.cause_changes);
    single("causes-by-age", csv.causes_by_age);
    report.causes_month = node.child("causes").attribute("month").as_string();
    report.causes_by_age_month = node.child("causes-by-age").attribute("month").as_string();
    if (const auto c = node.child("cause-changes")) {
        report.cause_changes_from = int_attribute(xml, c, "from-year", true).value_or(0);
        report.cause_changes_to = int_attribute(xml, c, "to-year", true).value_or(0);
    }
}

void read_header(XmlReader& xml, const pugi::xml_node& node, model::FinalReport& report) {
    report.id = xml.text(node, "id");
    report.title = xml.text(node, "title");
    const auto period = node.child("period");
    if (!period) xml.diagnostics().error(xml.where(node), core::tr("<report> needs a <period from-year to-year/>"));
    report.from_year = int_attribute(xml, period ? period : node, "from-year", bool(period)).value_or(0);
    report.to_year = int_attribute(xml, period ? period : node, "to-year", bool(period)).value_or(0);
    report.template_name = xml.text(node, "template");
    if (report.template_name.find_first_of("/\\") != std::string::npos || report.template_name == "..")
        xml.diagnostics().error(xml.where(node.child("template")),
                                core::tr("<template> must name a folder under templates/"));
    if (auto money = xml.text(node, "money-abbreviation", false); !money.empty()) report.money_abbreviation = money;
    for (const auto& c : node.child("committees").children("committee"))
        report.committees.push_back(normalize_space(xml.content(c)));
    for (const auto& a : node.child("prepared-by").children("administration"))
        report.prepared_by.push_back(normalize_space(xml.content(a)));
}

std::optional<model::FinalReport> read_report_element(XmlReader& xml, const XmlFile* file, ReportSources& csv,
                                                      core::Diagnostics& diagnostics) {
    if (!xml.check_root("report")) return std::nullopt;
    const auto node = file->root();
    xml.reject_unknown_children(
        node, {"id", "title", "period", "template", "money-abbreviation", "committees", "prepared-by", "areas",
               "administrations", "decision-document", "sources", "state"});
    model::FinalReport report;
    report.where = xml.where(node);
    read_header(xml, node, report);
    xml.reject_unknown_children(node.child("areas"), {"area"});
    for (const auto& a : node.child("areas").children("area")) report.areas.push_back(read_area(xml, a));
    if (report.areas.empty()) diagnostics.error(report.where, core::tr("the report has no <areas><area> element"));
    read_administrations(xml, node.child("administrations"), report);
    if (const auto d = node.child("decision-document")) report.decision_document = read_decision_document(xml, d);
    read_sources(xml, node.child("sources"), report, csv);
    return report;
}

std::optional<model::FinalReport> report_of(std::optional<XmlFile> file, ReportSources& csv,
                                            core::Diagnostics& diagnostics) {
    if (!file) return std::nullopt;
    XmlReader xml(*file, diagnostics);
    auto report = read_report_element(xml, &*file, csv, diagnostics);
    xml.report_schema_findings();
    return report;
}

}  // namespace

std::optional<model::FinalReport> parse_report(std::string_view bytes, const std::string& name,
                                               ReportSources& csv_sources, core::Diagnostics& diagnostics) {
    return report_of(XmlFile::parse(bytes, name, diagnostics, XmlSchema::Report), csv_sources, diagnostics);
}

std::optional<model::FinalReport> read_report(const std::string& path, ReportSources& csv_sources,
                                              core::Diagnostics& diagnostics) {
    return report_of(XmlFile::load(path, diagnostics, XmlSchema::Report), csv_sources, diagnostics);
}

}  // namespace ingest
