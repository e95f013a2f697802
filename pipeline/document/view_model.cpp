#include "document/view_model.hpp"

#include <concepts>
#include <memory>
#include <unordered_map>

#include "core/closest_match.hpp"
#include "document/final_report_view.hpp"
#include "document/format_sv.hpp"
#include "document/fund_application_view.hpp"
#include "document/shared_item.hpp"
#include "document/view_shapes.hpp"
#include "document/view_values.hpp"

namespace doc {

using kainjow::mustache::data;

// kainjow's data::set and push_back copy the value, deeply; a view of ten
// thousand applications was copied about six times over. Moving the finished
// lists and objects into place instead makes the view's cost one build of
// each value.
void put(data& object, const std::string& key, data&& value) { object[key] = std::move(value); }

// data::set copies its value twice more (into a pair, then into the map)
// and frees the copies; with a few hundred thousand values in a large round
// that was a fifth of the document stage. These build the value once, in
// place. Only a bool or a string: a string literal must not become a bool.
static void put(data& object, const std::string& key, const std::string& value) { object[key] = data(value); }
template <std::same_as<bool> Bool>
void put(data& object, const std::string& key, Bool value) {
    object[key] = data(value);
}

// A list filled by moves: kainjow has no way to move a std::vector into a
// list, and data(items) copies every element, deeply. list_value() gives
// the list of a non-const data, so writing through it is well defined.
static kainjow::mustache::list& items_of(data& list) { return const_cast<kainjow::mustache::list&>(list.list_value()); }

// "A", "A och B", "A, B och C" (Svenska skrivregler: no comma before "och").
std::string join_swedish(const std::vector<std::string>& items) {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += i + 1 == items.size() ? " och " : ", ";
        text += items[i];
    }
    return text;
}

namespace {

std::string lower_first(const std::string& text) {
    if (text.empty()) return text;
    // Only the first letter: "Socialförvaltningen" -> "socialförvaltningen"
    // in running text; the rest of a name keeps its case.
    std::size_t n = 1;
    while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
    return core::fold_case(text.substr(0, n)) + text.substr(n);
}

}  // namespace

// A count as a template needs it: digits, words (en/ett), capitalised for
// the start of a sentence, and flags for singular and plural wording.
data count_view(std::int64_t n) {
    data d;
    put(d, "count", sv::integer(n));
    put(d, "words", sv::count(n));
    put(d, "words_neuter", sv::count(n, sv::Gender::Neuter));
    put(d, "words_cap", sv::capitalize_first(sv::count(n)));
    put(d, "words_neuter_cap", sv::capitalize_first(sv::count(n, sv::Gender::Neuter)));
    put(d, "none", n == 0);
    put(d, "any", n > 0);
    put(d, "one", n == 1);
    put(d, "plural", n != 1);
    return d;
}

data amount_view(model::Kronor amount, const std::string& millions_abbreviation) {
    data d;
    put(d, "number", sv::integer(amount));
    put(d, "kronor", sv::kronor(amount));
    put(d, "kr", sv::kr(amount));
    put(d, "millions", sv::millions(amount, millions_abbreviation));
    return d;
}

