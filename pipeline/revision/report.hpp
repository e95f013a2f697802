#pragma once
// The change report (tjansteutlatande-andringar): a ChangeReport as a
// doc::Document in Swedish, for the committee's secretary, laid out and
// written to PDF and HTML like every other document.
#include <string>
#include <vector>

#include "document/node.hpp"
#include "revision/compare.hpp"

namespace revision {

struct RevisionInfo {
    std::string document_title;               // the decision document's title
    std::vector<std::string> organisation;    // letterhead: {"Socialförvaltningen", "Avdelningen för …"}
    std::string diary_number;                 // "Dnr SoF 1.6-0612/2024"; may be empty
    std::string addressee = "Socialnämnden";  // letterhead "Till"; may be empty
    int version_before = 1;
    std::string date_before;  // ISO date (YYYY-MM-DD) of the earlier version
    int version_after = 2;
    std::string date_after;  // ISO date of the revision: the report's date
    std::string reason;      // why the document was revised; may be empty
};

// Title "Ändringar i tjänsteutlåtandet", which versions are compared and
// why, a count ("Tre ändringar i två avsnitt."; numbers to twelve in
// words, as the templates write them), then for each section with changes
// its heading and a table Ändring | Före | Efter in which the changed words
// are set in bold. With no changes, one line: "Inga ändringar i texten."
doc::Document change_report_document(const ChangeReport& report, const RevisionInfo& info);

}  // namespace revision
