// <applications> XML -> model::Application (schemas/applications.xsd).
#include "ingest/application_record.hpp"
#include "ingest/readers.hpp"
#include "ingest/xml_file.hpp"

namespace ingest {

namespace {

// XML element names and the record fields they fill.
constexpr std::pair<const char*, const char*> kElements[] = {
    {"administration", field::kAdministration},
    {"unit", field::kUnit},
    {"title", field::kTitle},
    {"destination", field::kDestination},
    {"description", field::kDescription},
    {"requested", field::kRequested},
    {"decision", field::kDecision},
    {"granted", field::kGranted},
    {"motivation", field::kMotivation},
};

ApplicationRecord to_record(XmlReader& xml, const pugi::xml_node& node) {
    xml.reject_unknown_children(node, {"administration", "unit", "title", "destination", "description", "requested",
                                       "assessment", "decision", "granted", "motivation"});
    ApplicationRecord record;
    record.where = xml.where(node);
    record.fields[field::kId] = {node.attribute("id").as_string(), record.where};
    record.fields[field::kFund] = {node.attribute("fund").as_string(), record.where};
    for (const auto& [element, name] : kElements) {
        const auto child = node.child(element);
        if (child) record.fields[name] = {xml.content(child), xml.where(child)};
    }
    for (const auto& a : node.children("assessment"))
        record.assessments.push_back({a.attribute("criterion").as_string(), {xml.content(a), xml.where(a)}});
    return record;
}

ApplicationFile read_file_records(std::optional<XmlFile> xml_file, const std::string& name, const model::Round& round,
                                  core::Diagnostics& diagnostics) {
    ApplicationFile file;
    file.source.file = name;
    if (!xml_file) return file;
    XmlReader xml(*xml_file, diagnostics);
    if (xml.check_root("applications")) {
        file.source.readable = true;
        xml.reject_unknown_children(xml_file->root(), {"application"});
        for (const auto& node : xml_file->root().children("application"))
            add_record(to_record(xml, node), xml_file->end_of(node), round, diagnostics, file);
    }
    xml.report_schema_findings();
    return file;
}

}  // namespace

ApplicationFile parse_applications_xml(std::string_view bytes, const std::string& name, const model::Round& round,
                                       core::Diagnostics& diagnostics) {
    return read_file_records(XmlFile::parse(bytes, name, diagnostics, XmlSchema::Applications), name, round,
                             diagnostics);
}

ApplicationFile read_applications_xml(const std::string& path, const model::Round& round,
                                      core::Diagnostics& diagnostics) {
    return read_file_records(XmlFile::load(path, diagnostics, XmlSchema::Applications), path, round, diagnostics);
}

}  // namespace ingest
