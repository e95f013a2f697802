// An application folder (application.xml and the budget file it lists) ->
// model::Dataset with `fund_application` set. The budget file becomes a
// model::SourceFile of the dataset, so the account names each budget row.
#include <filesystem>

#include "ingest/fund_application_readers.hpp"
#include "ingest/unlisted_files.hpp"

namespace ingest {

namespace fs = std::filesystem;

namespace {

// What the stages that serve every kind of dataset read from `round`: the
// title, template, writer, committee and date of the documents.
model::Round round_of(const model::FundApplication& a) {
    model::Round round;
    round.id = a.id;
    round.year = a.date.year;
    round.title = "Ansökan om medel till " + a.project_kind + " " + a.project_name;
    round.template_name = a.template_name;
    if (const auto* applicant = a.applicant()) round.administration = applicant->name;
    round.department = a.department;
    round.committee = a.decision.committee;
    round.diary_number = a.decision.diary_number;
    round.date = a.decision.date.value_or(a.date);
    round.case_officers.push_back({a.case_officer.name, a.case_officer.title, "", a.case_officer.phone});
    for (const auto& p : a.signatories) round.signatories.push_back({p.name, p.title, "", p.phone});
    for (const auto& ad : a.administrations)
        round.administrations.push_back({ad.name, ad.role == model::ApplicationRole::Applicant
                                                      ? model::AdministrationKind::Central
                                                      : model::AdministrationKind::District});
    round.where = a.where;
    return round;
}

}  // namespace

std::optional<model::Dataset> load_fund_application(const std::string& directory, core::Diagnostics& diagnostics) {
    const fs::path dir(directory);
    auto application = read_fund_application((dir / kApplicationFile).string(), diagnostics);
    if (!application) return std::nullopt;
    model::Dataset dataset;
    dataset.name = fs::absolute(dir).lexically_normal().filename().string();
    if (dataset.name.empty()) dataset.name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
    dataset.directory = directory;
    dataset.round = round_of(*application);
    dataset.fund_application = std::move(*application);
    auto& a = *dataset.fund_application;
    std::vector<std::string> listed{kApplicationFile};
    if (!a.budget_source.empty()) {
        dataset.sources.push_back(read_budget_csv((dir / a.budget_source).string(), a, diagnostics));
        listed.push_back(a.budget_source);
    }
    // As for a round: a file that application.xml does not list would never
    // be read, so it is named.
    warn_unlisted_files(dir.string(), listed, kApplicationFile, diagnostics);
    return dataset;
}

}  // namespace ingest
