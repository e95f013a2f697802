#pragma once
// One application as text fields with their positions, whichever syntax it
// came in. The XML and CSV readers fill it; to_application() turns it into a
// model::Application the same way for both, so the two formats cannot drift.
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "ingest/readers.hpp"
#include "model/dataset.hpp"

namespace ingest {

struct Field {
    std::string text;
    core::SourceLocation where;
};

struct ApplicationRecord {
    core::SourceLocation where;                              // the record's start
    std::map<std::string, Field> fields;                     // keyed by the CSV column names of docs/formats.md
    std::vector<std::pair<std::string, Field>> assessments;  // criterion id -> rating word
};

// The field names (CSV column names; XML elements map onto them).
namespace field {
inline constexpr const char* kId = "id";
inline constexpr const char* kFund = "fond";
inline constexpr const char* kAdministration = "förvaltning";
inline constexpr const char* kUnit = "enhet";
inline constexpr const char* kTitle = "titel";
inline constexpr const char* kDestination = "studiebesök_till";
inline constexpr const char* kDescription = "beskrivning";
inline constexpr const char* kRequested = "sökt_belopp";
inline constexpr const char* kDecision = "beslut";
inline constexpr const char* kGranted = "beviljat_belopp";
inline constexpr const char* kMotivation = "motivering";
}  // namespace field

// Converts the text fields; reports unknown decision or rating words, amounts
// that are not amounts, criteria the fund does not have, missing required
// fields; `out.complete` is false when it reported any of these. Returns
// false when the record is unusable (no id or no fund).
bool to_application(const ApplicationRecord& record, const model::Round& round, core::Diagnostics& diagnostics,
                    model::Application& out);

// Converts `record` with to_application() and files it in `file`: the
// application when it can be named (it has an id, even with errors, so that
// validation can name it), and a model::SourceRecord either way, so that the
// record is counted as read. `end` is where the next record begins.
void add_record(const ApplicationRecord& record, const core::SourceLocation& end, const model::Round& round,
                core::Diagnostics& diagnostics, ApplicationFile& file);

}  // namespace ingest
