#pragma once
// The statistics of recipients of financial assistance (docs/formats.md,
// "Recipients of financial assistance") and the share of last year's
// projects that report their work implemented in ordinary work. Shared by
// validate() and aggregate(): the rows validate() rejects are the rows
// aggregate() leaves out.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"
#include "model/report.hpp"

namespace transform {

// Duplicate rows (the same administration and year) and negative counts are
// errors; an administration that is not one of the round's districts is a
// warning with the closest name; an administration without a count for a
// year that others have is a warning (the city's total of that year lacks it).
void check_recipient_statistics(const model::Dataset& dataset, core::Diagnostics& diagnostics);

// The city's total per year and each administration's change between the
// first and the last year, over the rows check_recipient_statistics accepts
// (negative counts and the later of duplicate rows are left out). nullopt
// when no row is left.
std::optional<model::RecipientTrend> recipient_trend(const std::vector<model::RecipientCount>& counts);

// part / whole in tenths of a percent, rounded half away from zero; 0 when
// whole is 0.
std::int64_t percent_tenths(std::int64_t part, std::int64_t whole);

// Of `grants`, those whose genomförande report has come in, and of them
// those whose register row says implementerad = ja.
model::ImplementationShare implementation_share(const std::vector<model::GrantFollowUp>& grants);

// Per fund of `grants`: the genomförande reports come in, the participants
// they name (column deltagare) and how many say implementerad = ja.
std::vector<model::FundOutcome> fund_outcomes(const std::vector<model::GrantFollowUp>& grants);

}  // namespace transform
