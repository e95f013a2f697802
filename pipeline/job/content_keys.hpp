#pragma once
// Content keys for incremental builds. A document's bytes are a function of
// the dataset's files, its template, the fonts and the program; its key is a
// digest of exactly those (and of which companion files are written beside
// the PDF, companions.hpp), so equal keys mean the last good build's files
// are what a new build would write. Contents, never timestamps: a copy or a
// restore from backup with a new mtime changes nothing, and a same-second
// edit is still seen.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "document/template.hpp"
#include "job/file_digests.hpp"
#include "job/job.hpp"

namespace job {

// What every document of a run depends on beside its dataset and template.
struct RunFingerprint {
    std::string generator;
    std::string fonts;  // digest of the font files and the hyphenation patterns
};

// The fonts' and patterns' digests come from `files` (file_digests.hpp):
// read only when changed since the last build that hashed them, on up to
// `threads` threads.
RunFingerprint fingerprint_run(const Environment& environment, FileDigests& files, unsigned threads = 1);

// Every regular file under the dataset folder, by relative path and
// content. A superset of what ingest reads, so no input change is missed.
std::string inputs_digest(const std::string& directory, const Digest& digest);

// inputs_digest of each folder, made at most once per build and shared by
// its threads: a round's earlier rounds are usually datasets of the same
// build, so without it their files were read and hashed once as a dataset
// and again for every later round that sees them. Lives for one build only
// (job::run), so a file changed between two builds is always read again.
class FolderDigests {
public:
    explicit FolderDigests(Digest digest) : digest_(std::move(digest)) {}
    std::string of(const std::string& directory);

private:
    struct Slot {
        std::once_flag made;
        std::string digest;
    };
    Digest digest_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Slot>> folders_;
};

// inputs_digest of the dataset folder, and of the earlier rounds it sees
// (ingest::earlier_rounds) when it sees any: a late report recorded in last
// year's folder changes this year's documents. Equal to inputs_digest for a
// round without earlier rounds. With `folders`, each folder's digest comes
// from there (the same value, hashed once per build).
std::string round_inputs_digest(const std::string& directory, const Digest& digest, FolderDigests* folders = nullptr);

// A digest of everything a dataset's documents are made from: the key
// recipe, the companions written, the program, the fonts, the inputs
// (round_inputs_digest) and every file of each template folder read
// (under `templates_dir`, by name, in the order given). A folder's files
// come from `folders`, hashed once per build. Equal keys mean the same
// documents, letters included, whose number and names follow from these
// inputs; "" when a folder cannot be read (the full build then says why).
std::string sources_key(const Digest& digest, const RunFingerprint& run, const std::string& inputs,
                        const std::string& templates_dir, const std::vector<std::string>& template_folders,
                        FolderDigests& folders);

// `instance` tells apart the documents one template makes for a round (a
// letter per administration: its name); "" for a template's one document.
std::string document_key(const Digest& digest, const RunFingerprint& run, const std::string& inputs,
                         const std::string& template_name, const doc::Template& tmpl, const std::string& instance = "");

}  // namespace job
