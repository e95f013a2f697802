// job::run: find the datasets, take the output folder's lock, prepare the
// datasets and render their documents on Spec::jobs threads, publish each
// dataset as soon as its last document is written.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "core/parallel.hpp"
#include "document/markdown_to_doc.hpp"
#include "ingest/dataset_loader.hpp"
#include "ingest/xml_schema.hpp"
#include "job/build_plan.hpp"
#include "job/job.hpp"
#include "job/output_lock.hpp"
#include "job/publish.hpp"

namespace job {

namespace {

DatasetResult no_dataset_here(const Spec& spec) {
    DatasetResult none;
    none.name = spec.data_dir;
    none.directory = spec.data_dir;
    none.diagnostics.error({spec.data_dir, 0, 0}, std::string("no dataset here: a dataset is a folder with a ") +
                                                      ingest::kRoundFile + " (docs/formats.md) or a " +
                                                      "report.xml (docs/formats-final-report.md)");
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
    // After the documents, the datasets' views are freed: the indexes are
    // handed out in order, so a thread that has no document left frees one
    // while the others still write theirs.
    core::parallel_for(items.size() + prepared.size(), context.spec.jobs, [&](std::size_t k) {
        if (k >= items.size()) {
            prepared[k - items.size()].view.reset();
            return;
        }
        auto& dataset = prepared[items[k].dataset];
        render_document(dataset, items[k].document, context);
        counter.add(1);
        if (remaining[items[k].dataset].fetch_sub(1) == 1) finish_dataset(dataset, context);
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

Result run(const Spec& spec, const Environment& environment, const Progress& progress,
           const DocumentProgress& document_progress) {
    Result result;
    const auto directories = ingest::find_datasets(spec.data_dir);
    if (directories.empty()) {
        result.datasets.push_back(no_dataset_here(spec));
        if (progress) progress(result.datasets.back(), 1, 1);
        return result;
    }
    std::optional<OutputLock> lock;
    if (!spec.check_only) {
        lock.emplace(spec.out_dir, spec.wait_for_lock, spec.stop);
        recover_interrupted(spec.out_dir);
    }
    const auto datasets_at_once =
        static_cast<unsigned>(std::min<std::size_t>(std::max(spec.jobs, 1u), directories.size()));
    const RunContext context{spec, environment, spec.check_only ? RunFingerprint{} : fingerprint_run(environment),
                             std::max(1u, spec.jobs / datasets_at_once)};
    register_markdown_extensions();
    // libxml2 is initialised and the XSDs parsed here, before the threads.
    ingest::prepare_xml_schemas();
    std::vector<PreparedDataset> prepared(directories.size());
    core::parallel_for(directories.size(), spec.jobs,
                       [&](std::size_t i) { prepared[i] = prepare_dataset(directories[i], context); });
    render_all(prepared, context, document_progress);
    if (!spec.check_only) tidy_staging(spec.out_dir);
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        fill_outputs(prepared[i].result);
        result.datasets.push_back(std::move(prepared[i].result));
        if (progress) progress(result.datasets.back(), i + 1, prepared.size());
    }
    return result;
}

DatasetResult run_dataset(const std::string& directory, const Spec& spec, const Environment& environment) {
    Spec one = spec;
    one.data_dir = directory;
    auto result = run(one, environment);
    return std::move(result.datasets.front());
}

}  // namespace job
