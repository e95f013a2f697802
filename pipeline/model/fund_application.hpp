#pragma once
// model::FundApplication: one application from an administration to a fund
// (the competence fund) and the decision document that puts it before the
// committee, as read from application.xml and its budget file
// (docs/formats-application.md), each part with the place it came from.
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/source_location.hpp"
#include "model/final_report.hpp"

namespace model {

// A month of the project's period: 2005-03.
struct YearMonth {
    int year = 0;
    int month = 0;  // 1..12
    auto operator<=>(const YearMonth&) const = default;
};

// A person as the application names them (dataset.hpp's Person is the
// round's, which holds this file's model).
struct ApplicationPerson {
    std::string name;
    std::string title;
    std::string phone;
};

// One anchoring meeting of an administration (seed 001, "Förankring av
// projektet"): when it was, as exactly as the application gives it.
struct AnchoringMeeting {
    std::string body;                // "Samverkansgruppen"
    std::optional<core::Date> date;  // "den 21 januari 2005"
    std::optional<YearMonth> month;  // "januari 2005"
    std::optional<int> year;         // "under 2004"
    core::SourceLocation where;
};

enum class ApplicationRole { Applicant, Participant };

// An administration of the project; the one list from which the applicant,
// the participating administrations, the steering group and the anchoring
// schedule are all taken.
struct ApplyingAdministration {
    std::string name;        // "Farsta stadsdelsförvaltning"
    std::string short_name;  // "Farsta"; the name when not given
    ApplicationRole role = ApplicationRole::Participant;
    bool steering_group = false;
    std::vector<AnchoringMeeting> meetings;
    core::SourceLocation where;
};

struct StaffRole {
    int count = 0;
    bool lead = false;
    std::string title;  // "Projektledare (FUEL coach/koordinator)"
    std::string note;   // "1–2 tjänster per stadsdel"; may be empty
    std::string label;  // the name its description starts with; may be empty
    TextBlocks description;
    core::SourceLocation where;
};

// A need the preliminary study's participants described ("Om personalen").
struct Need {
    std::string about;
    TextBlocks blocks;
};

struct Attachment {
    std::string title;
    bool budget = false;  // the budget appendix this application's documents include
};

// One row of the budget file: a year, a cost type, an amount.
struct BudgetRow {
    int year = 0;
    std::string cost_type;
    Kronor amount = 0;  // whole kronor; the file gives tkr
    core::SourceLocation where;
};

struct ApplicationDecisionDocument {
    std::string committee;
    std::optional<core::Date> meeting_date;
    std::optional<core::Date> date;
    std::string diary_number;
    std::string prepared_by;
    std::string purpose;
    TextBlocks background;
    TextBlocks view;
};

struct FundApplication {
    std::string id;
    std::string template_name;
    core::Date date;
    std::string fund;  // "Kompetensfonden"
    std::string department;
    ApplicationPerson case_officer;
    std::string project_name;
    std::string subtitle;
    std::string project_kind;  // "försöksverksamhet"
    YearMonth period_from;
    YearMonth period_to;
    std::string lead_name;  // "" with lead_recruited_later
    bool lead_recruited_later = false;
    std::vector<ApplyingAdministration> administrations;  // in the file's order
    std::string joining_later;                            // may be empty
    TextBlocks background;
    TextBlocks anchoring_before;
    TextBlocks anchoring_after;
    TextBlocks goals;
    TextBlocks process;
    std::vector<Need> needs;
    TextBlocks coordination;
    TextBlocks partners_intro;
    std::string partners_operative, partners_strategic, partners_other_internal, partners_external;
    TextBlocks staffing_intro;
    std::vector<StaffRole> staff;
    TextBlocks follow_up;
    TextBlocks risk_analysis;
    YearMonth study_from;
    YearMonth study_to;
    TextBlocks study_financing;
    TextBlocks requested_note;
    std::vector<std::string> co_financing;
    std::vector<Attachment> attachments;
    std::vector<ApplicationPerson> signatories;
    ApplicationDecisionDocument decision;
    std::string budget_source;      // the budget file, relative to application.xml
    std::vector<BudgetRow> budget;  // file order
    core::SourceLocation where;

    // The administration with role applicant, or null.
    const ApplyingAdministration* applicant() const;
};

// Stable text dump for golden tests.
std::string dump(const FundApplication& application);

}  // namespace model
