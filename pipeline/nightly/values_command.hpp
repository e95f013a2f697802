#pragma once
// `fuel values --data DATASET [--document NAME] [--format json]`: the names
// a dataset's documents may use and their values this round
// (job/document_values.hpp), as a table or as JSON.
#include <ostream>
#include <string>

#include "nightly/settings.hpp"

namespace nightly {

// Prints to `out`, problems to `err`; returns the exit status: 0 printed,
// 1 the dataset or its templates have errors (printed all the same, as far
// as they could be read) or no document has that name, 2 --data does not
// name one dataset.
int run_values(const Settings& settings, const std::string& document, bool json, std::ostream& out, std::ostream& err);

}  // namespace nightly
