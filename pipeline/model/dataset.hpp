#pragma once
// model::Dataset: the typed records of one funding round as read from its
// files, each with the place it came from. No parser types leak out of ingest.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/source_location.hpp"
#include "model/final_report.hpp"
#include "model/fund_application.hpp"

namespace model {

// Amounts are whole kronor: the committee decides in kronor, never öre.
using Kronor = std::int64_t;

enum class CriterionKind { Main, Priority };

struct Criterion {
    std::string id;  // "H1", "P2": the column name in CSV exports
    CriterionKind kind = CriterionKind::Main;
    std::string text;
};

struct Fund {
    std::string code;  // "LUM", "MUL"
    std::string name;  // "lokala utvecklingsmedel"
    Kronor budget = 0;
    std::optional<Kronor> max_per_application;
    std::vector<Criterion> criteria;
    core::SourceLocation where;
};

struct Person {
    std::string name;
    std::string title;
    std::string organisation;
    std::string phone;
};

// How a preparation step reads: "Ärendet har behandlats i X den ..." or
// "X har haft möjlighet att behandla ärendet den ...".
enum class StepForm { Treated, Offered };

struct PreparationStep {
    std::string body;  // "förvaltningsgruppen"
    core::Date date;
    StepForm form = StepForm::Treated;
};

struct Attestation {
    Person person;
    core::Date date;
};

enum class AdministrationKind { District, Central };

struct Administration {
    std::string name;
    AdministrationKind kind = AdministrationKind::District;
};

// The reports a grant must give (seed 004: "ska rapporteras både gällande
// ekonomi och genomförande").
enum class ReportKind { Economy, Implementation };

// When the reports of a round's grants are due: the condition printed in the
// decision letters; each grant's own requirement records the date that holds.
struct ReportDeadline {
    ReportKind kind = ReportKind::Economy;
    core::Date due;
};

// An application that may be granted money although its administration lacks
// an approved report for last year's grant, and why (round.xml <report-exceptions>).
struct ReportException {
    std::string application;  // an application id of this round
    std::string reason;
    core::SourceLocation where;
};

struct Round {
    std::string id;
    int year = 0;
    std::string title;
    std::string administration;  // the administration that writes the document
    std::string department;
    std::string committee;
    std::string diary_number;
    core::Date date;
    std::string template_name;
    std::string money_abbreviation = "mnkr";  // Språkrådet; the 2024 committee wrote "mkr"
    std::vector<Fund> funds;
    std::optional<core::Date> repayment_notice_deadline;
    std::vector<Person> case_officers;
    std::vector<Person> signatories;
    std::vector<std::string> prepared_by;
    std::vector<PreparationStep> preparation;
    std::vector<Attestation> attestations;
    std::vector<Administration> administrations;
    std::vector<std::string> application_sources;  // file names relative to the round
    std::vector<ReportDeadline> report_deadlines;
    std::vector<ReportException> report_exceptions;
    std::string report_source;      // the report register's file name; "" when none
    std::string repayment_source;   // the repayment register's file name; "" when none
    std::string statistics_source;  // the recipient statistics' file name; "" when none
    std::string letter_template;    // a folder under templates/ for the letters to applicants; "" none
    // A folder under templates/ for the evaluation of last year's grants; "" none.
    std::string evaluation_template;
    core::SourceLocation where;
};

enum class Rating { Meets, PartlyMeets, DoesNotMeet };

struct Assessment {
    std::string criterion_id;
    Rating rating = Rating::Meets;
};

enum class Decision { Granted, PartlyGranted, Rejected };

struct Application {
    std::string id;
    std::string fund;
    std::string administration;
    std::string unit;  // a unit within the administration; may be empty
    std::string title;
    std::string destination;  // study visits only
    std::string description;
    Kronor requested = 0;
    std::vector<Assessment> assessments;
    Decision decision = Decision::Rejected;
    Kronor granted = 0;
    std::string motivation;
    core::SourceLocation where;
    // False when ingest could not read some field (and said so): then the
    // rules that relate the fields are not checked, because an amount that
    // could not be read is 0 here and would only add misleading errors.
    bool complete = true;
};

// The committee's judgement of a received report.
enum class ReportVerdict { NotYetAssessed, Approved, Rejected };

// One report a grant owes: which, due when, received when, approved or not
// (the report register, docs/formats.md "Follow-up of grants").
struct ReportRequirement {
    std::string grant;  // the application id in the same round
    ReportKind kind = ReportKind::Economy;
    core::Date due;
    std::optional<core::Date> received;
    ReportVerdict verdict = ReportVerdict::NotYetAssessed;
    // What a received genomförande report says of the project's work after
    // the grant: implemented in ordinary work (true) or not (false); nullopt
    // when the register does not say (column implementerad).
    std::optional<bool> implemented;
    // The participants the genomförande report says the project reached
    // (column deltagare); nullopt when the register does not say.
    std::optional<std::int64_t> participants;
    std::string comment;
    core::SourceLocation where;
};

// Money of a grant given back (seed 004: "Beviljade LUM eller MUL som inte
// kan användas ska återbetalas"), with the date the notice was given.
struct Repayment {
    std::string grant;  // the application id in the same round
    core::Date notified;
    Kronor amount = 0;
    std::optional<core::Date> repaid;
    std::string comment;
    core::SourceLocation where;
};

// The number of recipients of financial assistance (försörjningsstöd,
// earlier socialbidrag) in one administration in one year, as the city's
// statistics count them (seed 002, appendix 1: bidragstagare, a twelve-month
// average); the file named by round.xml <statistics>. Negative counts are
// read as written, so that transform can name them.
struct RecipientCount {
    std::string administration;
    int year = 0;
    std::int64_t recipients = 0;
    core::SourceLocation where;
};

// One record as a data file held it, whether or not it became an
// Application (or a register row, a follow-up report, a final report's CSV
// row): the account of a build (transform/account.hpp) names every record
// read, so that none can be lost without a word.
struct SourceRecord {
    core::SourceLocation where;  // its start: the CSV line, the XML element
    // Where the next record (or the next element) begins: diagnostics from
    // `where` up to here are about this record. Line 0: the end of the file.
    core::SourceLocation end;
    std::string id;     // "" when the record has none
    std::string title;  // "" when the record has none
    // Its index in Dataset::applications; -1 when ingest could not keep it,
    // and then `dropped_because` says why.
    int application = -1;
    std::string dropped_because;
    // For a record that is not an application: the data it gives the
    // documents ("reports", "projects", "activities", ...; the names are
    // transform/account.hpp's). "" for an application.
    std::string feeds;
};

// A data file named in round.xml or report.xml <sources>, and what it held.
struct SourceFile {
    std::string file;  // its path, as diagnostics name it
    // False when its records could not be read at all: missing, too large,
    // undecodable, not well-formed, another root element or schema version.
    bool readable = false;
    std::vector<SourceRecord> records;  // every record it held, in file order
};

struct Dataset {
    std::string name;  // folder name, e.g. "lum-mul-2025"
    std::string directory;
    Round round;
    std::vector<Application> applications;
    // Every data file read (applications, registers, statistics, a final
    // report's projects and CSVs), in the order of <sources>.
    std::vector<SourceFile> sources;
    std::vector<ReportRequirement> reports;            // the report register, file order
    std::vector<Repayment> repayments;                 // the repayment register, file order
    std::vector<RecipientCount> recipient_statistics;  // file order
    // The earlier rounds of the same funds found beside this one in the data
    // folder (docs/formats.md, "Rounds across years"), the latest year first,
    // each as read from its own folder; their own `earlier` is empty. A grant
    // is named across years by its round and application id.
    std::vector<Dataset> earlier;
    // Set for a final-report dataset (a folder with report.xml); `round` then
    // holds the report's title, template and administrations so that the
    // stages that only need those work for both kinds.
    std::optional<FinalReport> final_report;
    // Set for an application dataset (a folder with application.xml); as
    // for a final report, `round` then holds its title, template, committee
    // and date for the stages that serve every kind.
    std::optional<FundApplication> fund_application;
};

const char* to_string(Decision decision);  // "beviljas", "beviljas delvis", "avslås"
const char* to_string(Rating rating);      // "uppfyller", "uppfyller delvis", "uppfyller inte"
std::optional<Decision> parse_decision(const std::string& text);
std::optional<Rating> parse_rating(const std::string& text);
const char* to_string(ReportKind kind);        // "ekonomi", "genomförande"
const char* to_string(ReportVerdict verdict);  // "", "godkänd", "ej godkänd"
std::optional<ReportKind> parse_report_kind(const std::string& text);
std::optional<ReportVerdict> parse_report_verdict(const std::string& text);  // "" is NotYetAssessed

// Stable text dump for golden tests.
std::string dump(const Dataset& dataset);

}  // namespace model
