#pragma once
// The values an application's templates see (templates/README.md,
// "Applications to a fund"). Running text reaches the template as ready
// Markdown (names ending in _md, written {{{…_md}}}); every figure comes
// from model::FundApplicationSummary.
#include <kainjow/mustache.hpp>

#include "model/report.hpp"

namespace doc {

kainjow::mustache::data make_fund_application_view(const model::Report& report);

// How long the project runs, as an adjective before its kind: 24 months
// "tvåårig", 22 "nästan tvåårig" (up to three months short of whole years),
// 16 "16 månaders".
std::string duration_words(int months);

}  // namespace doc
