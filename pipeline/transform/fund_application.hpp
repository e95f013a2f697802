#pragma once
// The transform stage for an application to a fund: the rules that relate
// several values or files, and the figures computed once.
#include "core/diagnostics.hpp"
#include "model/fund_application.hpp"
#include "model/fund_application_summary.hpp"

namespace transform {

// docs/formats-application.md, "Rules the build checks".
void validate_fund_application(const model::FundApplication& application, core::Diagnostics& diagnostics);

// The requested sum, the budget table and the lists. The summary points into
// `application`.
model::FundApplicationSummary summarise_fund_application(const model::FundApplication& application);

}  // namespace transform
