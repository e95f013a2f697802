#include "document/view_model.hpp"

#include "core/closest_match.hpp"
#include "document/final_report_view.hpp"
#include "document/format_sv.hpp"
#include "document/view_values.hpp"

namespace doc {

using kainjow::mustache::data;

// kainjow's data::set and push_back copy the value, deeply; a view of ten
// thousand applications was copied about six times over. Moving the finished
// lists and objects into place instead makes the view's cost one build of
// each value.
void put(data& object, const std::string& key, data&& value) { object[key] = std::move(value); }

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
    d.set("count", sv::integer(n));
    d.set("words", sv::count(n));
    d.set("words_neuter", sv::count(n, sv::Gender::Neuter));
    d.set("words_cap", sv::capitalize_first(sv::count(n)));
    d.set("words_neuter_cap", sv::capitalize_first(sv::count(n, sv::Gender::Neuter)));
    d.set("none", n == 0);
    d.set("any", n > 0);
    d.set("one", n == 1);
    d.set("plural", n != 1);
    return d;
}

data amount_view(model::Kronor amount, const std::string& millions_abbreviation) {
    data d;
    d.set("number", sv::integer(amount));
    d.set("kronor", sv::kronor(amount));
    d.set("kr", sv::kr(amount));
    d.set("millions", sv::millions(amount, millions_abbreviation));
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
    d.set("id", a.id);
    d.set("administration", a.administration);
    d.set("unit", a.unit);
    d.set("applicant", a.unit.empty() ? a.administration : a.administration + ", " + a.unit);
    d.set("title", a.title);
    d.set("destination", a.destination);
    d.set("description", a.description);
    d.set("has_description", !a.description.empty());
    put(d, "requested", amount_view(a.requested, round.money_abbreviation));
    put(d, "granted", amount_view(a.granted, round.money_abbreviation));
    d.set("decision", model::to_string(a.decision));
    d.set("decision_cap", sv::capitalize_first(model::to_string(a.decision)));
    d.set("is_granted_in_full", a.decision == model::Decision::Granted);
    d.set("is_partly_granted", a.decision == model::Decision::PartlyGranted);
    d.set("is_rejected", a.decision == model::Decision::Rejected);
    d.set("motivation", a.motivation);
    d.set("has_motivation", !a.motivation.empty());
    data assessments{data::type::list};
    for (const auto& s : a.assessments) {
        data item;
        const auto* criterion = find_criterion(round, a.fund, s.criterion_id);
        item.set("criterion", s.criterion_id);
        item.set("criterion_text", criterion ? criterion->text : std::string());
        item.set("is_main", criterion && criterion->kind == model::CriterionKind::Main);
        item.set("is_priority", criterion && criterion->kind == model::CriterionKind::Priority);
        item.set("rating", model::to_string(s.rating));
        item.set("rating_cap", sv::capitalize_first(model::to_string(s.rating)));
        assessments.push_back(item);
    }
    put(d, "assessments", std::move(assessments));
    d.set("has_assessments", !a.assessments.empty());
    return d;
}

data applications_view(const std::vector<const model::Application*>& list, const model::Round& round) {
    data d = count_view(static_cast<std::int64_t>(list.size()));
    // Filled by moves into reserved room, then copied once: data::push_back
    // would copy each view, and again each time the list grows.
    kainjow::mustache::list items;
    items.reserve(list.size());
    for (const auto* a : list) items.push_back(application_view(*a, round));
    put(d, "list", data(items));
    return d;
}

data criteria_view(const model::Fund& fund, model::CriterionKind kind) {
    data items{data::type::list};
    for (const auto& c : fund.criteria) {
        if (c.kind != kind) continue;
        data item;
        item.set("id", c.id);
        item.set("text", c.text);
        items.push_back(item);
    }
    return items;
}

