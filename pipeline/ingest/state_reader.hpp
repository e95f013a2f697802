#pragma once
// <state> of a dataset's round.xml, report.xml or application.xml
// (docs/formats.md, "The committee's handling"): whether its documents are a draft, were sent to
// the committee, or were decided on. Read apart from the rest of the file,
// because the build decides by it whether the documents may be made at all.
#include <string>

#include "core/diagnostics.hpp"
#include "model/committee_state.hpp"

namespace ingest {

// The state in `dataset_dir`'s round.xml (or report.xml, application.xml). A file that cannot
// be read gives a draft, silently: the dataset's own reading reports why.
// Problems of <state> itself (a revision before anything was sent, dates out
// of order, a paragraph that is not "§ N") are reported to `diagnostics`.
model::CommitteeState read_committee_state(const std::string& dataset_dir, core::Diagnostics& diagnostics);

}  // namespace ingest
