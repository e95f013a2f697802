// <applications> XML -> model::Application (schemas/applications.xsd).
#include "ingest/application_record.hpp"
#include "ingest/readers.hpp"
#include "ingest/xml_file.hpp"

namespace ingest {

namespace {

// XML element names and the record fields they fill.
constexpr std::pair<const char*, const char*> kElements[] = {
    {"administration", field::kAdministration}, {"unit", field::kUnit},
    {"title", field::kTitle},                   {"destination", field::kDestination},
    {"description", field::kDescription},       {"requested", field::kRequested},
    {"decision", field::kDecision},             {"granted", field::kGranted},
    {"motivation", field::kMotivation},
};

ApplicationRecord to_record(XmlReader& xml, const pugi::xml_node& node) {
    xml.reject_unknown_children(node, {"administration", "unit", "title", "destination", "description",
                                       "requested", "assessment", "decision", "granted", "motivation"});
    ApplicationRecord record;
    record.where = xml.where(node);
    record.fields[field::kId] = {node.attribute("id").as_string(), record.where};
    record.fields[field::kFund] = {node.attribute("fund").as_string(), record.where};
    for (const auto& [element, name] : kElements) {
        const auto child = node.child(element);
        if (child) record.fields[name] = {child.text().as_string(), xml.where(child)};
    }
    for (const auto& a : node.children("assessment"))
        record.assessments.push_back({a.attribute("criterion").as_string(), {a.text().as_string(), xml.where(a)}});
    return record;
}

}  // namespace

std::vector<model::Application> read_applications_xml(const std::string& path, const model::Round& round,
                                                      core::Diagnostics& diagnostics) {
    std::vector<model::Application> applications;
    auto file = XmlFile::load(path, diagnostics);
    if (!file) return applications;
    XmlReader xml(*file, diagnostics);
    if (!xml.check_root("applications")) return applications;
    xml.reject_unknown_children(file->root(), {"application"});
    for (const auto& node : file->root().children("application")) {
        model::Application application;
        if (to_application(to_record(xml, node), round, diagnostics, application) || !application.id.empty())
            applications.push_back(std::move(application));
    }
    return applications;
}

}  // namespace ingest