namespace {

const model::Criterion* find_criterion(const model::Round& round, const std::string& fund, const std::string& id) {
    for (const auto& f : round.funds)
        if (f.code == fund)
            for (const auto& c : f.criteria)
                if (c.id == id) return &c;
    return nullptr;
}

data application_view(const model::Application& a, const model::Round& round) {
    data d;
    put(d, "id", a.id);
    put(d, "administration", a.administration);
    put(d, "unit", a.unit);
    put(d, "applicant", a.unit.empty() ? a.administration : a.administration + ", " + a.unit);
    put(d, "title", a.title);
    put(d, "destination", a.destination);
    put(d, "description", a.description);
    put(d, "has_description", !a.description.empty());
    put(d, "requested", amount_view(a.requested, round.money_abbreviation));
    put(d, "granted", amount_view(a.granted, round.money_abbreviation));
    put(d, "decision", std::string(model::to_string(a.decision)));
    put(d, "decision_cap", sv::capitalize_first(model::to_string(a.decision)));
    put(d, "is_granted_in_full", a.decision == model::Decision::Granted);
    put(d, "is_partly_granted", a.decision == model::Decision::PartlyGranted);
    put(d, "is_rejected", a.decision == model::Decision::Rejected);
    put(d, "motivation", a.motivation);
    put(d, "has_motivation", !a.motivation.empty());
    data assessments{data::type::list};
    for (const auto& s : a.assessments) {
        data item;
        const auto* criterion = find_criterion(round, a.fund, s.criterion_id);
        put(item, "criterion", s.criterion_id);
        put(item, "criterion_text", criterion ? criterion->text : std::string());
        put(item, "is_main", criterion && criterion->kind == model::CriterionKind::Main);
        put(item, "is_priority", criterion && criterion->kind == model::CriterionKind::Priority);
        put(item, "rating", std::string(model::to_string(s.rating)));
        put(item, "rating_cap", sv::capitalize_first(model::to_string(s.rating)));
        items_of(assessments).push_back(std::move(item));
    }
    put(d, "assessments", std::move(assessments));
    put(d, "has_assessments", !a.assessments.empty());
    return d;
}

// Each application's view, made once for all of a fund's lists.
using ApplicationViews = std::unordered_map<const model::Application*, std::shared_ptr<const data>>;

// The counts are of the whole list in either scope; the list itself is
// every application, or one of each shape for a check (view_shapes.hpp).
// In full, the items are shared (shared_item.hpp): an application's view
// is made once and listed in each of its fund's lists. `shapes` keeps each
// application's shape digest across a fund's lists, so that a check makes
// each application's view once, not once per list.
data applications_view(const std::vector<const model::Application*>& list, const model::Round& round, ViewScope scope,
                       ApplicationViews& views_made,
                       std::unordered_map<const model::Application*, std::uint64_t>& shapes) {
    data d = count_view(static_cast<std::int64_t>(list.size()));
    // Filled by moves into reserved room: data::push_back would copy each
    // item, and again each time the list grows.
    data views{data::type::list};
    if (scope == ViewScope::Full) {
        items_of(views).reserve(list.size());
        for (const auto* a : list) {
            auto& made = views_made[a];
            if (!made) made = std::make_shared<const data>(application_view(*a, round));
            items_of(views).push_back(shared_item(made));
        }
    } else {
        ListOfShapes kept(scope);
        for (const auto* a : list) {
            const auto known = shapes.find(a);
            if (known != shapes.end() && !kept.wants(known->second)) continue;
            data view = application_view(*a, round);
            shapes[a] = kept.add(views, std::move(view));
        }
    }
    put(d, "list", std::move(views));
    return d;
}

data criteria_view(const model::Fund& fund, model::CriterionKind kind) {
    data items{data::type::list};
    for (const auto& c : fund.criteria) {
        if (c.kind != kind) continue;
        data item;
        put(item, "id", c.id);
        put(item, "text", c.text);
        items.push_back(item);
    }
    return items;
}

data fund_view(const model::FundSummary& s, const model::Round& round, ViewScope scope) {
    const auto& fund = *s.fund;
    const auto& money = round.money_abbreviation;
    data d;
    put(d, "code", fund.code);
    put(d, "name", fund.name);
    put(d, "name_cap", sv::capitalize_first(fund.name));
    put(d, "budget", amount_view(fund.budget, money));
    put(d, "has_max", fund.max_per_application.has_value());
    put(d, "max_per_application", amount_view(fund.max_per_application.value_or(0), money));
    put(d, "main_criteria", criteria_view(fund, model::CriterionKind::Main));
    put(d, "priority_criteria", criteria_view(fund, model::CriterionKind::Priority));
    ApplicationViews views;
    std::unordered_map<const model::Application*, std::uint64_t> shapes;
    put(d, "applications", applications_view(s.applications, round, scope, views, shapes));
    put(d, "granted", applications_view(s.granted, round, scope, views, shapes));
    put(d, "granted_in_full", applications_view(s.granted_in_full, round, scope, views, shapes));
    put(d, "partly_granted", applications_view(s.partly_granted, round, scope, views, shapes));
    put(d, "rejected", applications_view(s.rejected, round, scope, views, shapes));
    put(d, "total_requested", amount_view(s.total_requested, money));
    put(d, "total_granted", amount_view(s.total_granted, money));
    put(d, "has_uniform_grant", s.uniform_granted_amount > 0);
    put(d, "uniform_grant", amount_view(s.uniform_granted_amount, money));
    put(d, "districts", count_view(s.districts_applying));
    std::vector<std::string> central;
    for (const auto& name : s.central_names) central.push_back(lower_first(name));
    put(d, "has_central", !central.empty());
    put(d, "central_joined", join_swedish(central));
    return d;
}

data people_view(const std::vector<model::Person>& people) {
    data items{data::type::list};
    for (const auto& p : people) {
        data item;
        put(item, "name", p.name);
        put(item, "title", p.title);
        put(item, "organisation", p.organisation);
        put(item, "phone", p.phone);
        items.push_back(item);
    }
    return items;
}

data round_view(const model::Round& r) {
    data d;
    put(d, "id", r.id);
    put(d, "year", std::to_string(r.year));
    put(d, "title", r.title);
    put(d, "administration", r.administration);
    put(d, "department", r.department);
    put(d, "committee", r.committee);
    put(d, "diary_number", r.diary_number);
    put(d, "has_diary_number", !r.diary_number.empty());
    put(d, "date", sv::date_iso(r.date));
    put(d, "date_long", sv::date_long(r.date));
    put(d, "money_abbreviation", r.money_abbreviation);
    put(d, "has_repayment_deadline", r.repayment_notice_deadline.has_value());
    put(d, "repayment_deadline_long",
        r.repayment_notice_deadline ? sv::date_long(*r.repayment_notice_deadline) : std::string());
    return d;
}

data preparation_view(const model::Round& r) {
    data d;
    put(d, "prepared_by_joined", join_swedish(r.prepared_by));
    put(d, "has_prepared_by", !r.prepared_by.empty());
    data steps{data::type::list};
    for (const auto& s : r.preparation) {
        data item;
        put(item, "body", s.body);
        put(item, "body_cap", sv::capitalize_first(s.body));
        put(item, "date", sv::date_iso(s.date));
        put(item, "date_long", sv::date_long(s.date));
        put(item, "treated", s.form == model::StepForm::Treated);
        put(item, "offered", s.form == model::StepForm::Offered);
        steps.push_back(item);
    }
    put(d, "steps", std::move(steps));
    return d;
}

data attestations_view(const model::Round& r) {
    data items{data::type::list};
    for (const auto& a : r.attestations) {
        data item;
        put(item, "name", a.person.name);
        put(item, "title", a.person.title);
        put(item, "date", sv::date_iso(a.date));
        items.push_back(item);
    }
    return items;
}

}  // namespace

