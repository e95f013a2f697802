// The rules of a final report that relate several values or files
// (docs/formats-final-report.md, "Rules the build checks"). The schemas
// check structure and vocabularies; these need the whole report.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/closest_match.hpp"
#include "transform/final_report.hpp"
#include "core/messages.hpp"

namespace transform {

namespace {

using model::FinalReport;
using model::FollowUpReport;

// Report order: a project's position among the follow-up reports.
std::map<std::string, std::size_t> positions(const FinalReport& r) {
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < r.projects.size(); ++i) at.emplace(r.projects[i].id, i);
    return at;
}

// The rows (or project files) seen so far by their key: a row whose key an
// earlier row has would add its figures again, so it is an error that names
// both places.
template <typename Key>
class FirstSeen {
public:
    void check(const Key& key, const core::SourceLocation& where, const std::string& what, core::Diagnostics& d) {
        const auto [it, fresh] = first_.emplace(key, where);
        if (!fresh)
            d.error(where, core::tr("{1} occurs again; first at {2} (it would be counted twice; remove one)", what,
                                    core::to_string(it->second)));
    }

private:
    std::map<Key, core::SourceLocation> first_;
};

void check_ids(const FinalReport& r, core::Diagnostics& d) {
    FirstSeen<std::string> seen;
    for (const auto& p : r.projects)
        if (!p.id.empty()) seen.check(p.id, p.where, core::tr("the project id {1}", p.id), d);
}

void check_administrations(const FinalReport& r, const FollowUpReport& p, core::Diagnostics& d) {
    std::vector<std::string> names;
    for (const auto& a : r.administrations) names.push_back(a.name);
    int leads = 0;
    for (const auto& a : p.administrations) {
        leads += a.lead ? 1 : 0;
        if (r.administration(a.name)) continue;
        const auto guess = core::closest_match(a.name, names);
        d.error(a.where,
                guess ? core::tr("the administration \"{1}\" is not in report.xml <administrations>; did you mean {2}?",
                                 a.name, *guess)
                      : core::tr("the administration \"{1}\" is not in report.xml <administrations>", a.name));
    }
    if (leads > 1) d.error(p.where, core::tr("{1} has more than one lead=\"true\" administration", p.id));
    if (leads == 1 && p.administrations.size() == 1)
        d.warning(p.where, core::tr("{1} has lead=\"true\" on its only administration", p.id));
}

void check_decisions(const FinalReport& r, const FollowUpReport& p, core::Diagnostics& d) {
    const auto grants =
        std::count_if(p.decisions.begin(), p.decisions.end(), [](const auto& x) { return !x.extension; });
    if (grants != 1)
        d.error(p.where, core::tr("{1} must have exactly one grant decision, has {2}", p.id, std::to_string(grants)));
    else if (!p.decisions.empty() && p.decisions.front().extension)
        d.error(p.decisions.front().where, core::tr("{1}: an extension comes before the grant", p.id));
    for (const auto& x : p.decisions) {
        if (p.decisions.size() > 1 && !x.year)
            d.error(x.where, core::tr("{1} has several decisions; each needs a year", p.id));
        if (x.year && (*x.year < r.from_year || *x.year > r.to_year))
            d.warning(x.where, core::tr("{1}: the decision's year {2} lies outside the report's period", p.id,
                                        std::to_string(*x.year)));
        // The source's "År" and its decisions may disagree (2.2.5: "År: 2002",
        // money for 2003 too): kept as stated, and said.
        if (x.year && !p.years.empty() && std::find(p.years.begin(), p.years.end(), *x.year) == p.years.end())
            d.warning(x.where, core::tr("{1}: a decision is for {2}, which is not among the project's years (<years>)",
                                        p.id, std::to_string(*x.year)));
    }
    for (int y : p.years)
        if (y < r.from_year || y > r.to_year)
            d.warning(p.where, core::tr("{1}: the year {2} lies outside the report's period", p.id, std::to_string(y)));
}

class RefChecker {
public:
    RefChecker(const FinalReport& r, core::Diagnostics& d) : r_(r), d_(d), at_(positions(r)) {}

