#include "transform/recipients.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/checked.hpp"
#include "core/closest_match.hpp"
#include "core/messages.hpp"

namespace transform {

namespace {

using model::RecipientCount;

std::string year_and_name(const RecipientCount& c) { return c.administration + " " + std::to_string(c.year); }

// The rows that count: counts of 0 or more, the first of each
// (administration, year). Both rules are check_recipient_statistics's errors.
std::vector<const RecipientCount*> accepted(const std::vector<RecipientCount>& counts) {
    std::vector<const RecipientCount*> rows;
    std::set<std::pair<std::string, int>> seen;
    for (const auto& c : counts) {
        if (c.recipients < 0) continue;
        if (!seen.insert({c.administration, c.year}).second) continue;
        rows.push_back(&c);
    }
    return rows;
}

}  // namespace

std::int64_t percent_tenths(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return 0;
    // 1000 * part / whole, half away from zero, in 128 bits: counts go up to
    // ingest::kMaxAmount, and 1000 times that does not fit in 64 bits.
    const __int128 numerator = static_cast<__int128>(part) * 1000;
    const __int128 denominator = whole;
    const bool negative = (numerator < 0) != (denominator < 0);
    const __int128 n = numerator < 0 ? -numerator : numerator;
    const __int128 d = denominator < 0 ? -denominator : denominator;
    const __int128 rounded = (2 * n + d) / (2 * d);
    return static_cast<std::int64_t>(negative ? -rounded : rounded);
}

void check_recipient_statistics(const model::Dataset& dataset, core::Diagnostics& diagnostics) {
    const auto& counts = dataset.recipient_statistics;
    std::vector<std::string> names;
    for (const auto& a : dataset.round.administrations) names.push_back(a.name);
    std::map<std::pair<std::string, int>, const RecipientCount*> first_row;
    std::set<std::string> warned;
    for (const auto& c : counts) {
        if (c.recipients < 0)
            diagnostics.error(c.where, core::tr("{1}: the number of recipients is negative ({2})", year_and_name(c),
                                                std::to_string(c.recipients)));
        const auto [it, inserted] = first_row.insert({{c.administration, c.year}, &c});
        if (!inserted)
            diagnostics.error(c.where, core::tr("{1} is given twice; the first is on line {2}", year_and_name(c),
                                                std::to_string(it->second->where.line)));
        if (std::find(names.begin(), names.end(), c.administration) != names.end() ||
            !warned.insert(c.administration).second)
            continue;
        const auto guess = core::closest_match(c.administration, names);
        diagnostics.warning(c.where, guess ? core::tr("\"{1}\" is not one of the round's administrations; did you mean "
                                                      "{2}? (its counts still add to the city's total)",
                                                      c.administration, *guess)
                                           : core::tr("\"{1}\" is not one of the round's administrations (its counts "
                                                      "still add to the city's total)",
                                                      c.administration));
    }
    // An administration missing from a year makes that year's total smaller
    // for no real reason: say which.
    std::set<int> years;
    std::map<std::string, std::set<int>> years_of;
    std::map<std::string, const RecipientCount*> first_of;
    for (const auto* c : accepted(counts)) {
        years.insert(c->year);
        years_of[c->administration].insert(c->year);
        first_of.insert({c->administration, c});
    }
    for (const auto& [administration, own] : years_of)
        for (const int year : years)
            if (!own.count(year))
                diagnostics.warning(first_of[administration]->where,
                                    core::tr("{1} has no count for {2}, so the city's total of {3} lacks it",
                                             administration, std::to_string(year), std::to_string(year)));
}

std::optional<model::RecipientTrend> recipient_trend(const std::vector<RecipientCount>& counts) {
    const auto rows = accepted(counts);
    if (rows.empty()) return std::nullopt;
    model::RecipientTrend trend;
    std::map<int, model::CityRecipientsYear> by_year;
    for (const auto* c : rows) {
        auto& y = by_year[c->year];
        y.year = c->year;
        core::add_or_throw(y.recipients, c->recipients, "counts");
        ++y.administrations;
    }
    trend.first_year = by_year.begin()->first;
    trend.last_year = by_year.rbegin()->first;
    const std::int64_t first_total = by_year.begin()->second.recipients;
    for (auto& [year, y] : by_year) {
        y.change_tenths = percent_tenths(y.recipients - first_total, first_total);
        trend.city.push_back(y);
    }
    trend.city_reduction_tenths = percent_tenths(first_total - trend.city.back().recipients, first_total);

    std::map<std::string, model::AdministrationRecipients> by_name;
    std::set<std::string> in_first, in_last;
    for (const auto* c : rows) {
        auto& a = by_name[c->administration];
        a.administration = c->administration;
        if (c->year == trend.first_year) a.first = c->recipients, in_first.insert(c->administration);
        if (c->year == trend.last_year) a.last = c->recipients, in_last.insert(c->administration);
    }
    for (auto& [name, a] : by_name) {
        // A change from nothing has no percentage.
        if (!in_first.count(name) || !in_last.count(name) || a.first == 0) continue;
        a.reduction_tenths = percent_tenths(a.first - a.last, a.first);
        trend.administrations.push_back(a);
    }
    std::stable_sort(trend.administrations.begin(), trend.administrations.end(),
                     [](const auto& x, const auto& y) { return x.reduction_tenths > y.reduction_tenths; });
    return trend;
}

std::vector<model::FundOutcome> fund_outcomes(const std::vector<model::GrantFollowUp>& grants) {
    std::vector<model::FundOutcome> outcomes;
    for (const auto& g : grants) {
        if (!g.grant) continue;
        auto it =
            std::find_if(outcomes.begin(), outcomes.end(), [&](const auto& o) { return o.code == g.grant->fund; });
        if (it == outcomes.end()) it = outcomes.insert(outcomes.end(), model::FundOutcome{g.grant->fund, 0, 0, 0, 0});
        for (const auto& r : g.reports) {
            if (r.kind != model::ReportKind::Implementation || !r.record || !r.record->received) continue;
            ++it->reported;
            if (r.record->implemented.value_or(false)) ++it->implemented;
            if (r.record->participants) {
                ++it->with_participants;
                core::add_or_throw(it->participants, *r.record->participants, "counts");
            }
        }
    }
    return outcomes;
}

model::ImplementationShare implementation_share(const std::vector<model::GrantFollowUp>& grants) {
    model::ImplementationShare share;
    for (const auto& g : grants)
        for (const auto& r : g.reports) {
            if (r.kind != model::ReportKind::Implementation || !r.record || !r.record->received) continue;
            ++share.reported;
            if (r.record->implemented.value_or(false)) ++share.implemented;
        }
    share.percent_tenths = percent_tenths(share.implemented, share.reported);
    return share;
}

}  // namespace transform
