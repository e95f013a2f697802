// libFuzzer: an application to a fund (docs/formats-application.md). An even
// first byte reads the rest as application.xml (decoding, pugixml, the XSD
// check, model::FundApplication), an odd one as its budget file.
#include "fuzz_support.hpp"
#include "ingest/fund_application_readers.hpp"
#include "ingest/values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    if (size == 0) return 0;
    const auto text = fuzz::bytes(data + 1, size - 1);
    core::Diagnostics diagnostics;
    if (data[0] % 2 == 0) {
        const auto application = ingest::parse_fund_application(text, "application.xml", diagnostics);
        fuzz::check_diagnostics(diagnostics, "application.xml", text);
        if (!application) fuzz::require(diagnostics.has_errors(), "an application refused without an error");
        return 0;
    }
    model::FundApplication application;
    const auto file = ingest::parse_budget_csv(text, "budget.csv", application, diagnostics);
    for (const auto& r : file.records) fuzz::require(r.where.line >= 1, "a budget record before the first line");
    fuzz::require(file.readable || file.records.empty(), "records from an unreadable budget file");
    for (const auto& row : application.budget)
        fuzz::require(row.amount >= 0 && row.amount <= ingest::kMaxAmount, "a budget amount out of range");
    fuzz::check_diagnostics(diagnostics, "budget.csv", text);
    return 0;
}
