#pragma once
// The transform stage for final reports: validation of the rules that relate
// several values or files, and the computed figures.
#include "core/diagnostics.hpp"
#include "model/final_report.hpp"
#include "model/final_report_summary.hpp"

namespace transform {

// docs/formats-final-report.md, "Rules the build checks".
void validate_final_report(const model::FinalReport& report, core::Diagnostics& diagnostics);

// Numbers, tables and totals. The summary points into `report`.
model::FinalReportSummary summarise_final_report(const model::FinalReport& report);

}  // namespace transform