data fund_view(const model::FundSummary& s, const model::Round& round) {
    const auto& fund = *s.fund;
    const auto& money = round.money_abbreviation;
    data d;
    d.set("code", fund.code);
    d.set("name", fund.name);
    d.set("name_cap", sv::capitalize_first(fund.name));
    put(d, "budget", amount_view(fund.budget, money));
    d.set("has_max", fund.max_per_application.has_value());
    put(d, "max_per_application", amount_view(fund.max_per_application.value_or(0), money));
    put(d, "main_criteria", criteria_view(fund, model::CriterionKind::Main));
    put(d, "priority_criteria", criteria_view(fund, model::CriterionKind::Priority));
    put(d, "applications", applications_view(s.applications, round));
    put(d, "granted", applications_view(s.granted, round));
    put(d, "granted_in_full", applications_view(s.granted_in_full, round));
    put(d, "partly_granted", applications_view(s.partly_granted, round));
    put(d, "rejected", applications_view(s.rejected, round));
    put(d, "total_requested", amount_view(s.total_requested, money));
    put(d, "total_granted", amount_view(s.total_granted, money));
    d.set("has_uniform_grant", s.uniform_granted_amount > 0);
    put(d, "uniform_grant", amount_view(s.uniform_granted_amount, money));
    put(d, "districts", count_view(s.districts_applying));
    std::vector<std::string> central;
    for (const auto& name : s.central_names) central.push_back(lower_first(name));
    d.set("has_central", !central.empty());
    d.set("central_joined", join_swedish(central));
    return d;
}

data people_view(const std::vector<model::Person>& people) {
    data items{data::type::list};
    for (const auto& p : people) {
        data item;
        item.set("name", p.name);
        item.set("title", p.title);
        item.set("organisation", p.organisation);
        item.set("phone", p.phone);
        items.push_back(item);
    }
    return items;
}

data round_view(const model::Round& r) {
    data d;
    d.set("id", r.id);
    d.set("year", std::to_string(r.year));
    d.set("title", r.title);
    d.set("administration", r.administration);
    d.set("department", r.department);
    d.set("committee", r.committee);
    d.set("diary_number", r.diary_number);
    d.set("has_diary_number", !r.diary_number.empty());
    d.set("date", sv::date_iso(r.date));
    d.set("date_long", sv::date_long(r.date));
    d.set("money_abbreviation", r.money_abbreviation);
    d.set("has_repayment_deadline", r.repayment_notice_deadline.has_value());
    d.set("repayment_deadline_long",
          r.repayment_notice_deadline ? sv::date_long(*r.repayment_notice_deadline) : std::string());
    return d;
}

data preparation_view(const model::Round& r) {
    data d;
    d.set("prepared_by_joined", join_swedish(r.prepared_by));
    d.set("has_prepared_by", !r.prepared_by.empty());
    data steps{data::type::list};
    for (const auto& s : r.preparation) {
        data item;
        item.set("body", s.body);
        item.set("body_cap", sv::capitalize_first(s.body));
        item.set("date", sv::date_iso(s.date));
        item.set("date_long", sv::date_long(s.date));
        item.set("treated", s.form == model::StepForm::Treated);
        item.set("offered", s.form == model::StepForm::Offered);
        steps.push_back(item);
    }
    put(d, "steps", std::move(steps));
    return d;
}

data attestations_view(const model::Round& r) {
    data items{data::type::list};
    for (const auto& a : r.attestations) {
        data item;
        item.set("name", a.person.name);
        item.set("title", a.person.title);
        item.set("date", sv::date_iso(a.date));
        items.push_back(item);
    }
    return items;
}

}  // namespace

data make_view_model(const model::Report& report) {
    if (report.final_report) return make_final_report_view(report);
    const auto& round = report.dataset->round;
    data d;
    put(d, "round", round_view(round));
    put(d, "case_officers", people_view(round.case_officers));
    put(d, "signatories", people_view(round.signatories));
    put(d, "attestations", attestations_view(round));
    d.set("has_attestations", !round.attestations.empty());
    put(d, "preparation", preparation_view(round));
    data funds{data::type::list};
    for (const auto& s : report.funds) {
        auto view = fund_view(s, round);
        funds.push_back(view);  // the one copy: each fund is in the list and under its code
        put(d, core::fold_case(s.fund->code), std::move(view));  // {{lum.…}}, {{mul.…}}
    }
    put(d, "funds", std::move(funds));
    put(d, "total_requested", amount_view(report.total_requested, round.money_abbreviation));
    put(d, "total_granted", amount_view(report.total_granted, round.money_abbreviation));
    add_follow_up_view(report, d);
    return d;
}

}  // namespace doc
