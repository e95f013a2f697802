// Building the account: each error is placed on the record it lies within,
// then each record is classified as used or rejected.
#include "transform/account.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <tuple>

#include "core/messages.hpp"

namespace transform {

namespace fs = std::filesystem;

namespace {

// View-model names that sum over every fund (document/view_model.cpp).
constexpr std::string_view kAllFunds[] = {"funds", "total_requested", "total_granted"};

// The view-model names (document/final_report_view.cpp,
// document/view_evaluation.cpp, document/fund_application_view.cpp) that state figures of each kind of data
// other than applications: a template that names one draws on every record
// of that kind.
struct FeedNames {
    std::string_view feeds;
    std::vector<std::string_view> names;
};
const FeedNames kFeedNames[] = {
    {"projects",
     {"table_1_3", "areas", "not_fully_reported", "has_not_fully_reported", "decision", "outcome_participants",
      "outcome_left"}},
    {"activities", {"activities", "activities_count", "attendance"}},
    {"networks", {"networks"}},
    {"study_trips", {"study_trips", "study_visits", "study_visits_joined"}},
    {"consumption", {"table_1_1", "decision"}},
    {"causes", {"statistics"}},
    {"cause_changes", {"statistics"}},
    {"causes_by_age", {"statistics"}},
    {"statistics", {"evaluation"}},
    // An application's budget rows (document/fund_application_view.cpp):
    // the table, and the requested sum they add up to.
    {"budget", {"budget", "requested"}},
};

// The rows of a round's own follow-up registers are about this round's
// grants; its documents do not state them, the next round's do (report
// shortfalls, the evaluation of last year's grants: docs/formats.md,
// "Follow-up of grants").
constexpr std::string_view kFollowUpRegisters[] = {"reports", "repayments"};
constexpr const char* kKeptForNextRound =
    core::tr_noop("kept: the follow-up of this round's grants, which the next round's documents state");

std::string lower_ascii(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The first name of each Mustache tag ({{#a.b}} -> "a"), skipping comments
// ({{! … }}) and partials ({{> … }}): mustache(5).
std::vector<std::string> tag_heads(std::string_view source) {
    std::vector<std::string> heads;
    for (std::size_t at = source.find("{{"); at != std::string_view::npos; at = source.find("{{", at)) {
        const std::size_t close = source.find("}}", at + 2);
        if (close == std::string_view::npos) break;
        std::string_view tag = source.substr(at + 2, close - at - 2);
        at = close + 2;
        if (!tag.empty() && (tag.front() == '!' || tag.front() == '>' || tag.front() == '=')) continue;
        while (!tag.empty() && std::string_view("#^/&{ ").find(tag.front()) != std::string_view::npos)
            tag.remove_prefix(1);
        const std::size_t end = tag.find_first_of(". }");
        heads.emplace_back(tag.substr(0, end));
    }
    return heads;
}

// (line, column) for ordering; an unknown column (0) is the line's start.
std::tuple<int, int> position(const core::SourceLocation& where) { return {where.line, std::max(where.column, 1)}; }

bool within(const core::SourceLocation& where, const model::SourceRecord& record) {
    if (where.line <= 0 || position(where) < position(record.where)) return false;
    return record.end.line <= 0 || position(where) < position(record.end);
}

// Errors of one file, placed on its records or on the file itself.
struct PlacedErrors {
    std::vector<std::vector<std::string>> by_record;
    std::vector<core::Diagnostic> file;
};

PlacedErrors place(const model::SourceFile& source, const std::vector<core::Diagnostic>& errors) {
    PlacedErrors placed;
    placed.by_record.resize(source.records.size());
    for (const auto& e : errors) {
        if (e.where.file != source.file) continue;
        const auto& records = source.records;
        const auto it = std::find_if(records.begin(), records.end(),
                                     [&](const model::SourceRecord& r) { return within(e.where, r); });
        if (it == records.end())
            placed.file.push_back(e);
        else
            placed.by_record[static_cast<std::size_t>(it - records.begin())].push_back(core::to_string(e.where) + ": " +
                                                                                       e.message);
    }
    return placed;
}

std::vector<core::Diagnostic> errors_of(const core::Diagnostics& diagnostics) {
    std::vector<core::Diagnostic> errors;
    for (const auto& d : diagnostics.sorted())
        if (d.severity == core::Severity::Error) errors.push_back(d);
    return errors;
}

// `a` is one of the report's own applications, and summarize() (aggregate.cpp)
// puts every application of a fund in that fund's summary: the document
// uses `a` when it names a.fund and the report has that fund. (Looking `a`
// up in the summary's list made the account quadratic in the applications.)
bool uses(const model::Report& report, const DocumentScope& scope, const model::Application& a) {
    return std::find(scope.funds.begin(), scope.funds.end(), a.fund) != scope.funds.end() &&
           report.fund(a.fund) != nullptr;
}

class Classifier {
public:
    Classifier(const model::Dataset& dataset, const model::Report& report, const std::vector<DocumentScope>& documents,
               const Account& account)
        : dataset_(dataset), report_(report), documents_(documents), account_(account) {}

    void classify(const model::SourceRecord& record, std::vector<std::string> errors, FileAccount& file) const {
        AccountEntry entry{record.where, record.id, record.title, {}, "", std::move(errors)};
        if (entry.reasons.empty()) settle(record, entry);
        (entry.reasons.empty() ? file.used : file.rejected).push_back(std::move(entry));
    }

private:
    // A record without errors of its own: the documents that use it, or
    // why none does. Whether the documents are made this time (the dataset
    // has no errors anywhere) is the account's, not the record's: a record
    // that is fit is not rejected for another record's error.
    void settle(const model::SourceRecord& record, AccountEntry& entry) const {
        if (record.application < 0 && record.feeds.empty()) {
            entry.reasons.push_back(record.dropped_because.empty() ? core::tr("ingest could not keep it")
                                                                   : record.dropped_because);
            return;
        }
        if (record.application < 0) {
            settle_other(record, entry);
            return;
        }
        const auto& application = dataset_.applications.at(static_cast<std::size_t>(record.application));
        for (const auto& scope : documents_)
            if (uses(report_, scope, application)) entry.documents.push_back(scope.name);
        if (entry.documents.empty())
            entry.reasons.push_back(core::tr("no document uses the applications of the fund {1}", application.fund));
    }

    // A register row, a statistics row, a final report's project or CSV row.
    void settle_other(const model::SourceRecord& record, AccountEntry& entry) const {
        for (const auto& scope : documents_)
            if (std::find(scope.feeds.begin(), scope.feeds.end(), record.feeds) != scope.feeds.end())
                entry.documents.push_back(scope.name);
        if (!entry.documents.empty()) return;
        const bool follow_up = std::find(std::begin(kFollowUpRegisters), std::end(kFollowUpRegisters), record.feeds) !=
                               std::end(kFollowUpRegisters);
        if (follow_up && !dataset_.final_report)
            entry.kept = core::tr(kKeptForNextRound);
        else
            entry.reasons.push_back(core::tr("no document states the {1} of this dataset", record.feeds));
    }

    const model::Dataset& dataset_;
    const model::Report& report_;
    const std::vector<DocumentScope>& documents_;
    const Account& account_;
};

DocumentAccount document_account(const model::Report& report, const DocumentScope& scope, bool accepted) {
    DocumentAccount document{scope.name, {}};
    if (!accepted) return document;
    for (const auto& summary : report.funds)
        if (std::find(scope.funds.begin(), scope.funds.end(), summary.fund->code) != scope.funds.end())
            for (const auto* a : summary.applications) document.ids.push_back(a->id);
    return document;
}

}  // namespace

std::vector<std::string> funds_named_in(std::string_view template_source, const model::Round& round) {
    const auto heads = tag_heads(template_source);
    const bool all = std::any_of(heads.begin(), heads.end(), [](const std::string& head) {
        return std::find(std::begin(kAllFunds), std::end(kAllFunds), head) != std::end(kAllFunds);
    });
    std::vector<std::string> codes;
    for (const auto& fund : round.funds)
        if (all || std::find(heads.begin(), heads.end(), lower_ascii(fund.code)) != heads.end())
            codes.push_back(fund.code);
    return codes;
}

std::vector<std::string> feeds_named_in(std::string_view template_source) {
    const auto heads = tag_heads(template_source);
    std::vector<std::string> feeds;
    for (const auto& kind : kFeedNames) {
        const bool named = std::any_of(kind.names.begin(), kind.names.end(), [&](std::string_view name) {
            return std::find(heads.begin(), heads.end(), name) != heads.end();
        });
        if (named) feeds.emplace_back(kind.feeds);
    }
    return feeds;
}

DocumentScope scope_of(const std::string& name, const std::string& template_file, std::string_view template_source,
                       const model::Round& round) {
    return {name, funds_named_in(template_source, round), feeds_named_in(template_source), template_file};
}

std::string template_note(const Account& account) {
    if (account.template_errors.empty() || account.errors != static_cast<int>(account.template_errors.size()))
        return "";
    // A template problem, said as one: the data is not at fault, so the
    // note gives no count of rejected records (the records are read, and
    // none is rejected for a template's error).
    const auto& first = account.template_errors.front();
    const auto more = account.template_errors.size() - 1;
    if (more == 0)
        return core::tr("a template problem, not the data's: the template failed at {1}: {2}",
                        core::to_string(first.where), first.message);
    return core::tr(
        "a template problem, not the data's: the template failed at {1}: {2} (and {3} more template "
        "errors)",
        core::to_string(first.where), first.message, std::to_string(more));
}

int Account::read() const {
    int n = 0;
    for (const auto& f : files) n += f.read;
    return n;
}

int Account::used() const {
    int n = 0;
    for (const auto& f : files) n += static_cast<int>(f.used.size());
    return n;
}

int Account::rejected() const {
    int n = 0;
    for (const auto& f : files) n += static_cast<int>(f.rejected.size());
    return n;
}

Account make_account(const model::Dataset& dataset, const model::Report& report,
                     const std::vector<DocumentScope>& documents, const core::Diagnostics& diagnostics) {
    Account account;
    account.dataset = dataset.name;
    account.errors = diagnostics.error_count();
    account.accepted = !diagnostics.has_errors();
    auto errors = errors_of(diagnostics);
    // A template's errors are about the template: they stop the documents,
    // but they are no record's, and reject none.
    const auto of_a_template = [&](const core::Diagnostic& e) {
        return std::any_of(documents.begin(), documents.end(), [&](const DocumentScope& scope) {
            return !scope.file.empty() &&
                   (e.where.file == scope.file || e.where.file == fs::path(scope.file).parent_path().string());
        });
    };
    for (const auto& e : errors)
        if (of_a_template(e)) account.template_errors.push_back(e);
    const Classifier classifier(dataset, report, documents, account);
    for (const auto& source : dataset.sources) {
        FileAccount file{source.file, source.readable, static_cast<int>(source.records.size()), {}, {}, {}};
        auto placed = place(source, errors);
        for (std::size_t i = 0; i < source.records.size(); ++i)
            classifier.classify(source.records[i], std::move(placed.by_record[i]), file);
        file.problems = std::move(placed.file);
        account.files.push_back(std::move(file));
    }
    for (const auto& e : errors) {
        const bool in_a_file = std::any_of(dataset.sources.begin(), dataset.sources.end(),
                                           [&](const model::SourceFile& s) { return s.file == e.where.file; });
        if (!in_a_file) account.problems.push_back(e);
    }
    for (const auto& scope : documents) account.documents.push_back(document_account(report, scope, account.accepted));
    return account;
}

}  // namespace transform
