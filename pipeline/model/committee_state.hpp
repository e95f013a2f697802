#pragma once
// Where a dataset's documents stand with the committee, as its data says
// (<state> in round.xml and report.xml, docs/formats.md):
//   draft    no <state>, or nothing in it: documents follow the data;
//   sent     <sent date>: the documents went to the committee, and change
//            only by a recorded <revision> (each makes a new version);
//   decided  <decided date paragraph>: the committee decided on them; they
//            are a public record (allmän handling) and are sealed.
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/source_location.hpp"

namespace model {

struct Revision {
    core::Date date;
    std::string reason;  // one line, for the change report and the log
    core::SourceLocation where;
};

struct CommitteeState {
    enum class Stage { Draft, Sent, Decided };

    std::optional<core::Date> sent;
    std::vector<Revision> revisions;  // in date order
    std::optional<core::Date> decided;
    std::string paragraph;  // of the minutes: "§ 14"
    core::SourceLocation where;

    Stage stage() const { return decided ? Stage::Decided : sent ? Stage::Sent : Stage::Draft; }
    // The documents' version: 1, and one more for each revision.
    int version() const { return 1 + static_cast<int>(revisions.size()); }
};

// utkast / skickat / beslutat: the words of the status page and status.json.
const char* stage_word(CommitteeState::Stage stage);

// "beslutat 2024-12-17 § 14", "skickat 2024-12-10, version 2", "utkast".
std::string describe(const CommitteeState& state);

}  // namespace model
