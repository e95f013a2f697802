#pragma once
// The phases of job::run for one dataset, in the order run.cpp calls them:
//   prepare_dataset  ingest -> transform -> documents, and which documents
//                    must be rendered (content_keys.hpp); datasets in parallel
//   render_document  layout -> pdf, and the companions (companions.hpp), into
//                    the staging folder; documents in parallel
//   finish_dataset   keep the unchanged files, write the manifest, publish
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content_keys.hpp"
#include "document/build.hpp"
#include "job/job.hpp"
#include "job/archive.hpp"
#include "job/manifest.hpp"
#include "model/committee_state.hpp"

namespace job {

struct DocumentPlan {
    std::string name;
    std::string key;
    std::optional<ManifestDocument> kept;  // unchanged: keep the last good file; else render documents[i]
    // Filled by render_document.
    int pages = 0;
    std::vector<std::string> companions;  // file names, companions.hpp
    core::Diagnostics diagnostics;
    std::string failure;
    bool stopped = false;    // not rendered because the build was asked to stop (Spec::stop)
    bool disk_full = false;  // the failure was the disk filling up (folder_rules.hpp)
};

struct PreparedDataset {
    DatasetResult result;
    bool to_publish = false;  // false: result is final (errors, checked, unchanged)
    std::optional<Manifest> previous;
    std::string inputs;
    std::string template_name;
    std::string staging;
    // Owns the trees the plans point to; a tree is emptied once its files
    // are written (render_document), unless the version is archived after
    // publishing, which reads the titles.
    std::vector<doc::BuiltDocument> documents;
    std::vector<DocumentPlan> plans;
    // Warnings about this build's own output (a published file changed
    // since): reported once, not kept in the build record with the input's.
    core::Diagnostics output_warnings;
    // A document or the publishing failed because the disk was full; seen
    // while the staged files still took the space.
    bool disk_full = false;
    // The committee's handling (archive.hpp): a sent or decided dataset
    // whose version is not archived yet is archived once published.
    model::CommitteeState state;
    bool archive_after_publish = false;
    std::vector<std::string> template_folders;  // under Environment::templates_dir, as used

    std::size_t to_render() const;
};

struct RunContext {
    const Spec& spec;
    const Environment& environment;
    RunFingerprint fingerprint;
    // Threads for one dataset's templates: Spec::jobs shared among the
    // datasets prepared at once, so that the two levels do not multiply.
    unsigned template_threads = 1;
    // The dataset folders' digests, each made once in this build; none: each
    // made when asked.
    FolderDigests* folder_digests = nullptr;
    // Published, archived and font files' digests, remembered between
    // builds in OUT/.fuel-digests (file_digests.hpp).
    FileDigests* file_digests = nullptr;
    std::int64_t now() const;
};

// context.file_digests, or, where a context has none, one that compares
// nothing (as without a digest function).
FileDigests& file_digests(const RunContext& context);

std::string dataset_name(const std::string& directory);

PreparedDataset prepare_dataset(const std::string& directory, const RunContext& context);

// Lays out and writes plans[index] into the staging folder; never throws.
void render_document(PreparedDataset& dataset, std::size_t index, const RunContext& context);

// The tree of the dataset's document `name`, or nullptr.
doc::Document* find_tree(PreparedDataset& dataset, const std::string& name);

// The document trees of the dataset in `directory`, as a build makes them
// (ingest -> transform -> documents), with the context's templates; empty
// when the input has errors.
std::vector<doc::BuiltDocument> build_document_trees(const std::string& directory, const RunContext& context);

// archive.hpp, as a build uses it (dataset_archive.cpp):
// A sent or decided dataset whose current version is archived: the archive
// is checked, the inputs compared with it, and the published folder made
// the archived one again where it differs. True when it was handled so.
bool serve_archived(PreparedDataset& p, const std::string& directory, const RunContext& context);
// For a revised version: the documents marked as revised, and beside each
// of the round's documents a change report against the version before.
void add_revision_documents(PreparedDataset& p, const RunContext& context);
// Into the staging folder, for a revised version: each earlier version of
// each document as <name>-v<k>.pdf, recorded as its companion.
void add_earlier_versions(PreparedDataset& p, const RunContext& context);
// After publishing: archives the version when the state asks for it.
void archive_published(PreparedDataset& p, const std::string& directory, const RunContext& context);

// Publishes a dataset whose documents all rendered; otherwise reports the
// failure and leaves the last good documents in place. Never throws.
void finish_dataset(PreparedDataset& dataset, const RunContext& context);

// The documents of the last good build, as they are in out_dir/<dataset>/.
std::vector<DocumentResult> last_good_documents(const Manifest& manifest, const std::string& dataset_out);

}  // namespace job
