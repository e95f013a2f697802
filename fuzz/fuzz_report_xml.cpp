// libFuzzer: a final report's report.xml, bytes -> decoding -> pugixml ->
// model::FinalReport and the names of its CSV sources.
#include "fuzz_support.hpp"
#include "ingest/final_report_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto text = fuzz::bytes(data, size);
    core::Diagnostics diagnostics;
    ingest::ReportSources sources;
    const auto report = ingest::parse_report(text, "report.xml", sources, diagnostics);
    fuzz::check_diagnostics(diagnostics, "report.xml", text);
    if (!report) fuzz::require(diagnostics.has_errors(), "a report refused without an error");
    return 0;
}
