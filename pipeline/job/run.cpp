// job::run: find the datasets, take the output folder's lock, prepare the
// datasets and render their documents on Spec::jobs threads, publish each
// dataset as soon as its last document is written.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "core/memory.hpp"
#include "core/parallel.hpp"
#include "document/content_size.hpp"
#include "document/markdown_to_doc.hpp"
#include "ingest/dataset_loader.hpp"
#include "ingest/xml_schema.hpp"
#include "job/build_plan.hpp"
#include "job/document_budget.hpp"
#include "job/folder_rules.hpp"
#include "job/job.hpp"
#include "job/output_lock.hpp"
#include "job/publish.hpp"
#include "job/render_resources.hpp"
#include "core/messages.hpp"

namespace job {

namespace {

DatasetResult no_dataset_here(const Spec& spec) {
    DatasetResult none;
    none.name = spec.data_dir;
    none.directory = spec.data_dir;
    none.diagnostics.error(
        {spec.data_dir, 0, 0},
        core::tr("no dataset here: a dataset is a folder with a {1} (docs/formats.md) or a report.xml "
                 "(docs/formats-final-report.md) or an application.xml (docs/formats-application.md)",
                 ingest::kRoundFile));
    return none;
}

// cmark-gfm registers its extensions in a global list on first use, without
// a lock (cmark_gfm_core_extensions_ensure_registered); after that, parsers
// on different threads share nothing mutable. Parse once before any thread.
void register_markdown_extensions() { doc::markdown_to_inlines(""); }

// Counts finished documents for DocumentProgress, one caller at a time.
class DocumentCounter {
public:
    DocumentCounter(const DocumentProgress& report, std::size_t total) : report_(report), total_(total) {}
    void add(std::size_t n) {
        if (!report_) return;
        std::lock_guard<std::mutex> hold(mutex_);
        done_ += n;
        report_(done_, total_);
    }

private:
    const DocumentProgress& report_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::mutex mutex_;
};

struct RenderItem {
    std::size_t dataset;
    std::size_t document;
};

void render_all(std::vector<PreparedDataset>& prepared, const RunContext& context,
                const DocumentProgress& document_progress) {
    std::vector<RenderItem> items;
    std::size_t total = 0, kept = 0;
    for (std::size_t d = 0; d < prepared.size(); ++d) {
        total += prepared[d].plans.size();
        kept += prepared[d].plans.size() - prepared[d].to_render();
        for (std::size_t i = 0; i < prepared[d].plans.size(); ++i)
            if (!prepared[d].plans[i].kept) items.push_back({d, i});
    }
    // Datasets with nothing to render publish at once (their unchanged
    // files); the others when their last document is written.
    auto remaining = std::make_unique<std::atomic<std::size_t>[]>(prepared.size());
    for (std::size_t d = 0; d < prepared.size(); ++d) {
        remaining[d] = prepared[d].to_render();
        if (remaining[d] == 0) finish_dataset(prepared[d], context);
    }
    DocumentCounter counter(document_progress, total);
    if (total > 0) counter.add(kept);
    // The size of each document to make, for the budget of what is made at
    // once (document_budget.hpp).
    std::vector<std::size_t> sizes(items.size(), 0);
    for (std::size_t k = 0; k < items.size(); ++k) {
        auto& dataset = prepared[items[k].dataset];
        if (const doc::Document* tree = find_tree(dataset, dataset.plans[items[k].document].name))
            sizes[k] = doc::content_size(tree->body);
    }
    DocumentBudget budget;
    core::parallel_for(items.size(), context.spec.jobs, [&](std::size_t k) {
        const auto& item = items[k];
        auto& dataset = prepared[item.dataset];
        {
            const BudgetShare share(budget, sizes[k]);
            render_document(dataset, item.document, context);
            // What the document held is free now; the allocator keeps freed
            // pages unless asked to return them, and a large round's other
            // documents would otherwise build on top of this one's
            // high-water mark (docs/memory.md). Before the share is given
            // back, so that a document waiting for it starts after.
            core::release_free_memory();
        }
        counter.add(1);
        if (remaining[item.dataset].fetch_sub(1) == 1) finish_dataset(dataset, context);
    });
}

void fill_outputs(DatasetResult& d) {
    d.outputs.clear();
    d.page_counts.clear();
    for (const auto& document : d.documents) {
        d.outputs.push_back(document.path);
        d.page_counts.push_back(document.pages);
    }
}

}  // namespace

int Result::exit_code() const {
    int code = 0;
    for (const auto& d : datasets) {
        if (d.outcome == Outcome::InternalFailure) return 3;
        if (d.outcome == Outcome::InputErrors) code = 1;
    }
    return code;
}

bool Result::stopped() const {
    return std::any_of(datasets.begin(), datasets.end(),
                       [](const DatasetResult& d) { return d.outcome == Outcome::Stopped; });
}

std::size_t Result::documents_rebuilt() const {
    std::size_t n = 0;
    for (const auto& d : datasets)
        if (d.outcome == Outcome::Built || d.outcome == Outcome::Unchanged)
            for (const auto& document : d.documents) n += document.rebuilt ? 1 : 0;
    return n;
}

std::size_t Result::documents_kept() const {
    std::size_t n = 0;
    for (const auto& d : datasets)
        if (d.outcome == Outcome::Built || d.outcome == Outcome::Unchanged)
            for (const auto& document : d.documents) n += document.rebuilt ? 0 : 1;
    return n;
}

std::size_t Result::datasets_failed() const {
    std::size_t n = 0;
    for (const auto& d : datasets) n += d.outcome == Outcome::InputErrors || d.outcome == Outcome::InternalFailure;
    return n;
}

namespace {

// The lock, taken in a folder that may not exist yet: a folder that cannot
// be made or written is the operator's to fix (exit 2), not a failure of fuel.
void lock_output(std::optional<OutputLock>& lock, const Spec& spec) {
    try {
        lock.emplace(spec.out_dir, spec.wait_for_lock, spec.stop);
    } catch (const std::system_error& e) {
        if (e.code() == std::errc::no_space_on_device || disk_is_full(spec.out_dir))
            throw SettingsError(
                core::tr("the disk holding the output folder '{1}' is full; nothing was written", spec.out_dir));
        throw SettingsError(core::tr(
            "the output folder '{1}' cannot be created or written ({2}); give another --out or fix its permissions",
            spec.out_dir, e.code().message()));
    }
}

// After the documents: a dataset that failed because the disk filled up is
// the disk's fault, and the operator must hear that, not "internal failure".
void report_full_disk(const std::vector<PreparedDataset>& prepared, const Spec& spec) {
    std::size_t failed = 0;
    bool full = false;
    for (const auto& p : prepared) {
        failed += p.result.outcome == Outcome::InternalFailure;
        full = full || p.disk_full;
    }
    if (failed == 0 || !(full || disk_is_full(spec.out_dir))) return;
    throw SettingsError(
        core::tr("the disk holding the output folder '{1}' is full: {2} of {3} datasets could not be written, and "
                 "their last good documents stay in place",
                 spec.out_dir, std::to_string(failed), std::to_string(prepared.size())));
}

}  // namespace

Result run(const Spec& spec, const Environment& environment, const Progress& progress,
           const DocumentProgress& document_progress) {
    Result result;
    check_folders(spec, environment);
    const auto directories = ingest::find_datasets(spec.data_dir);
    // A folder meant as a dataset whose round.xml is misspelt is an error
    // of its own, not silently left out.
    for (const auto& miss : ingest::near_miss_datasets(spec.data_dir)) {
        DatasetResult missed;
        missed.directory = std::filesystem::path(miss.where.file).parent_path().string();
        missed.name = dataset_name(missed.directory);
        missed.diagnostics.add(miss);
        result.datasets.push_back(std::move(missed));
    }
    if (directories.empty()) {
        if (!result.datasets.empty()) {
            for (std::size_t i = 0; i < result.datasets.size(); ++i)
                if (progress) progress(result.datasets[i], i + 1, result.datasets.size());
            return result;
        }
        result.datasets.push_back(no_dataset_here(spec));
        if (progress) progress(result.datasets.back(), 1, 1);
        return result;
    }
    std::optional<OutputLock> lock;
    if (!spec.check_only) {
        lock_output(lock, spec);
        std::vector<std::string> names;
        for (const auto& directory : directories) names.push_back(dataset_name(directory));
        check_replaceable(spec.out_dir, names);
        recover_interrupted(spec.out_dir);
    }
    const auto datasets_at_once =
        static_cast<unsigned>(std::min<std::size_t>(std::max(spec.jobs, 1u), directories.size()));
    FolderDigests folder_digests(environment.digest);
    // A check writes nothing, so it keeps no record either.
    FileDigests file_digests =
        spec.check_only ? FileDigests(environment.digest)
                        : FileDigests(environment.digest, std::filesystem::path(spec.out_dir) / kFileDigestsFile);
    const RunContext context{spec,
                             environment,
                             spec.check_only ? RunFingerprint{} : fingerprint_run(environment, file_digests, spec.jobs),
                             std::max(1u, spec.jobs / datasets_at_once),
                             &folder_digests,
                             &file_digests};
    register_markdown_extensions();
    // libxml2 is initialised and the XSDs parsed here, before the threads.
    ingest::prepare_xml_schemas();
    // No thread may still read fonts when the build returns, be it with an
    // exception (render_resources.hpp).
    const struct PreloadsFinished {
        ~PreloadsFinished() { finish_preloads(); }
    } preloads_finished;
    std::vector<PreparedDataset> prepared(directories.size());
    core::parallel_for(directories.size(), spec.jobs,
                       [&](std::size_t i) { prepared[i] = prepare_dataset(directories[i], context); });
    core::release_free_memory();  // what ingest and the checks freed (see render_all)
    render_all(prepared, context, document_progress);
    if (!spec.check_only) {
        // The record describes files of the dataset folders fuel made: an
        // output folder holding none (every dataset failed on a first
        // build) is left as it was, without it.
        if (std::any_of(directories.begin(), directories.end(), [&](const std::string& directory) {
                std::error_code ec;
                return std::filesystem::exists(
                    std::filesystem::path(spec.out_dir) / dataset_name(directory) / kManifestFile, ec);
            }))
            file_digests.save();
        tidy_staging(spec.out_dir);
        report_full_disk(prepared, spec);
    }
    const auto missed = result.datasets.size();
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        fill_outputs(prepared[i].result);
        result.datasets.push_back(std::move(prepared[i].result));
    }
    std::sort(result.datasets.begin(), result.datasets.end(),
              [](const DatasetResult& a, const DatasetResult& b) { return a.directory < b.directory; });
    for (std::size_t i = 0; i < result.datasets.size(); ++i)
        if (progress) progress(result.datasets[i], i + 1, missed + prepared.size());
    return result;
}

DatasetResult run_dataset(const std::string& directory, const Spec& spec, const Environment& environment) {
    Spec one = spec;
    one.data_dir = directory;
    auto result = run(one, environment);
    return std::move(result.datasets.front());
}

}  // namespace job