    void text(const model::RichText& text) {
        for (const auto& span : text) {
            if (span.kind == model::RichSpan::Kind::Note) this->text(span.note);
            if (span.kind != model::RichSpan::Kind::Ref) continue;
            const auto* from = known(span.project, span.where);
            const auto* to = span.to.empty() ? nullptr : known(span.to, span.where);
            if (from && to && from->area != to->area)
                d_.error(span.where, core::tr("the range {1}–{2} spans two areas", span.project, span.to));
            else if (from && to && at_[span.to] < at_[span.project])
                d_.error(span.where, core::tr("the range {1}–{2} ends before it starts", span.project, span.to));
        }
    }
    void blocks(const model::TextBlocks& blocks) {
        for (const auto& b : blocks)
            for (const auto& part : b.parts) text(part);
    }
    // proposals-ref / coordinator-comment-ref: an earlier project that
    // carries the text itself.
    void shared(const FollowUpReport& p, const std::string& ref, const char* what,
                bool (*carries)(const FollowUpReport&)) {
        if (ref.empty()) return;
        const auto* target = known(ref, p.where);
        if (!target) return;
        if (at_[ref] >= at_[p.id])
            d_.error(p.where, core::tr("{1}'s {2} reference names {3}, which does not come earlier", p.id, what, ref));
        else if (!carries(*target))
            d_.error(p.where, core::tr("{1}'s {2} reference names {3}, which has no text of its own", p.id, what, ref));
    }
    const FollowUpReport* known(const std::string& id, const core::SourceLocation& where) {
        const auto* p = r_.project(id);
        if (!p) d_.error(where, core::tr("the reference names an unknown project \"{1}\"", id));
        return p;
    }

private:
    const FinalReport& r_;
    core::Diagnostics& d_;
    std::map<std::string, std::size_t> at_;
};

void check_references(const FinalReport& r, core::Diagnostics& d) {
    RefChecker refs(r, d);
    for (const auto& a : r.areas) {
        for (const auto& t : a.texts) {
            refs.blocks(t.blocks);
            if (const auto* p = refs.known(t.before, t.where); p && p->area != a.code)
                d.error(t.where, core::tr("<text before=\"{1}\"> names a project of another area", t.before));
        }
        for (const auto& s : a.subsections) refs.blocks(s.blocks);
    }
    for (const auto& p : r.projects) {
        refs.text(p.title);
        for (const auto* b : {&p.target_group, &p.goal_and_purpose, &p.experiences, &p.implementation_plans,
                              &p.proposals, &p.coordinator_comment})
            refs.blocks(*b);
        refs.shared(p, p.proposals_ref, "proposals", [](const FollowUpReport& t) { return !t.proposals.empty(); });
        refs.shared(p, p.coordinator_comment_ref, "coordinator-comment",
                    [](const FollowUpReport& t) { return !t.coordinator_comment.empty(); });
    }
}

void check_project(const FinalReport& r, const FollowUpReport& p, core::Diagnostics& d) {
    if (!p.area.empty() && !r.area(p.area))
        d.error(p.where, core::tr("{1}: the area \"{2}\" is not an area of report.xml", p.id, p.area));
    check_administrations(r, p, d);
    check_decisions(r, p, d);
    if (p.outcome)
        if (const auto* participants = p.outcome->find("participants"))
            for (const auto& f : p.outcome->figures)
                if (f.name != "participants" && f.name != "mapped" && f.value > participants->value)
                    d.warning(p.where, core::tr("{1}: {2} ({3}) is larger than participants ({4})", p.id, f.name,
                                                std::to_string(f.value), std::to_string(participants->value)));
}

void check_areas(const FinalReport& r, core::Diagnostics& d) {
    const auto with =
        std::count_if(r.areas.begin(), r.areas.end(), [](const auto& a) { return a.table_column.has_value(); });
    if (with != 0 && with != static_cast<long>(r.areas.size()))
        d.error(r.where, core::tr("table-column is given on some areas but not all"));
    std::set<std::string> codes;
    for (const auto& a : r.areas)
        if (!codes.insert(a.code).second) d.error(a.where, core::tr("the area code {1} is used twice", a.code));
}

// The keys of the CSVs (docs/formats-final-report.md, "One row, one
// thing"): a second row with the same key is the same thing given twice.
void check_repeated_rows(const FinalReport& r, core::Diagnostics& d) {
    FirstSeen<std::tuple<std::string, std::string, std::string>> activities;
    for (const auto& a : r.activities)
        activities.check({a.date.text, a.type, a.title}, a.where,
                         core::tr("the activity \"{1}\" of {2}", a.title, a.date.text), d);
    FirstSeen<std::string> networks;
    for (const auto& n : r.networks) networks.check(n.name, n.where, core::tr("the network \"{1}\"", n.name), d);
    FirstSeen<std::tuple<std::string, std::string, std::string>> trips;
    for (const auto& t : r.study_trips)
        trips.check({t.type, t.destination, t.date.text}, t.where, core::tr("the {1} to {2}", t.type, t.destination),
                    d);
    FirstSeen<std::pair<int, std::string>> consumption;
    for (const auto& c : r.consumption)
        consumption.check({c.year, c.committee}, c.where,
                          core::tr("the year {1} and {2}", std::to_string(c.year), c.committee), d);
    FirstSeen<std::string> causes;
    for (const auto& c : r.causes) causes.check(c.cause, c.where, core::tr("the cause \"{1}\"", c.cause), d);
    FirstSeen<std::string> changes;
    for (const auto& c : r.cause_changes) changes.check(c.cause, c.where, core::tr("the cause \"{1}\"", c.cause), d);
    FirstSeen<std::pair<std::string, std::string>> by_age;
    for (const auto& c : r.causes_by_age)
        by_age.check({c.cause, c.age_group}, c.where,
                     core::tr("the cause \"{1}\" and age group {2}", c.cause, c.age_group), d);
}

void check_csvs(const FinalReport& r, core::Diagnostics& d) {
    check_repeated_rows(r, d);
    for (const auto& c : r.consumption) {
        if (std::find(r.committees.begin(), r.committees.end(), c.committee) == r.committees.end())
            d.error(c.where, core::tr("the committee \"{1}\" is not in report.xml <committees>", c.committee));
        if (c.year != 0 && (c.year < r.from_year || c.year > r.to_year))
            d.error(c.where, core::tr("the year {1} lies outside the report's period", std::to_string(c.year)));
    }
    std::set<std::pair<std::string, std::string>> ages;
    std::set<std::string> groups, age_causes;
    for (const auto& c : r.causes_by_age) {
        ages.insert({c.cause, c.age_group});
        groups.insert(c.age_group);
        age_causes.insert(c.cause);
    }
    for (const auto& cause : age_causes)
        for (const auto& group : groups)
            if (!ages.count({cause, group}))
                d.warning(r.where, core::tr("the age table has no figure for \"{1}\" in {2}", cause, group));
}

}  // namespace

void validate_final_report(const FinalReport& r, core::Diagnostics& d) {
    check_ids(r, d);
    check_areas(r, d);
    for (const auto& p : r.projects) check_project(r, p, d);
    check_references(r, d);
    check_csvs(r, d);
    // Listed for the rule that an approved report is needed before money is
    // granted again (seed 004, "Godkänd rapport är en förutsättning …").
    const auto summary = summarise_final_report(r);
    for (const auto index : summary.not_fully_reported) {
        const auto& np = summary.projects[index];
        const auto& p = *np.project;
        std::string names;
        for (const auto& a : p.administrations) names += (names.empty() ? "" : ", ") + a.name;
        d.warning(p.where, p.status == model::ReportingStatus::NotReported
                               ? core::tr("{1} {2} ({3}): not reported", np.number, names, p.id)
                               : core::tr("{1} {2} ({3}): reported incompletely", np.number, names, p.id));
    }
}

}  // namespace transform
