#pragma once
// The building blocks of the view model that more than one of its files
// uses: counts, amounts and Swedish lists, formatted once (view_model.cpp).
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/report.hpp"

namespace doc {

// A count: count, words, words_neuter, words_cap, words_neuter_cap, none, any, one, plural.
kainjow::mustache::data count_view(std::int64_t n);
// An amount: number, kronor, kr, millions.
kainjow::mustache::data amount_view(model::Kronor amount, const std::string& millions_abbreviation);
// "A", "A och B", "A, B och C" (Svenska skrivregler: no comma before "och").
std::string join_swedish(const std::vector<std::string>& items);

// A count (X) of shortfalls with their `list` (templates/README.md).
kainjow::mustache::data shortfalls_view(const std::vector<const model::ReportShortfall*>& shortfalls,
                                        const std::string& money);

// What is wrong with a grant's reports, as a clause:
// "genomföranderapporten har inte godkänts".
std::string reports_text(const model::GrantFollowUp& grant);

// The tables of the evaluation of last year's grants: `evaluation`
// (templates/README.md, "The evaluation of last year's grants").
void add_evaluation_view(const model::Report& report, kainjow::mustache::data& view);

// The follow-up values (templates/README.md, "Reports across years"):
// report_shortfalls, and the values of the letters to applicants.
void add_follow_up_view(const model::Report& report, kainjow::mustache::data& view);

}  // namespace doc
