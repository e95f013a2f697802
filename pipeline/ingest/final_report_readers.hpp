#pragma once
// The readers of a final report (docs/formats-final-report.md), in the two
// forms of readers.hpp: read_* takes a path, parse_* the file's bytes.
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"
#include "model/final_report.hpp"

namespace ingest {

// The file that marks a folder as a final report.
inline constexpr const char* kReportFile = "report.xml";

// report.xml without its sources' contents: the file names are kept in the
// result (follow_up_sources) and in `csv_sources`.
struct ReportSources {
    std::string activities, networks, study_trips, funds_consumption, causes, cause_changes, causes_by_age;
};

std::optional<model::FinalReport> parse_report(std::string_view bytes, const std::string& name,
                                               ReportSources& csv_sources, core::Diagnostics& diagnostics);
std::optional<model::FinalReport> read_report(const std::string& path, ReportSources& csv_sources,
                                              core::Diagnostics& diagnostics);

// One follow-up report; nullopt when the file cannot be read at all.
std::optional<model::FollowUpReport> parse_follow_up(std::string_view bytes, const std::string& name,
                                                     core::Diagnostics& diagnostics);
std::optional<model::FollowUpReport> read_follow_up(const std::string& path, core::Diagnostics& diagnostics);

// The CSVs. Each appends its rows to `report` and returns the file's
// account of records (model::SourceFile).
enum class ReportCsv { Activities, Networks, StudyTrips, FundsConsumption, Causes, CauseChanges, CausesByAge };
model::SourceFile parse_report_csv(ReportCsv kind, std::string_view bytes, const std::string& name,
                                   model::FinalReport& report, core::Diagnostics& diagnostics);
model::SourceFile read_report_csv(ReportCsv kind, const std::string& path, model::FinalReport& report,
                                  core::Diagnostics& diagnostics);

// A final-report folder -> model::Dataset with `final_report` set.
std::optional<model::Dataset> load_final_report(const std::string& directory, core::Diagnostics& diagnostics);

}  // namespace ingest
