#include "ingest/application_record.hpp"

#include <algorithm>

#include "ingest/text_decoding.hpp"
#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

const Field* find(const ApplicationRecord& record, const char* name) {
    const auto it = record.fields.find(name);
    return it == record.fields.end() ? nullptr : &it->second;
}

std::string text(const ApplicationRecord& record, const char* name) {
    const Field* f = find(record, name);
    return f ? normalize_space(f->text) : std::string();
}

std::string required_text(const ApplicationRecord& record, const char* name, const std::string& who,
                          core::Diagnostics& diagnostics) {
    std::string value = text(record, name);
    if (value.empty()) {
        const Field* f = find(record, name);
        diagnostics.error(f ? f->where : record.where, core::tr("{1}: the field {2} is empty", who, name));
    }
    return value;
}

model::Kronor amount(const ApplicationRecord& record, const char* name, const std::string& who,
                     core::Diagnostics& diagnostics) {
    const Field* f = find(record, name);
    if (!f || normalize_space(f->text).empty()) {
        diagnostics.error(f ? f->where : record.where, core::tr("{1}: the field {2} is empty", who, name));
        return 0;
    }
    // The value parser does not know the record; name it in each message.
    core::Diagnostics found;
    const auto value = parse_amount(normalize_space(f->text), f->where, found);
    for (auto d : found.items()) {
        d.message = core::tr("{1}: {2}: {3}", who, name, d.message);
        diagnostics.add(std::move(d));
    }
    return value.value_or(0);
}

const model::Fund* find_fund(const model::Round& round, const std::string& code) {
    for (const auto& fund : round.funds)
        if (fund.code == code) return &fund;
    return nullptr;
}

void read_decision(const ApplicationRecord& record, const std::string& who, core::Diagnostics& diagnostics,
                   model::Application& out) {
    const std::string word = text(record, field::kDecision);
    if (auto decision = model::parse_decision(word)) {
        out.decision = *decision;
        return;
    }
    const Field* f = find(record, field::kDecision);
    if (word.empty())
        diagnostics.error(f ? f->where : record.where, core::tr("{1}: the field {2} is empty", who, field::kDecision));
    else
        diagnostics.error(
            f ? f->where : record.where,
            core::tr("{1}: the decision \"{2}\" is not one of beviljas, beviljas delvis, avslås", who, word));
}

void read_assessments(const ApplicationRecord& record, const model::Fund* fund, const std::string& who,
                      core::Diagnostics& diagnostics, model::Application& out) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda.
    for (const auto& assessment : record.assessments) {
        const std::string& criterion = assessment.first;
        const Field& value = assessment.second;
        const std::string word = normalize_space(value.text);
        if (word.empty()) continue;  // not assessed against this criterion
        const bool known = fund && std::any_of(fund->criteria.begin(), fund->criteria.end(),
                                               [&](const model::Criterion& c) { return c.id == criterion; });
        if (!known) {
            diagnostics.error(value.where,
                              core::tr("{1}: the fund {2} has no criterion {3}", who, out.fund, criterion));
            continue;
        }
        if (auto rating = model::parse_rating(word))
            out.assessments.push_back({criterion, *rating});
        else
            diagnostics.error(
                value.where,
                core::tr("{1}: the rating \"{2}\" for {3} is not one of uppfyller, uppfyller delvis, uppfyller inte",
                         who, word, criterion));
    }
}

// The title as messages name the record: cut after 60 characters, because
// an unclosed quote can make a "title" of the rest of the file.
std::string shown_title(const std::string& title) {
    constexpr std::size_t kMaxShown = 60;
    std::size_t pos = 0;
    for (std::size_t shown = 0; pos < title.size() && shown < kMaxShown; ++shown) {
        char32_t ignored = 0;
        const std::size_t length = decode_utf8(title, pos, ignored);
        pos += length == 0 ? 1 : length;
    }
    if (title.empty()) return "";
    return " (\"" + title.substr(0, pos) + (pos < title.size() ? "...\")" : "\")");
}

}  // namespace

bool to_application(const ApplicationRecord& record, const model::Round& round, core::Diagnostics& diagnostics,
                    model::Application& out) {
    const int errors_before = diagnostics.error_count();
    out.where = record.where;
    out.id = text(record, field::kId);
    const std::string quoted_title = shown_title(text(record, field::kTitle));
    if (out.id.empty()) {
        diagnostics.error(record.where,
                          core::tr("an application without an id{1}; it cannot be used or named", quoted_title));
        return false;
    }
    const std::string who = core::tr("application {1}{2}", out.id, quoted_title);
    out.fund = required_text(record, field::kFund, who, diagnostics);
    const model::Fund* fund = find_fund(round, out.fund);
    if (!out.fund.empty() && !fund) {
        const Field* f = find(record, field::kFund);
        diagnostics.error(f ? f->where : record.where, core::tr("{1}: the round has no fund \"{2}\"", who, out.fund));
    }
    out.administration = required_text(record, field::kAdministration, who, diagnostics);
    out.unit = text(record, field::kUnit);
    out.title = required_text(record, field::kTitle, who, diagnostics);
    out.destination = text(record, field::kDestination);
    out.description = text(record, field::kDescription);
    out.motivation = text(record, field::kMotivation);
    out.requested = amount(record, field::kRequested, who, diagnostics);
    out.granted = amount(record, field::kGranted, who, diagnostics);
    read_decision(record, who, diagnostics, out);
    read_assessments(record, fund, who, diagnostics, out);
    out.complete = diagnostics.error_count() == errors_before;
    return fund != nullptr;
}

void add_record(const ApplicationRecord& record, const core::SourceLocation& end, const model::Round& round,
                core::Diagnostics& diagnostics, ApplicationFile& file) {
    model::SourceRecord read;
    read.where = record.where;
    read.end = end;
    read.id = text(record, field::kId);
    read.title = text(record, field::kTitle);
    model::Application application;
    to_application(record, round, diagnostics, application);
    if (application.id.empty()) {
        read.dropped_because = core::tr("it has no id, so it cannot be named in a decision");
    } else {
        read.application = static_cast<int>(file.applications.size());
        file.applications.push_back(std::move(application));
    }
    file.source.records.push_back(std::move(read));
}

}  // namespace ingest
