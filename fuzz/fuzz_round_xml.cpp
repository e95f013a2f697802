// libFuzzer: round.xml, bytes -> decoding -> pugixml -> model::Round.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto text = fuzz::bytes(data, size);
    core::Diagnostics diagnostics;
    const auto round = ingest::parse_round(text, "round.xml", diagnostics);
    fuzz::check_diagnostics(diagnostics, "round.xml", text);
    if (!round) fuzz::require(diagnostics.has_errors(), "a round refused without an error");
    return 0;
}
