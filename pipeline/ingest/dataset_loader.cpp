#include "ingest/dataset_loader.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <functional>
#include <set>

#include "core/parallel.hpp"
#include "ingest/final_report_readers.hpp"
#include "ingest/fund_application_readers.hpp"
#include "ingest/readers.hpp"
#include "ingest/unlisted_files.hpp"
#include "ingest/values.hpp"
#include "ingest/file_access.hpp"
#include "ingest/xml_file.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace fs = std::filesystem;

namespace {

bool has_extension(const std::string& name, const char* extension) {
    const std::string ext = fs::path(name).extension().string();
    return ext.size() == std::string_view(extension).size() &&
           std::equal(ext.begin(), ext.end(), extension,
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// Nothing is lost silently: a file in the folder that round.xml does not
// list would never be read, so say so.
void warn_unlisted(const std::string& directory, const model::Round& round, core::Diagnostics& diagnostics) {
    std::vector<std::string> listed(round.application_sources.begin(), round.application_sources.end());
    listed.push_back(kRoundFile);
    for (const auto* name : {&round.report_source, &round.repayment_source, &round.statistics_source})
        if (!name->empty()) listed.push_back(*name);
    warn_unlisted_files(directory, listed, kRoundFile, diagnostics);
}

ApplicationFile read_application_file(const std::string& path, const model::Round& round,
                                      core::Diagnostics& diagnostics) {
    if (has_extension(path, ".csv")) return read_applications_csv(path, round, diagnostics);
    if (has_extension(path, ".xml")) return read_applications_xml(path, round, diagnostics);
    diagnostics.error({path, 0, 0}, core::tr("application files must be .csv or .xml"));
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

// Runs each read on up to `threads` threads, each into diagnostics of its
// own, then appends them in the order of `reads`: the diagnostics are the
// same, in the same order, as on one thread. Each thread confines its reads
// to the dataset (ConfineReads is per thread). The first exception, in the
// order of `reads`, is rethrown once all have finished.
void run_reads(const std::string& directory, const std::vector<std::function<void(core::Diagnostics&)>>& reads,
               unsigned threads, core::Diagnostics& diagnostics) {
    std::vector<core::Diagnostics> found(reads.size());
    std::vector<std::exception_ptr> failures(reads.size());
    core::parallel_for(reads.size(), threads, [&](std::size_t i) {
        const ConfineReads only_this_dataset(directory);
        try {
            reads[i](found[i]);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    });
    for (const auto& f : found) diagnostics.append(f);
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

std::optional<model::Dataset> load_round_folder(const std::string& directory, core::Diagnostics& diagnostics,
                                                unsigned threads) {
    const ConfineReads only_this_dataset(directory);
    const fs::path dir(directory);
    std::error_code ec;
    if (!fs::is_regular_file(dir / kRoundFile, ec) && fs::is_regular_file(dir / kReportFile, ec))
        return load_final_report(directory, diagnostics);
    if (!fs::is_regular_file(dir / kRoundFile, ec) && fs::is_regular_file(dir / kApplicationFile, ec))
        return load_fund_application(directory, diagnostics);
    auto round = read_round((dir / kRoundFile).string(), diagnostics);
    if (!round) return std::nullopt;
    model::Dataset dataset;
    dataset.name = fs::absolute(dir).lexically_normal().filename().string();
    if (dataset.name.empty()) dataset.name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
    dataset.directory = directory;
    dataset.round = std::move(*round);
    // Once round.xml is read, its files are independent of each other: a
    // large round's CSV and XML are read at once.
    const auto& r = dataset.round;
    std::vector<ApplicationFile> applications(r.application_sources.size());
    std::vector<std::function<void(core::Diagnostics&)>> reads;
    for (std::size_t i = 0; i < applications.size(); ++i)
        reads.push_back([&, i](core::Diagnostics& d) {
            applications[i] = read_application_file((dir / r.application_sources[i]).string(), r, d);
        });
    // The registers and statistics are accounted for as the applications
    // are: each row is a record of its file.
    model::SourceFile reports, repayments, statistics;
    if (!r.report_source.empty())
        reads.push_back([&](core::Diagnostics& d) {
            dataset.reports = read_report_register((dir / r.report_source).string(), d, reports);
        });
    if (!r.repayment_source.empty())
        reads.push_back([&](core::Diagnostics& d) {
            dataset.repayments = read_repayment_register((dir / r.repayment_source).string(), d, repayments);
        });
    if (!r.statistics_source.empty())
        reads.push_back([&](core::Diagnostics& d) {
            dataset.recipient_statistics =
                read_recipient_statistics((dir / r.statistics_source).string(), d, statistics);
        });
    run_reads(directory, reads, threads, diagnostics);
    for (auto& file : applications) add_file(std::move(file), dataset);
    if (!r.report_source.empty()) dataset.sources.push_back(std::move(reports));
    if (!r.repayment_source.empty()) dataset.sources.push_back(std::move(repayments));
    if (!r.statistics_source.empty()) dataset.sources.push_back(std::move(statistics));
    if (dataset.round.application_sources.empty())
        diagnostics.error(dataset.round.where, core::tr("round.xml lists no <sources><applications href=…/>"));
    warn_unlisted(directory, dataset.round, diagnostics);
    return dataset;
}

// An earlier round is read with diagnostics of its own: its warnings belong
// to its own build, and its errors make its facts unusable here.
void load_earlier_rounds(model::Dataset& dataset, core::Diagnostics& diagnostics) {
    for (const auto& [a, b] : ambiguous_earlier_rounds(dataset.directory))
        diagnostics.error(dataset.round.where,
                          core::tr("two earlier rounds of the same year and fund lie beside this one, {1} and {2}; "
                                   "fuel cannot tell which one the committee decided: move the copy out of the folder",
                                   a, b));
    for (const auto& folder : earlier_rounds(dataset.directory)) {
        core::Diagnostics own;
        auto earlier = load_round_folder(folder, own, 1);
        if (!earlier || own.has_errors()) {
            diagnostics.error(
                dataset.round.where,
                own.items().empty()
                    ? core::tr("the earlier round in {1} has errors, so its grants and reports cannot be used", folder)
                    : core::tr("the earlier round in {1} has errors, so its grants and reports cannot be used; the "
                               "first: {2}",
                               folder, core::to_string(own.items().front())));
            continue;
        }
        dataset.earlier.push_back(std::move(*earlier));
    }
}

}  // namespace

std::optional<model::Dataset> load_dataset(const std::string& directory, core::Diagnostics& diagnostics,
                                           unsigned threads) {
    auto dataset = load_round_folder(directory, diagnostics, threads);
    if (dataset) load_earlier_rounds(*dataset, diagnostics);
    return dataset;
}

std::string named_template_folder(const std::string& directory) {
    for (const auto* name : {kRoundFile, kReportFile, kApplicationFile}) {
        const auto path = fs::path(directory) / name;
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) continue;
        core::Diagnostics ignored;  // the build reports the file's problems
        const auto file = XmlFile::load(path.string(), ignored);
        return file ? normalize_space(text_content(file->root().child("template"))) : "";
    }
    return "";
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

namespace {

bool is_dataset(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / kRoundFile, ec) || fs::is_regular_file(dir / kReportFile, ec) ||
           fs::is_regular_file(dir / kApplicationFile, ec);
}

bool hidden(const fs::path& entry) { return entry.filename().string().rfind('.', 0) == 0; }

std::string lower_ascii(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// The entry in `dir` that looks like round.xml, report.xml or
// application.xml but is not it, or "".
std::string near_miss_in(const fs::path& dir) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        auto folded = lower_ascii(name);
        while (!folded.empty() && (folded.back() == ' ' || folded.back() == '.')) folded.pop_back();
        for (const std::string wanted : {kRoundFile, kReportFile, kApplicationFile})
            if (folded == wanted || folded == wanted + ".txt" || folded == wanted + ".bak") return name;
    }
    return "";
}

void add_near_miss(const fs::path& dir, std::vector<core::Diagnostic>& found) {
    if (is_dataset(dir)) return;
    const auto name = near_miss_in(dir);
    if (name.empty()) return;
    found.push_back({core::Severity::Error,
                     {(dir / name).string(), 0, 0},
                     core::tr("fuel looks for a file named exactly round.xml (a funding round), report.xml (a final "
                              "report) or application.xml (an application to a fund), in lower case; this folder "
                              "has \"{1}\" instead, so it was not read: rename the file",
                              name)});
}

}  // namespace

std::vector<std::string> find_datasets(const std::string& root) {
    std::vector<std::string> found;
    std::error_code ec;
    if (is_dataset(fs::path(root))) return {root};
    for (auto it = fs::directory_iterator(root, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (!hidden(it->path()) && it->is_directory(ec) && is_dataset(it->path())) found.push_back(it->path().string());
    std::sort(found.begin(), found.end());
    return found;
}

std::vector<core::Diagnostic> near_miss_datasets(const std::string& root) {
    std::vector<core::Diagnostic> found;
    if (is_dataset(fs::path(root))) return found;
    add_near_miss(fs::path(root), found);
    std::error_code ec;
    for (auto it = fs::directory_iterator(root, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (!hidden(it->path()) && it->is_directory(ec)) add_near_miss(it->path(), found);
    std::sort(found.begin(), found.end(),
              [](const core::Diagnostic& a, const core::Diagnostic& b) { return a.where.file < b.where.file; });
    return found;
}

std::vector<std::pair<std::string, std::string>> ambiguous_earlier_rounds(const std::string& directory) {
    const auto folders = earlier_rounds(directory);
    std::vector<RoundKey> keys;
    for (const auto& folder : folders)
        if (auto key = peek_round(folder)) keys.push_back(std::move(*key));
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t i = 0; i < keys.size(); ++i)
        for (std::size_t j = i + 1; j < keys.size(); ++j)
            if (keys[i].year == keys[j].year && shares_a_fund(keys[i], keys[j]))
                pairs.emplace_back(keys[i].directory, keys[j].directory);
    return pairs;
}

}  // namespace ingest
