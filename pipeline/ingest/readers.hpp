#pragma once
// The readers of the ingest stage, one per input format (docs/formats.md).
// Each reports every problem it finds to `diagnostics` and returns what it
// could read; records with errors are still returned when they can be named,
// so that the validation output names them.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"

namespace ingest {

// round.xml: the round's metadata.
std::optional<model::Round> read_round(const std::string& path, core::Diagnostics& diagnostics);

// Applications exported as XML (<applications>).
std::vector<model::Application> read_applications_xml(const std::string& path, const model::Round& round,
                                                      core::Diagnostics& diagnostics);

// Applications exported as CSV from Excel (';', decimal comma, UTF-8 or
// Windows-1252). Criterion columns are named by the round's criterion ids.
std::vector<model::Application> read_applications_csv(const std::string& path, const model::Round& round,
                                                      core::Diagnostics& diagnostics);

}  // namespace ingest
