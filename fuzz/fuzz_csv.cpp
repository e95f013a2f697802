// libFuzzer: applications CSV, bytes -> decoding -> RFC 4180 reader ->
// records -> model::Application, and the CSV reader alone with each
// expected separator.
#include "fuzz_support.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/text_decoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto text = fuzz::bytes(data, size);
    core::Diagnostics diagnostics;
    const auto file = ingest::parse_applications_csv(text, "fuzz.csv", fuzz::fixture_round(), diagnostics);
    fuzz::check_file(file);
    fuzz::check_diagnostics(diagnostics, "fuzz.csv", text);
    for (const char expected : {';', ',', '\t'}) {
        core::Diagnostics csv_diagnostics;
        const auto table = ingest::read_csv(text, "fuzz.csv", csv_diagnostics, expected);
        for (const auto& record : table.records)
            fuzz::require(record.line >= 1 && record.last_line >= record.line, "a record ends before it starts");
        fuzz::check_diagnostics(csv_diagnostics, "fuzz.csv", text);
    }
    return 0;
}
