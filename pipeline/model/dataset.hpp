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

namespace model {

// Amounts are whole kronor: the committee decides in kronor, never öre.
using Kronor = std::int64_t;

enum class CriterionKind { Main, Priority };

struct Criterion {
    std::string id;    // "H1", "P2": the column name in CSV exports
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
    std::string unit;         // a unit within the administration; may be empty
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

// One record as an application file held it, whether or not it became an
// Application: the account of a build (transform/account.hpp) names every
// record read, so that none can be lost without a word.
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
};

// An application file named in round.xml <sources>, and what it held.
struct SourceFile {
    std::string file;     // its path, as diagnostics name it
    // False when its records could not be read at all: missing, too large,
    // undecodable, not well-formed, another root element or schema version.
    bool readable = false;
    std::vector<SourceRecord> records;  // every record it held, in file order
};

struct Dataset {
    std::string name;       // folder name, e.g. "lum-mul-2025"
    std::string directory;
    Round round;
    std::vector<Application> applications;
    std::vector<SourceFile> sources;  // in the order of round.xml <sources>
    // Set for a final-report dataset (a folder with report.xml); `round` then
    // holds the report's title, template and administrations so that the
    // stages that only need those work for both kinds.
    std::optional<FinalReport> final_report;
};

const char* to_string(Decision decision);     // "beviljas", "beviljas delvis", "avslås"
const char* to_string(Rating rating);         // "uppfyller", "uppfyller delvis", "uppfyller inte"
std::optional<Decision> parse_decision(const std::string& text);
std::optional<Rating> parse_rating(const std::string& text);

// Stable text dump for golden tests.
std::string dump(const Dataset& dataset);

}  // namespace model
