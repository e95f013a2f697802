#pragma once
// The readers of the ingest stage, one per input format (docs/formats.md).
// Each reports every problem it finds to `diagnostics` and returns what it
// could read; records with errors are still returned when they can be named,
// so that the validation output names them. Each reader comes in two forms:
// read_* takes a path (size cap, file errors), parse_* takes the file's
// bytes and the name to report them under (tests and fuzzing).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"

namespace ingest {

// What one application file held.
struct ApplicationFile {
    // The records that can be named (they have an id), errors or not.
    std::vector<model::Application> applications;
    // Every record, named or not; SourceRecord::application indexes
    // `applications`.
    model::SourceFile source;
};

// round.xml: the round's metadata.
std::optional<model::Round> read_round(const std::string& path, core::Diagnostics& diagnostics);
std::optional<model::Round> parse_round(std::string_view bytes, const std::string& name,
                                        core::Diagnostics& diagnostics);

// Applications exported as XML (<applications>).
ApplicationFile read_applications_xml(const std::string& path, const model::Round& round,
                                      core::Diagnostics& diagnostics);
ApplicationFile parse_applications_xml(std::string_view bytes, const std::string& name, const model::Round& round,
                                       core::Diagnostics& diagnostics);

// Applications exported as CSV from Excel (';', decimal comma, UTF-8 or
// Windows-1252). Criterion columns are named by the round's criterion ids.
ApplicationFile read_applications_csv(const std::string& path, const model::Round& round,
                                      core::Diagnostics& diagnostics);
ApplicationFile parse_applications_csv(std::string_view bytes, const std::string& name, const model::Round& round,
                                       core::Diagnostics& diagnostics);

// The follow-up registers (CSV from Excel, docs/formats.md "Follow-up of
// grants"): one report requirement or one repayment per row. Rows with
// errors are reported and left out. The forms with `source` also give the
// file's account of records: every row, kept or not.
std::vector<model::ReportRequirement> read_report_register(const std::string& path, core::Diagnostics& diagnostics);
std::vector<model::ReportRequirement> read_report_register(const std::string& path, core::Diagnostics& diagnostics,
                                                           model::SourceFile& source);
std::vector<model::ReportRequirement> parse_report_register(std::string_view bytes, const std::string& name,
                                                            core::Diagnostics& diagnostics);
std::vector<model::ReportRequirement> parse_report_register(std::string_view bytes, const std::string& name,
                                                            core::Diagnostics& diagnostics, model::SourceFile& source);
std::vector<model::Repayment> read_repayment_register(const std::string& path, core::Diagnostics& diagnostics);
std::vector<model::Repayment> read_repayment_register(const std::string& path, core::Diagnostics& diagnostics,
                                                      model::SourceFile& source);
std::vector<model::Repayment> parse_repayment_register(std::string_view bytes, const std::string& name,
                                                       core::Diagnostics& diagnostics);
std::vector<model::Repayment> parse_repayment_register(std::string_view bytes, const std::string& name,
                                                       core::Diagnostics& diagnostics, model::SourceFile& source);

// The city's statistics of recipients of financial assistance (CSV from
// Excel, docs/formats.md "Recipients of financial assistance"): one count
// per administration and year. Rows with errors are reported and left out;
// negative counts and unknown administrations are transform's to judge.
std::vector<model::RecipientCount> read_recipient_statistics(const std::string& path, core::Diagnostics& diagnostics);
std::vector<model::RecipientCount> read_recipient_statistics(const std::string& path, core::Diagnostics& diagnostics,
                                                             model::SourceFile& source);
std::vector<model::RecipientCount> parse_recipient_statistics(std::string_view bytes, const std::string& name,
                                                              core::Diagnostics& diagnostics);
std::vector<model::RecipientCount> parse_recipient_statistics(std::string_view bytes, const std::string& name,
                                                              core::Diagnostics& diagnostics,
                                                              model::SourceFile& source);

}  // namespace ingest
