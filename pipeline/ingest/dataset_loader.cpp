#include "ingest/dataset_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "ingest/final_report_readers.hpp"
#include "ingest/readers.hpp"
#include "ingest/values.hpp"
#include "ingest/xml_file.hpp"

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
    listed.insert(round.report_source);
    listed.insert(round.repayment_source);
    listed.insert(round.statistics_source);
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

// What earlier_rounds needs of a round.xml: its year and fund codes.
struct RoundKey {
    std::string directory;
    int year = 0;
    std::set<std::string> funds;
};

// <year>: four digits (schemas/round.xsd); anything else is no year here.
std::optional<int> year_of(const std::string& text) {
    if (text.size() != 4 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoi(text);
}

std::optional<RoundKey> peek_round(const std::string& directory) {
    core::Diagnostics ignored;  // the round's own build reports its problems
    const auto file = XmlFile::load((fs::path(directory) / kRoundFile).string(), ignored);
    if (!file || std::string(file->root().name()) != "round") return std::nullopt;
    RoundKey key{directory, 0, {}};
    const auto year = year_of(normalize_space(text_content(file->root().child("year"))));
    if (!year) return std::nullopt;
    key.year = *year;
    for (const auto& f : file->root().child("funds").children("fund"))
        key.funds.insert(normalize_space(f.attribute("code").as_string()));
    return key;
}

bool shares_a_fund(const RoundKey& a, const RoundKey& b) {
    for (const auto& code : a.funds)
        if (b.funds.count(code)) return true;
    return false;
}

// The folder that holds `directory`, relative when `directory` is, so that
// diagnostics name the earlier rounds as the user named the data.
fs::path parent_of(const std::string& directory) {
    auto normal = fs::path(directory).lexically_normal();
    if (normal.filename().empty()) normal = normal.parent_path();
    if (normal.filename() == "." || normal.filename() == "..") normal = fs::absolute(normal).lexically_normal();
    const auto parent = normal.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}


std::optional<model::Dataset> load_round_folder(const std::string& directory, core::Diagnostics& diagnostics) {
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
    if (!dataset.round.report_source.empty())
        dataset.reports = read_report_register((dir / dataset.round.report_source).string(), diagnostics);
    if (!dataset.round.repayment_source.empty())
        dataset.repayments = read_repayment_register((dir / dataset.round.repayment_source).string(), diagnostics);
    if (!dataset.round.statistics_source.empty())
        dataset.recipient_statistics =
            read_recipient_statistics((dir / dataset.round.statistics_source).string(), diagnostics);
    if (dataset.round.application_sources.empty())
        diagnostics.error(dataset.round.where, "round.xml lists no <sources><applications href=…/>");
    warn_unlisted_files(directory, dataset.round, diagnostics);
    return dataset;
}

// An earlier round is read with diagnostics of its own: its warnings belong
// to its own build, and its errors make its facts unusable here.
void load_earlier_rounds(model::Dataset& dataset, core::Diagnostics& diagnostics) {
    for (const auto& folder : earlier_rounds(dataset.directory)) {
        core::Diagnostics own;
        auto earlier = load_round_folder(folder, own);
        if (!earlier || own.has_errors()) {
            const auto first = own.items().empty() ? std::string() : "; the first: " + core::to_string(own.items().front());
            diagnostics.error(dataset.round.where, "the earlier round in " + folder + " has errors, so its grants and "
                                                   "reports cannot be used" + first);
            continue;
        }
        dataset.earlier.push_back(std::move(*earlier));
    }
}

}  // namespace

std::optional<model::Dataset> load_dataset(const std::string& directory, core::Diagnostics& diagnostics) {
    auto dataset = load_round_folder(directory, diagnostics);
    if (dataset) load_earlier_rounds(*dataset, diagnostics);
    return dataset;
}

std::vector<std::string> earlier_rounds(const std::string& directory) {
    const auto self = peek_round(directory);
    if (!self) return {};
    std::vector<RoundKey> found;
    std::error_code ec;
    for (const auto& sibling : find_datasets(parent_of(directory).string())) {
        if (fs::equivalent(sibling, directory, ec)) continue;
        const auto key = peek_round(sibling);
        if (key && key->year < self->year && shares_a_fund(*key, *self)) found.push_back(*key);
    }
    std::sort(found.begin(), found.end(), [](const RoundKey& a, const RoundKey& b) {
        return a.year != b.year ? a.year > b.year : a.directory < b.directory;
    });
    std::vector<std::string> folders;
    for (const auto& key : found) folders.push_back(key.directory);
    return folders;
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
