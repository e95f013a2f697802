#pragma once
// The values a template sees: everything from model::Report, formatted the
// Swedish way once, here. Mustache is logic-less, so every number, word form
// and date a sentence needs is prepared as a string (templates/README.md
// lists the names).
#include <kainjow/mustache.hpp>

#include "document/view_shapes.hpp"
#include "model/report.hpp"

namespace doc {

// In ViewScope::Shapes, each list of applications holds one application of
// each shape (view_shapes.hpp), for checking the templates; the counts and
// sums are the whole round's in either scope.
kainjow::mustache::data make_view_model(const model::Report& report, ViewScope scope = ViewScope::Full);

// The view's list of funds. A template also finds each fund by its code in
// lower case ({{lum.total_granted.kronor}}): the fund in this list whose
// `code` folds to the name's first part (fund_by_code).
inline constexpr const char* kFundsList = "funds";

// The fund of view's kFundsList whose code folds to `code`, or null.
const kainjow::mustache::data* fund_by_code(const kainjow::mustache::data& view, const std::string& code);

}  // namespace doc
