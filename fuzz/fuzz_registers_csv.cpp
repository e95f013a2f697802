// libFuzzer: the CSV registers other than the applications (fuzz_csv):
// the report and repayment registers of a round, the statistics of
// recipients of financial assistance, and the CSVs of a final report. The
// first byte picks the reader (modulo their number); the rest is the file.
#include "fuzz_support.hpp"
#include "ingest/final_report_readers.hpp"
#include "ingest/values.hpp"

namespace {

constexpr ingest::ReportCsv kReportCsvs[] = {ingest::ReportCsv::Activities, ingest::ReportCsv::Networks,
                                             ingest::ReportCsv::StudyTrips, ingest::ReportCsv::FundsConsumption,
                                             ingest::ReportCsv::Causes,     ingest::ReportCsv::CauseChanges,
                                             ingest::ReportCsv::CausesByAge};
constexpr unsigned kRoundRegisters = 3;  // reports, repayments, recipient statistics
constexpr unsigned kReaders = kRoundRegisters + sizeof kReportCsvs / sizeof kReportCsvs[0];

void check_records(const model::SourceFile& file) {
    for (const auto& r : file.records) fuzz::require(r.where.line >= 1, "a record before the first line");
    fuzz::require(file.readable || file.records.empty(), "records from an unreadable file");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    if (size == 0) return 0;
    const unsigned reader = data[0] % kReaders;
    const auto text = fuzz::bytes(data + 1, size - 1);
    core::Diagnostics diagnostics;
    if (reader == 0) {
        for (const auto& r : ingest::parse_report_register(text, "rapporter.csv", diagnostics))
            fuzz::require(!r.grant.empty() && r.where.line >= 1, "a report row without a grant or a line");
        fuzz::check_diagnostics(diagnostics, "rapporter.csv", text);
    } else if (reader == 1) {
        for (const auto& r : ingest::parse_repayment_register(text, "aterbetalningar.csv", diagnostics))
            fuzz::require(r.amount > 0 && r.amount <= ingest::kMaxAmount, "a repayment out of range");
        fuzz::check_diagnostics(diagnostics, "aterbetalningar.csv", text);
    } else if (reader == 2) {
        for (const auto& r : ingest::parse_recipient_statistics(text, "bistand.csv", diagnostics))
            fuzz::require(!r.administration.empty() && r.where.line >= 1, "a statistics row without a name");
        fuzz::check_diagnostics(diagnostics, "bistand.csv", text);
    } else {
        model::FinalReport report;
        const auto file =
            ingest::parse_report_csv(kReportCsvs[reader - kRoundRegisters], text, "report.csv", report, diagnostics);
        check_records(file);
        fuzz::check_diagnostics(diagnostics, "report.csv", text);
    }
    return 0;
}
