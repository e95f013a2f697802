// A final-report folder (report.xml and the files it lists) -> model::Dataset
// with `final_report` set. Every file listed becomes a model::SourceFile of
// the dataset, so the account names each follow-up report and CSV row.
#include <algorithm>
#include <filesystem>
#include <set>

#include "ingest/final_report_readers.hpp"
#include "ingest/unlisted_files.hpp"

namespace ingest {

namespace fs = std::filesystem;

namespace {

// What the stages that serve both kinds of dataset read from `round`.
model::Round round_of(const model::FinalReport& r) {
    model::Round round;
    round.id = r.id;
    round.year = r.to_year;
    round.title = r.title;
    round.template_name = r.template_name;
    round.money_abbreviation = r.money_abbreviation;
    round.prepared_by = r.prepared_by;
    round.where = r.where;
    if (!r.prepared_by.empty()) round.administration = r.prepared_by.front();
    if (const auto& d = r.decision_document) {
        round.administration = d->administration;
        round.department = d->department;
        round.committee = d->committee;
        round.diary_number = d->diary_number;
        if (d->date)
            round.date = *d->date;
        else if (d->meeting_date)
            round.date = *d->meeting_date;
    }
    for (const auto& a : r.administrations)
        round.administrations.push_back({a.name, a.kind == model::ReportAdministrationKind::District
                                                     ? model::AdministrationKind::District
                                                     : model::AdministrationKind::Central});
    return round;
}

void read_follow_ups(const fs::path& dir, model::Dataset& dataset, core::Diagnostics& diagnostics) {
    auto& report = *dataset.final_report;
    for (const auto& href : report.follow_up_sources) {
        const auto path = (dir / href).string();
        model::SourceFile source{path, false, {}};
        if (auto project = read_follow_up(path, diagnostics)) {
            source.readable = true;
            model::SourceRecord record{project->where, {path, 0, 0}, project->id, "", -1, "", "projects"};
            for (const auto& s : project->title)
                if (s.kind == model::RichSpan::Kind::Text) record.title += s.text;
            source.records.push_back(record);
            report.projects.push_back(std::move(*project));
        }
        dataset.sources.push_back(std::move(source));
    }
}

void read_csvs(const fs::path& dir, const ReportSources& csv, model::Dataset& dataset, core::Diagnostics& diagnostics) {
    const std::pair<const std::string*, ReportCsv> files[] = {{&csv.activities, ReportCsv::Activities},
                                                              {&csv.networks, ReportCsv::Networks},
                                                              {&csv.study_trips, ReportCsv::StudyTrips},
                                                              {&csv.funds_consumption, ReportCsv::FundsConsumption},
                                                              {&csv.causes, ReportCsv::Causes},
                                                              {&csv.cause_changes, ReportCsv::CauseChanges},
                                                              {&csv.causes_by_age, ReportCsv::CausesByAge}};
    for (const auto& [href, kind] : files)
        if (!href->empty())
            dataset.sources.push_back(
                read_report_csv(kind, (dir / *href).string(), *dataset.final_report, diagnostics));
}

// As for a round: a file that report.xml does not list, at the top of the
// folder or beside the listed project files, would never be read.
void warn_unlisted(const fs::path& dir, const model::FinalReport& report, const ReportSources& csv,
                   core::Diagnostics& diagnostics) {
    std::vector<std::string> listed(report.follow_up_sources.begin(), report.follow_up_sources.end());
    for (const auto* s : {&csv.activities, &csv.networks, &csv.study_trips, &csv.funds_consumption, &csv.causes,
                          &csv.cause_changes, &csv.causes_by_age})
        if (!s->empty()) listed.push_back(*s);
    listed.push_back(kReportFile);
    warn_unlisted_files(dir.string(), listed, kReportFile, diagnostics);
}

}  // namespace

std::optional<model::Dataset> load_final_report(const std::string& directory, core::Diagnostics& diagnostics) {
    const fs::path dir(directory);
    ReportSources csv;
    auto report = read_report((dir / kReportFile).string(), csv, diagnostics);
    if (!report) return std::nullopt;
    model::Dataset dataset;
    dataset.name = fs::absolute(dir).lexically_normal().filename().string();
    if (dataset.name.empty()) dataset.name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
    dataset.directory = directory;
    dataset.round = round_of(*report);
    dataset.final_report = std::move(*report);
    read_follow_ups(dir, dataset, diagnostics);
    read_csvs(dir, csv, dataset, diagnostics);
    warn_unlisted(dir, *dataset.final_report, csv, diagnostics);
    return dataset;
}

}  // namespace ingest