const data* fund_by_code(const data& view, const std::string& code) {
    const data* funds = view.get(kFundsList);
    if (funds == nullptr || !funds->is_list()) return nullptr;
    for (const auto& fund : funds->list_value()) {
        const data* fund_code = fund.get("code");
        if (fund_code != nullptr && fund_code->is_string() && core::fold_case(fund_code->string_value()) == code)
            return &fund;
    }
    return nullptr;
}

data make_view_model(const model::Report& report, ViewScope scope) {
    if (report.final_report) return make_final_report_view(report);
    if (report.fund_application) return make_fund_application_view(report);
    const auto& round = report.dataset->round;
    data d;
    put(d, "round", round_view(round));
    put(d, "case_officers", people_view(round.case_officers));
    put(d, "signatories", people_view(round.signatories));
    put(d, "attestations", attestations_view(round));
    put(d, "has_attestations", !round.attestations.empty());
    put(d, "preparation", preparation_view(round));
    data funds{data::type::list};
    // Room for all: data's move is not noexcept, so a growing list would
    // copy every fund view made so far, deeply.
    items_of(funds).reserve(report.funds.size());
    // Each fund is in the list only; {{lum.…}} finds it by its code
    // (kFundsList, template.cpp). A second copy under the code was half of
    // the view's cost to build and to free: a fund holds the views of its
    // applications up to three times.
    for (const auto& s : report.funds) items_of(funds).push_back(fund_view(s, round, scope));
    put(d, kFundsList, std::move(funds));
    put(d, "total_requested", amount_view(report.total_requested, round.money_abbreviation));
    put(d, "total_granted", amount_view(report.total_granted, round.money_abbreviation));
    add_follow_up_view(report, d);
    return d;
}

}  // namespace doc
