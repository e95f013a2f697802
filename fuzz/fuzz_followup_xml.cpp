// libFuzzer: one follow-up report of a final report (schemas/followup-report.xsd),
// bytes -> decoding -> pugixml -> model::FollowUpReport.
#include "fuzz_support.hpp"
#include "ingest/final_report_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto text = fuzz::bytes(data, size);
    core::Diagnostics diagnostics;
    const auto report = ingest::parse_follow_up(text, "projekt.xml", diagnostics);
    fuzz::check_diagnostics(diagnostics, "projekt.xml", text);
    if (!report) fuzz::require(diagnostics.has_errors(), "a follow-up report refused without an error");
    return 0;
}
