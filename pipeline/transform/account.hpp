#pragma once
// The account of a dataset: every record its data files held (applications,
// register rows, statistics, a final report's projects and CSV rows) is
// either used or rejected with the reason, so that nothing is lost without a
// word. Per file, read = used + rejected, where `read` is ingest's count of
// the records the file held (model::SourceFile), named or not.
//
// A record is rejected when a diagnostic of severity error lies within it
// (its own errors), when ingest could not keep it (no id), or when no
// document draws on it. Every other record is used: by the documents that
// draw on it, or, for the rows of a round's own follow-up registers, kept as
// the record the next round's documents draw on. The documents are made
// only when the dataset has no error anywhere (`accepted`); when it has,
// the account says so above its records, and a record fit for the
// documents is not rejected for another record's error. A template that
// fails rejects no record either: the account says which template failed,
// and where.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/dataset.hpp"
#include "model/report.hpp"

namespace transform {

// The funds whose applications a document draws on. A document that states
// any figure of a fund (a count, a total, a list) depends on every
// application of that fund, so it uses them all.
struct DocumentScope {
    std::string name;                // the document's name: "tjansteutlatande"
    std::vector<std::string> funds;  // fund codes
    // The data other than applications it draws on (model::SourceRecord::feeds).
    std::vector<std::string> feeds;
    std::string file;  // the template's path: its errors are the template's, not the records'
};

// The scope of a document made from `template_source` (read from
// `template_file`): the funds and the other data its tags refer to.
DocumentScope scope_of(const std::string& name, const std::string& template_file, std::string_view template_source,
                       const model::Round& round);

// The data (model::SourceRecord::feeds) a template's tags draw on, by the
// view model's names (templates/README.md): {{#activities}} draws on the
// activities, {{table_1_3.…}} on the projects.
std::vector<std::string> feeds_named_in(std::string_view template_source);

// The fund codes (in the round's order) that a Mustache template refers to:
// a tag whose first name is a fund code in lower case
// ({{lum.total_granted.kronor}}, {{#mul.rejected.list}}), or one that covers
// every fund ({{#funds}}, {{total_granted.kronor}}, {{total_requested.…}}),
// as the view model names them (templates/README.md, "The values").
std::vector<std::string> funds_named_in(std::string_view template_source, const model::Round& round);

struct AccountEntry {
    core::SourceLocation where;
    std::string id;                      // "" when the record has none
    std::string title;                   // "" when the record has none
    std::vector<std::string> documents;  // used: the documents that use it
    std::string kept;                    // used, by no document of this build: what keeps it
    std::vector<std::string> reasons;    // rejected: why, one line each
};

struct FileAccount {
    std::string file;
    bool readable = false;  // false: nothing could be read; see `problems`
    int read = 0;           // the records the file held, as ingest counted them
    std::vector<AccountEntry> used;
    std::vector<AccountEntry> rejected;
    // Errors about the file rather than one record: it is missing, a header
    // column is unknown, reading stopped at a limit.
    std::vector<core::Diagnostic> problems;
};

struct DocumentAccount {
    std::string name;
    std::vector<std::string> ids;  // the applications it uses, by fund, in intake order
};

struct Account {
    std::string dataset;
    bool accepted = false;  // no errors: the documents are made from the used records
    int errors = 0;
    // Errors in the templates: no document is made, but no record is
    // rejected for them (they are also in `problems`).
    std::vector<core::Diagnostic> template_errors;
    std::vector<FileAccount> files;
    std::vector<DocumentAccount> documents;
    // Errors outside the application files: round.xml, templates, budgets.
    std::vector<core::Diagnostic> problems;

    int read() const;
    int used() const;
    int rejected() const;
};

// `report` must be transform::aggregate(dataset); `diagnostics` everything
// found for the dataset so far (ingest, validation, documents).
Account make_account(const model::Dataset& dataset, const model::Report& report,
                     const std::vector<DocumentScope>& documents, const core::Diagnostics& diagnostics);

// Why no document was made, when only templates failed: "a template
// problem, not the data's: the template failed at file:line:column: …";
// "" otherwise.
std::string template_note(const Account& account);

// For the case officer: a summary line, then each file with each record.
std::string to_text(const Account& account);
// For programs: the same content as one JSON object, without a final line
// break so that it can be embedded in a larger document.
std::string to_json(const Account& account);

}  // namespace transform
