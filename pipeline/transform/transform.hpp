#pragma once
// The transform stage: model::Dataset -> validated model::Report.
#include "core/diagnostics.hpp"
#include "model/dataset.hpp"
#include "model/report.hpp"

namespace transform {

// Checks the data against the rules of the round (docs/formats.md, "Rules"):
// every violation is an error with the record's position, so that the build
// refuses to write a document that contradicts the round's own rules.
void validate(const model::Dataset& dataset, core::Diagnostics& diagnostics);

// Groups and totals, computed once. The report points into `dataset`, which
// must outlive it.
model::Report aggregate(const model::Dataset& dataset);

}  // namespace transform
