// libFuzzer: the XSD check of every XML format (schemas/*.xsd, libxml2) and
// the placing of its findings in pugixml's tree. The first byte picks the
// schema: 0 round, 1 applications, 2 report, 3 follow-up report, 4 an
// application to a fund.
#include "fuzz_support.hpp"
#include "ingest/xml_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    if (size == 0) return 0;
    constexpr ingest::XmlSchema kSchemas[] = {ingest::XmlSchema::Round, ingest::XmlSchema::Applications,
                                              ingest::XmlSchema::Report, ingest::XmlSchema::FollowUpReport,
                                              ingest::XmlSchema::Application};
    const auto schema = kSchemas[data[0] % 5];
    const auto text = fuzz::bytes(data + 1, size - 1);
    core::Diagnostics diagnostics;
    const auto file = ingest::XmlFile::parse(text, "x.xml", diagnostics, schema);
    if (!file) {
        fuzz::require(diagnostics.has_errors(), "an XML file refused without an error");
    } else {
        // An accepted file may still carry errors (damaged UTF-8 is read
        // with U+FFFD and reported), so only the findings are checked here.
        ingest::XmlReader reader(*file, diagnostics);
        reader.report_schema_findings();
        for (const auto& d : file->schema_findings())
            fuzz::require(d.message.rfind("schemas/", 0) == 0, "a schema finding that does not name its schema");
    }
    fuzz::check_diagnostics(diagnostics, "x.xml", text);
    return 0;
}
