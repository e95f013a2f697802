// The Swedish words the exports use for decisions and ratings. They are part
// of the file formats (docs/formats.md), so they live with the model.
#include <array>
#include <utility>

#include "model/dataset.hpp"
#include "model/report.hpp"

namespace model {

namespace {

constexpr std::array<std::pair<Decision, const char*>, 3> kDecisions{{
    {Decision::Granted, "beviljas"},
    {Decision::PartlyGranted, "beviljas delvis"},
    {Decision::Rejected, "avslås"},
}};

constexpr std::array<std::pair<Rating, const char*>, 3> kRatings{{
    {Rating::Meets, "uppfyller"},
    {Rating::PartlyMeets, "uppfyller delvis"},
    {Rating::DoesNotMeet, "uppfyller inte"},
}};

constexpr std::array<std::pair<ReportKind, const char*>, 2> kReportKinds{{
    {ReportKind::Economy, "ekonomi"},
    {ReportKind::Implementation, "genomförande"},
}};

constexpr std::array<std::pair<ReportVerdict, const char*>, 3> kVerdicts{{
    {ReportVerdict::NotYetAssessed, ""},
    {ReportVerdict::Approved, "godkänd"},
    {ReportVerdict::Rejected, "ej godkänd"},
}};

template <typename T, std::size_t N>
const char* word_of(const std::array<std::pair<T, const char*>, N>& words, T value) {
    for (const auto& [v, word] : words)
        if (v == value) return word;
    return "?";
}

template <typename T, std::size_t N>
std::optional<T> value_of(const std::array<std::pair<T, const char*>, N>& words, const std::string& text) {
    for (const auto& [v, word] : words)
        if (text == word) return v;
    return std::nullopt;
}

}  // namespace

const char* to_string(ReportKind kind) { return word_of(kReportKinds, kind); }
const char* to_string(ReportVerdict verdict) { return word_of(kVerdicts, verdict); }
std::optional<ReportKind> parse_report_kind(const std::string& text) { return value_of(kReportKinds, text); }
std::optional<ReportVerdict> parse_report_verdict(const std::string& text) { return value_of(kVerdicts, text); }

const char* to_string(Decision decision) {
    for (const auto& [value, word] : kDecisions)
        if (value == decision) return word;
    return "?";
}

const char* to_string(Rating rating) {
    for (const auto& [value, word] : kRatings)
        if (value == rating) return word;
    return "?";
}

std::optional<Decision> parse_decision(const std::string& text) {
    for (const auto& [value, word] : kDecisions)
        if (text == word) return value;
    return std::nullopt;
}

std::optional<Rating> parse_rating(const std::string& text) {
    for (const auto& [value, word] : kRatings)
        if (text == word) return value;
    return std::nullopt;
}

bool GrantFollowUp::approved() const {
    for (const auto& r : reports)
        if (r.status != ReportStatus::ApprovedOnTime && r.status != ReportStatus::ApprovedLate) return false;
    return !reports.empty();
}

const FundSummary* Report::fund(const std::string& code) const {
    for (const auto& summary : funds)
        if (summary.fund && summary.fund->code == code) return &summary;
    return nullptr;
}

}  // namespace model
