// Letters to the applicants: after a round, one short letter per applying
// administration with its decisions, amounts, the conditions of the grants
// (reporting dates, the repayment rule) and whom to contact. Each is the
// round's view model plus `letter`, the values of that administration.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/checked.hpp"
#include "core/closest_match.hpp"
#include "document/build.hpp"
#include "document/view_model.hpp"
#include "document/view_values.hpp"

namespace doc {

using kainjow::mustache::data;

std::vector<std::string> applicants(const model::Dataset& dataset) {
    std::vector<std::string> names;
    for (const auto& a : dataset.applications)
        if (std::find(names.begin(), names.end(), a.administration) == names.end()) names.push_back(a.administration);
    return names;
}

namespace {

const model::Fund* fund_of(const model::Round& round, const std::string& code) {
    for (const auto& f : round.funds)
        if (f.code == code) return &f;
    return nullptr;
}

data letter_application(const model::Application& a, const model::Round& round, bool last) {
    const auto& money = round.money_abbreviation;
    const auto* fund = fund_of(round, a.fund);
    data d;
    d.set("id", a.id);
    d.set("fund_code", a.fund);
    d.set("fund_name", fund ? fund->name : std::string());
    d.set("title", a.title);
    d.set("unit", a.unit);
    d.set("destination", a.destination);
    d.set("requested", amount_view(a.requested, money));
    d.set("granted", amount_view(a.granted, money));
    d.set("decision", model::to_string(a.decision));
    d.set("is_granted_in_full", a.decision == model::Decision::Granted);
    d.set("is_partly_granted", a.decision == model::Decision::PartlyGranted);
    d.set("is_rejected", a.decision == model::Decision::Rejected);
    d.set("motivation", a.motivation);
    d.set("has_motivation", !a.motivation.empty());
    d.set("last", last);
    return d;
}

data letter_view(const model::Report& report, const std::string& administration, ViewScope scope) {
    const auto& round = report.dataset->round;
    std::vector<const model::Application*> own;
    for (const auto& a : report.dataset->applications)
        if (a.administration == administration) own.push_back(&a);
    data applications{data::type::list};
    ListOfShapes kept(scope);
    model::Kronor granted = 0;
    int grants = 0;
    for (std::size_t i = 0; i < own.size(); ++i) {
        kept.add(applications, letter_application(*own[i], round, i + 1 == own.size()));
        core::add_or_throw(granted, own[i]->granted, "amounts");
        grants += own[i]->granted > 0 ? 1 : 0;
    }
    std::vector<const model::ReportShortfall*> shortfalls;
    for (const auto& s : report.shortfalls)
        if (s.administration == administration) shortfalls.push_back(&s);
    data d;
    d.set("administration", administration);
    d["applications"] = std::move(applications);  // set() would copy the list
    d.set("application_count", count_view(static_cast<std::int64_t>(own.size())));
    d.set("grant_count", count_view(grants));
    d.set("has_grants", grants > 0);
    d.set("total_granted", amount_view(granted, round.money_abbreviation));
    d.set("report_shortfalls", shortfalls_view(shortfalls, round.money_abbreviation));
    // The first case officer is the contact: the round names no other.
    const bool has_contact = !round.case_officers.empty();
    d.set("has_contact", has_contact);
    d.set("contact_name", has_contact ? round.case_officers.front().name : std::string());
    d.set("contact_phone", has_contact ? round.case_officers.front().phone : std::string());
    return d;
}

}  // namespace

// Letters that Swedish names use are folded to their base letter (å ä -> a,
// ö -> o, é -> e), anything else but ASCII letters and digits becomes '-',
// so that file names and links survive every file system and share.
std::string file_name_part(const std::string& text) {
    static const std::map<std::string, char> kFolded = {{"å", 'a'}, {"ä", 'a'}, {"ö", 'o'}, {"é", 'e'}, {"ü", 'u'}};
    const auto lower = core::fold_case(text);
    std::string out;
    for (std::size_t i = 0; i < lower.size();) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const auto folded = kFolded.find(lower.substr(i, n));
        char next = folded != kFolded.end() ? folded->second : (n == 1 && std::isalnum(c)) ? static_cast<char>(c) : '-';
        if (next != '-' || (!out.empty() && out.back() != '-')) out += next;
        i += n;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// The file name of each administration's letter. file_name_part() folds
// case, diacritics and punctuation, so names that differ only in those fold
// alike ("Söder" and "Soder"; "Enskede-Årsta-Vantör" and "Enskede Årsta
// Vantör"). In each such group the names are ordered by their own text
// (UTF-8 bytes): the first keeps the folded name, the others get "-2", "-3",
// ..., skipping any name that another administration folds to. So two
// administrations never share a file, even on a file system that ignores
// case, and a name depends on the set of administrations, not on the order
// of the input.
std::map<std::string, std::string> letter_file_names(const std::vector<std::string>& administrations,
                                                     const std::string& prefix) {
    std::map<std::string, std::vector<std::string>> groups;  // folded name -> the names, sorted, unique
    for (const auto& administration : administrations) {
        auto& names = groups[prefix + "-" + file_name_part(administration)];
        const auto at = std::lower_bound(names.begin(), names.end(), administration);
        if (at == names.end() || *at != administration) names.insert(at, administration);
    }
    std::set<std::string> taken;
    for (const auto& [folded, names] : groups) taken.insert(folded);
    std::map<std::string, std::string> files;
    for (const auto& [folded, names] : groups) {
        files[names.front()] = folded;
        int n = 1;
        for (std::size_t i = 1; i < names.size(); ++i) {
            std::string name;
            do name = folded + "-" + std::to_string(++n);
            while (taken.count(name) > 0);
            taken.insert(name);
            files[names[i]] = name;
        }
    }
    return files;
}

void add_letter_view(const model::Report& report, const std::string& administration, data& view) {
    view.set("letter", letter_view(report, administration, ViewScope::Full));
}

std::vector<BuiltLetter> build_letters(const model::Report& report, const Template& tmpl,
                                       core::Diagnostics& diagnostics, ViewScope scope) {
    std::vector<BuiltLetter> letters;
    const auto administrations = applicants(*report.dataset);
    const auto files = letter_file_names(administrations, tmpl.name);
    // One view for all letters; each letter replaces the last one's values.
    auto view = make_view_model(report, scope);
    for (const auto& administration : administrations) {
        view.set("letter", letter_view(report, administration, scope));
        letters.push_back({administration, files.at(administration), build_document(report, view, tmpl, diagnostics)});
    }
    return letters;
}

}  // namespace doc
