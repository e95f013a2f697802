#pragma once
// The ingest stage's entry point: a dataset folder -> model::Dataset.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"

namespace ingest {

// The file that marks a folder as a funding round.
inline constexpr const char* kRoundFile = "round.xml";

// Reads round.xml and every application file it lists; a folder with
// report.xml and no round.xml is read as a final report (load_final_report). Returns nullopt only
// when round.xml itself cannot be read; otherwise the dataset with what could
// be read, and every problem in `diagnostics`.
std::optional<model::Dataset> load_dataset(const std::string& directory, core::Diagnostics& diagnostics);

// The dataset folders under `root`: `root` itself when it holds round.xml
// (a funding round) or report.xml (a final report), else each immediate
// subfolder that does, sorted by name.
std::vector<std::string> find_datasets(const std::string& root);

}  // namespace ingest
