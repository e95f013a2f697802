#pragma once
// The fields case systems copy into the meeting notice and the minutes: a
// decision document's summary and its numbered decision points
// (house-style.md), taken from the doc tree, written as plain text and JSON
// beside the PDF.
//
// Which sections they are is a template convention, not a guess: the front
// matter names the headings (templates/README.md),
//   summary-section: Sammanfattning
//   decision-section: Förvaltningens förslag till beslut
// A section runs from its heading to the next heading of the same or a
// higher level. The decision points are the first numbered list in the
// decision section.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/node.hpp"
#include "document/template.hpp"

namespace casefields {

struct DecisionPoint {
    int number = 1;
    std::string text;
};

struct CaseFields {
    std::string title;
    std::string date;          // ISO, the document's date
    std::string diary_number;  // from the letterhead; may be empty
    std::string summary_heading;
    std::vector<std::string> summary;  // paragraphs; a line break is "\n"
    std::string decision_heading;
    std::vector<DecisionPoint> decision_points;
};

// The fields, when the template names both sections and the document has
// them; nullopt otherwise (check() reports why).
std::optional<CaseFields> extract(const doc::Document& document);

// Errors at the template's front matter when a named section is missing,
// empty, or the decision section has no numbered list, or only one of the
// two is named; a warning when a decision document (letterhead
// "Tjänsteutlåtande") names neither, so that it never silently lacks them.
void check(const doc::Document& document, const doc::Template& tmpl, core::Diagnostics& diagnostics);

// UTF-8 text: title, diary number and date, then the decision points
// ("1. ..."), then the summary, sections separated by a blank line.
std::string format_text(const CaseFields& fields);

// JSON (RFC 8259), keys in a fixed order, two-space indent.
std::string format_json(const CaseFields& fields);

}  // namespace casefields
