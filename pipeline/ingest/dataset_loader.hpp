#pragma once
// The ingest stage's entry point: a dataset folder -> model::Dataset.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"

namespace ingest {

// The file that marks a folder as a funding round.
inline constexpr const char* kRoundFile = "round.xml";

// Reads round.xml and every application file it lists, and the earlier
// rounds beside it (earlier_rounds); a folder with report.xml and no
// round.xml is read as a final report (load_final_report), one with
// application.xml as an application to a fund (load_fund_application). Returns nullopt
// only when round.xml itself cannot be read; otherwise the dataset with what
// could be read, and every problem in `diagnostics`. An earlier round with
// errors is left out, with one error here: its own build reports the details.
// A round's files are read on up to `threads` threads; the result and the
// diagnostics are the same as on one.
std::optional<model::Dataset> load_dataset(const std::string& directory, core::Diagnostics& diagnostics,
                                           unsigned threads = 1);

// The folders of the earlier rounds a round sees: the dataset folders beside
// `directory` (in its parent folder) whose round has an earlier year and
// shares a fund code with it, the latest year first (then by name). Reads
// only <year> and the fund codes of each round.xml, so that the nightly
// build can key a round's documents on its earlier rounds' files cheaply.
std::vector<std::string> earlier_rounds(const std::string& directory);

// The template folder the dataset's round.xml, report.xml or
// application.xml names in <template>, read without checking anything else
// (for a command that must refuse a templates folder without it before it
// starts); "" when there is no such file or element.
std::string named_template_folder(const std::string& directory);

// Pairs of earlier rounds (as earlier_rounds finds them) of the same year
// that share a fund: a copy left beside the real round ("lum-mul-2024 -
// kopia"). The round cannot tell which one the committee decided.
std::vector<std::pair<std::string, std::string>> ambiguous_earlier_rounds(const std::string& directory);

// The dataset folders under `root`: `root` itself when it holds round.xml
// (a funding round), report.xml (a final report) or application.xml (an
// application to a fund), else each immediate
// subfolder that does, sorted by name. Hidden folders (a name starting with
// ".": .git, .Trash-1000, fuel's own .fuel-staging) are never datasets.
std::vector<std::string> find_datasets(const std::string& root);

// Folders that look meant as datasets but are not, with the reason, as
// errors: `root` or a subfolder (as find_datasets looks) holding "Round.xml",
// "ROUND.XML", "round.xml.txt" or a folder named round.xml, but no file
// round.xml, report.xml or application.xml spelt exactly so.
std::vector<core::Diagnostic> near_miss_datasets(const std::string& root);

}  // namespace ingest
