#include "ingest/dataset_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "ingest/final_report_readers.hpp"
#include "ingest/readers.hpp"

namespace ingest {

namespace fs = std::filesystem;

namespace {

bool has_extension(const std::string& name, const char* extension) {
    const std::string ext = fs::path(name).extension().string();
    return ext.size() == std::string_view(extension).size() &&
           std::equal(ext.begin(), ext.end(), extension,
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// Nothing is lost silently: a data file in the folder that round.xml does
// not list would never be read, so say so.
void warn_unlisted_files(const std::string& directory, const model::Round& round, core::Diagnostics& diagnostics) {
    std::set<std::string> listed(round.application_sources.begin(), round.application_sources.end());
    listed.insert(kRoundFile);
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory, ec))
        if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        if (listed.count(name) || !(has_extension(name, ".csv") || has_extension(name, ".xml"))) continue;
        diagnostics.warning({(fs::path(directory) / name).string(), 0, 0},
                            "this file is not listed in round.xml <sources>, so it is not read");
    }
}

ApplicationFile read_application_file(const std::string& path, const model::Round& round,
                                      core::Diagnostics& diagnostics) {
    if (has_extension(path, ".csv")) return read_applications_csv(path, round, diagnostics);
    if (has_extension(path, ".xml")) return read_applications_xml(path, round, diagnostics);
    diagnostics.error({path, 0, 0}, "application files must be .csv or .xml");
    return ApplicationFile{{}, {path, false, {}}};
}

// Appends the file's applications, renumbering its records' indices.
void add_file(ApplicationFile file, model::Dataset& dataset) {
    const int first = static_cast<int>(dataset.applications.size());
    for (auto& record : file.source.records)
        if (record.application >= 0) record.application += first;
    for (auto& a : file.applications) dataset.applications.push_back(std::move(a));
    dataset.sources.push_back(std::move(file.source));
}

}  // namespace

std::optional<model::Dataset> load_dataset(const std::string& directory, core::Diagnostics& diagnostics) {
    const fs::path dir(directory);
    std::error_code ec;
    if (!fs::is_regular_file(dir / kRoundFile, ec) && fs::is_regular_file(dir / kReportFile, ec))
        return load_final_report(directory, diagnostics);
    auto round = read_round((dir / kRoundFile).string(), diagnostics);
    if (!round) return std::nullopt;
    model::Dataset dataset;
    dataset.name = fs::absolute(dir).lexically_normal().filename().string();
    if (dataset.name.empty()) dataset.name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
    dataset.directory = directory;
    dataset.round = std::move(*round);
    for (const auto& source : dataset.round.application_sources)
        add_file(read_application_file((dir / source).string(), dataset.round, diagnostics), dataset);
    if (dataset.round.application_sources.empty())
        diagnostics.error(dataset.round.where, "round.xml lists no <sources><applications href=…/>");
    warn_unlisted_files(directory, dataset.round, diagnostics);
    return dataset;
}

std::vector<std::string> find_datasets(const std::string& root) {
    std::vector<std::string> found;
    std::error_code ec;
    const auto is_dataset = [&ec](const fs::path& dir) {
        return fs::is_regular_file(dir / kRoundFile, ec) || fs::is_regular_file(dir / kReportFile, ec);
    };
    if (is_dataset(fs::path(root))) return {root};
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory() && is_dataset(entry.path()))
            found.push_back(entry.path().string());
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace ingest
