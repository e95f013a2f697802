#pragma once
// job::run: the library entry point that wires the stages together. The CLI,
// the nightly service and the end-to-end tests all call it; it has no Poco and
// no hidden inputs (files, fonts, templates, the clock and the content digest
// come through Environment).
//
// A build (not a check) of an output folder:
//   - holds the folder's lock file for its whole run (output_lock.hpp), so
//     that two builds never write the same folder;
//   - renders documents on `Spec::jobs` threads, one libharu document per
//     thread (docs/libraries.md §1.7); the bytes do not depend on the count;
//   - skips a document whose key (inputs + its template + fonts + generator,
//     content_keys.hpp) equals the key of its last good build;
//   - publishes each dataset's documents as one set (publish.hpp): a build
//     killed at any moment leaves every dataset folder wholly old or wholly
//     new.
#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "layout/hyphenation.hpp"
#include "pdf/writer.hpp"

namespace job {

// A content digest of bytes, as lower-case hex (SHA-256 in fuel). Supplied by
// the caller so that job/ needs no crypto library of its own.
using Digest = std::function<std::string(std::string_view bytes)>;

struct Environment {
    std::string templates_dir = "templates";
    pdf::FontFiles fonts = pdf::FontFiles::liberation();
    // libhyphen patterns for justified paragraphs and narrow table cells;
    // by default Debian's hyphen-sv.
    std::string hyphenation_patterns = layout::kSwedishHyphenationPatterns;
    // Incremental builds need both: without a digest every document is
    // rendered; `generator` names the program that renders ("fuel 0.1.0
    // build <id>"), so a new program rebuilds everything.
    Digest digest;
    std::string generator;
    // Seconds since the epoch; recorded as each document's build time.
    std::function<std::int64_t()> clock;
};

struct Spec {
    std::string data_dir = "fixtures";  // a dataset folder, or a folder of them
    std::string out_dir = "output";     // documents go to out_dir/<dataset>/
    // Sent and decided documents are kept here (archive.hpp); empty: the
    // folder "archive" beside out_dir.
    std::string archive_dir;
    bool check_only = false;     // validate, write nothing
    unsigned jobs = 1;           // documents built at once (threads)
    bool wait_for_lock = false;  // another build holds out_dir: wait, or throw OutputBusy
    // Not empty: build only this document of each dataset (`fuel build
    // --document NAME`): the dataset's other documents stay as last
    // published, files and manifest entries, even where their inputs
    // changed (the manifest keeps the key they were made from, so the next
    // full build makes them again); one never published is not made. A sent
    // or decided dataset is archived whole and is refused (nothing decided
    // is rewritten); a dataset without the document is an error.
    std::string only_document;
    // Set from another thread to stop early (SIGTERM, SIGINT): a dataset
    // whose documents are all written is still published, whole; the others
    // keep their last good documents and are reported as Stopped.
    const std::atomic<bool>* stop = nullptr;
    // Make a sent or decided dataset's documents anew from its current
    // inputs and templates, as for a draft: no archive is read or written,
    // and a revised version gets no change report. For `fuel preview`, whose
    // documents are a look at what the templates make, never what the
    // committee got (that stays in the archive).
    bool ignore_archive = false;
    // False: the published folders are not flushed to disk (publish.hpp,
    // Durability::Scratch); for `fuel preview`'s scratch folder, removed
    // when it stops, where a power loss loses nothing worth keeping.
    bool durable = true;
};

// Unchanged: every document was up to date; nothing was rendered and the
// published folder was left as it was. Stopped: the build was asked to stop
// (Spec::stop) before this dataset was published; its last good documents
// stay in place. It is neither an error of the input nor of fuel.
enum class Outcome { Built, Unchanged, Checked, InputErrors, InternalFailure, Stopped };

struct DocumentResult {
    std::string name;  // the template's name: tjansteutlatande
    std::string path;  // out_dir/<dataset>/<name>.pdf
    int pages = 0;
    bool rebuilt = false;       // false: the file of an earlier build, kept
    std::int64_t built_at = 0;  // its last good build, seconds since the epoch
    // The files beside the PDF (out_dir/<dataset>/<name>.html, .docx, .xlsx, .txt,
    // .json), made from the same document tree (companions.hpp).
    std::vector<std::string> companions;
};

struct DatasetResult {
    std::string name;
    std::string directory;
    Outcome outcome = Outcome::InputErrors;
    core::Diagnostics diagnostics;  // Unchanged: those of the build that made the documents
    // The documents now in out_dir/<dataset>/. After a failure, those of the
    // last good build (kept in place), or none.
    std::vector<DocumentResult> documents;
    std::vector<std::string> outputs;  // documents[i].path, for callers that need only the files
    std::vector<int> page_counts;      // documents[i].pages
    std::int64_t last_good_build = 0;  // when out_dir/<dataset>/ was last published; 0: never
    std::string failure;               // for InternalFailure: what went wrong
    // The account of this run (transform/account.hpp): every record read,
    // used by a document or rejected with the reason. Empty when the
    // dataset could not be read at all, or was unchanged (the account of
    // the build that made the documents is in out_dir/<dataset>/).
    // Where the documents stand with the committee (model::CommitteeState):
    // "utkast", "skickat" or "beslutat", and the words with date and §.
    std::string stage = "utkast";
    std::string state_text = "utkast";
    // For a sent or decided dataset, what the archive did, for the log:
    // "decided 2024-12-17 § 14: sealed, 3 documents unchanged".
    std::string archive_note;
    std::string account_text;
    std::string account_json;
    int records_read = 0, records_used = 0, records_rejected = 0;
    // When only templates failed: "a template problem, not the data's: the
    // template failed at file:line:column: …" (transform::template_note);
    // "" otherwise.
    std::string account_note;
};

// The account's files in out_dir/<dataset>/, beside the documents they
// account for: for a person, and for programs.
inline constexpr const char* kAccountTextFile = "account.txt";
inline constexpr const char* kAccountJsonFile = "account.json";

struct Result {
    std::vector<DatasetResult> datasets;
    // 0 done, 1 some dataset has input errors, 3 internal failure; a
    // stopped dataset counts as none of these (stopped() says it).
    int exit_code() const;
    bool stopped() const;  // some dataset was not published because of Spec::stop
    std::size_t documents_rebuilt() const;
    std::size_t documents_kept() const;  // of the datasets that built or were unchanged
    std::size_t datasets_failed() const;
};

// Another build holds the output folder's lock (and Spec::wait_for_lock is
// false, or the wait was stopped).
struct OutputBusy : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Progress: called after each dataset, in dataset order.
using Progress = std::function<void(const DatasetResult&, std::size_t done, std::size_t total)>;
// Called as documents are finished (rendered or kept); never concurrently.
using DocumentProgress = std::function<void(std::size_t done, std::size_t total)>;

// Spec::archive_dir, or its default beside the output folder.
std::string archive_folder(const Spec& spec);

Result run(const Spec& spec, const Environment& environment, const Progress& progress = {},
           const DocumentProgress& document_progress = {});

// One dataset folder, as run() does it for each.
DatasetResult run_dataset(const std::string& directory, const Spec& spec, const Environment& environment);

}  // namespace job
