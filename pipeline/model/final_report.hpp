#pragma once
// model::FinalReport: the typed records of a final report (slutrapport) as
// read from report.xml, the follow-up reports and the CSVs
// (docs/formats-final-report.md), each with the place it came from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/source_location.hpp"

namespace model {

using Kronor = std::int64_t;

// ---- Running text with references and footnotes ---------------------------

struct RichSpan;
using RichText = std::vector<RichSpan>;

// One piece of running text: characters, a reference to another project's
// section (<ref project to/>), or a footnote (<note>).
struct RichSpan {
    enum class Kind { Text, Ref, Note };
    Kind kind = Kind::Text;
    std::string text;     // Text
    std::string project;  // Ref: the first project
    std::string to;       // Ref: the last project of a range, or ""
    RichText note;        // Note: its text (may hold Ref, never Note)
    core::SourceLocation where;
};

enum class TextBlockKind { Paragraph, Quote, BulletList, NumberedList };

// A paragraph has one part; a quote one part per paragraph; a list one per item.
struct TextBlock {
    TextBlockKind kind = TextBlockKind::Paragraph;
    std::vector<RichText> parts;
};
using TextBlocks = std::vector<TextBlock>;

// ---- report.xml ------------------------------------------------------------

struct AreaText {
    std::string before;  // the project id it is printed before
    TextBlocks blocks;
    core::SourceLocation where;
};

struct AreaSubsection {
    std::string heading;
    TextBlocks blocks;
};

struct Area {
    std::string code;  // "SOC"
    std::string name;  // "socialmedicin"
    std::string heading;
    std::string column_heading;  // table 1.3's column; default: name, capitalised
    std::optional<int> table_column;
    std::vector<AreaText> texts;
    std::vector<AreaSubsection> subsections;
    core::SourceLocation where;
};

enum class ReportAdministrationKind { District, Central, Organisation };

struct ReportAdministration {
    std::string name;
    ReportAdministrationKind kind = ReportAdministrationKind::District;
    RichText note;  // footnote at its name in table 1.3; may be empty
};

struct EarlierReport {
    std::optional<core::Date> date;
    std::string title;
};

struct ReductionFigures {
    int from_year = 0;
    int to_year = 0;
    std::optional<double> reduction_percent;
    std::optional<double> district_max_percent;
    std::optional<double> district_min_percent;
};

struct Appendix {
    std::string title;
    bool is_report = false;  // this final report
};

struct DecisionDocument {
    std::string title;
    std::string administration;
    std::string department;
    std::string committee;
    std::string diary_number;
    std::optional<core::Date> date;
    std::optional<core::Date> meeting_date;
    std::string money_abbreviation = "mnkr";
    std::vector<std::string> signatories;
    std::vector<EarlierReport> earlier_reports;
    std::optional<ReductionFigures> goal;
    std::optional<ReductionFigures> result;
    std::vector<Appendix> appendices;
};

// ---- Follow-up reports -----------------------------------------------------

struct ProjectAdministration {
    std::string name;
    bool lead = false;
    core::SourceLocation where;
};

struct GrantDecision {
    bool extension = false;  // false: the grant, the first decision
    std::optional<int> year;
    Kronor amount = 0;
    core::SourceLocation where;
};

// Outcome figures by the element names of the format ("participants", ...).
struct OutcomeFigure {
    std::string name;
    long long value = 0;
    bool approx = false;
};

struct Outcome {
    std::optional<core::Date> as_of;
    std::vector<OutcomeFigure> figures;  // in the format's order
    const OutcomeFigure* find(const std::string& name) const;
};

enum class ReportingStatus { Reported, Incomplete, NotReported };

struct FollowUpReport {
    std::string id;    // "HAL-01"
    std::string area;  // "SOC"
    std::vector<ProjectAdministration> administrations;
    RichText title;  // may be empty; may hold a note
    std::vector<int> years;
    std::vector<GrantDecision> decisions;
    TextBlocks target_group;
    TextBlocks goal_and_purpose;
    TextBlocks experiences;
    std::optional<Outcome> outcome;
    bool implementation_planned = false;
    TextBlocks implementation_plans;
    TextBlocks proposals;
    std::string proposals_ref;  // the project that carries the proposals, or ""
    ReportingStatus status = ReportingStatus::Reported;
    std::string reminders;  // "", "several", or a number
    std::vector<core::Date> reminder_dates;
    TextBlocks coordinator_comment;
    std::string coordinator_comment_ref;  // the project that carries the comment, or ""
    std::string file;
    core::SourceLocation where;
    Kronor granted() const;  // the sum of its decisions
};

// ---- CSVs --------------------------------------------------------------------

// A date or period as the CSVs write it ("2003-05/2003-06"), kept as
// written; the document prints it in words.
struct CsvPeriod {
    std::string text;
};

struct Activity {
    CsvPeriod date;
    std::string type;  // seminarium, föreläsning, workshop, utbildning, konferens
    std::string title;
    std::string target_group;
    std::optional<long long> attendance;
    std::vector<std::string> description;  // paragraphs
    core::SourceLocation where;
};

struct Network {
    std::string name;
    std::vector<std::string> description;
    core::SourceLocation where;
};

struct StudyTrip {
    std::string type;  // studieresa, studiebesök
    std::string destination;
    CsvPeriod date;
    std::optional<long long> attendance;
    std::string report;
    core::SourceLocation where;
};

// Funds used, in whole kronor (the CSV gives tkr with up to three decimals).
struct Consumption {
    int year = 0;
    std::string committee;
    Kronor kronor = 0;
    core::SourceLocation where;
};

struct CauseCount {
    std::string cause;
    long long count = 0;
    core::SourceLocation where;
};

struct CauseChange {
    std::string cause;
    double percent = 0;
    core::SourceLocation where;
};

struct AgeCount {
    std::string cause;
    std::string age_group;
    long long count = 0;
    core::SourceLocation where;
};

struct FinalReport {
    std::string id;
    std::string title;
    int from_year = 0;
    int to_year = 0;
    std::string template_name;
    std::string money_abbreviation = "mnkr";
    std::vector<std::string> committees;
    std::vector<std::string> prepared_by;
    std::vector<Area> areas;
    std::vector<ReportAdministration> administrations;
    std::optional<DecisionDocument> decision_document;
    std::vector<std::string> follow_up_sources;  // paths relative to report.xml, in order
    std::vector<FollowUpReport> projects;        // in the order of <sources>
    std::vector<Activity> activities;
    std::vector<Network> networks;
    std::vector<StudyTrip> study_trips;
    std::vector<Consumption> consumption;
    std::vector<CauseCount> causes;
    std::string causes_month;  // "2003-12"
    std::vector<CauseChange> cause_changes;
    int cause_changes_from = 0;
    int cause_changes_to = 0;
    std::vector<AgeCount> causes_by_age;
    std::string causes_by_age_month;
    core::SourceLocation where;

    const Area* area(const std::string& code) const;
    const FollowUpReport* project(const std::string& id) const;
    const ReportAdministration* administration(const std::string& name) const;
};

const char* to_string(ReportingStatus status);  // "reported", "incomplete", "not-reported"

// Stable text dump for golden tests.
std::string dump(const FinalReport& report);

}  // namespace model
