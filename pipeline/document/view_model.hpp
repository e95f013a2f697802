#pragma once
// The values a template sees: everything from model::Report, formatted the
// Swedish way once, here. Mustache is logic-less, so every number, word form
// and date a sentence needs is prepared as a string (templates/README.md
// lists the names).
#include <kainjow/mustache.hpp>

#include "model/report.hpp"

namespace doc {

kainjow::mustache::data make_view_model(const model::Report& report);

}  // namespace doc
