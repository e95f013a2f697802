// libFuzzer: <applications> XML, bytes -> decoding -> pugixml -> records ->
// model::Application.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto text = fuzz::bytes(data, size);
    core::Diagnostics diagnostics;
    const auto file = ingest::parse_applications_xml(text, "applications.xml", fuzz::fixture_round(), diagnostics);
    fuzz::check_file(file);
    fuzz::check_diagnostics(diagnostics, "applications.xml", text);
    if (!file.source.readable) fuzz::require(diagnostics.has_errors(), "a file refused without an error");
    return 0;
}
