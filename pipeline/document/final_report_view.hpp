#pragma once
// The values a final report's templates see (templates/README.md, "Final
// reports"). Running text with references and notes reaches the template
// as ready Markdown (names ending in _md, to be written {{{…_md}}}): its
// characters escaped, each reference a link to the section it names.
#include <kainjow/mustache.hpp>

#include "model/report.hpp"

namespace doc {

kainjow::mustache::data make_final_report_view(const model::Report& report);

}  // namespace doc
