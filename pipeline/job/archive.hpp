#pragma once
// The archive of documents sent to and decided by the committee. Once a
// dataset is sent (model::CommitteeState), each version of its documents is
// kept here as it was published, with what it was made from, and is never
// written again:
//
//   ARCHIVE/<dataset>/v<N>/seal            the record: fuel's version, the
//                                          state, every file below with its
//                                          SHA-256 and size
//   ARCHIVE/<dataset>/v<N>/dokument/       the published files, byte for byte
//   ARCHIVE/<dataset>/v<N>/indata/<name>/  the dataset's files, and the
//                                          earlier rounds it read beside it
//   ARCHIVE/<dataset>/v<N>/mallar/<folder>/ the template folders it used
//   ARCHIVE/<dataset>/arkivforteckning.json  the handover list for the city
//                                          archive, once the dataset is decided
//
// The output folder is a copy for reading: an empty one, or a new server with
// the data and the archive, gets the archived versions back, never a fresh
// rendering with today's templates. The archive lies beside the output folder
// unless --archive says otherwise (folder_rules.hpp keeps it apart from the
// data, templates and output folders).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "job/file_digests.hpp"
#include "job/job.hpp"

namespace job {

inline constexpr const char* kSealFile = "seal";
inline constexpr const char* kArchivedDocuments = "dokument";
inline constexpr const char* kArchivedData = "indata";
inline constexpr const char* kArchivedTemplates = "mallar";
inline constexpr const char* kHandoverFile = "arkivforteckning.json";

struct SealedFile {
    std::string path;  // relative to its folder (dokument/, indata/, mallar/), '/' separated
    std::string digest;
    std::uintmax_t size = 0;
};

// What the committee's documents say of themselves, for the handover list.
struct SealedDocument {
    std::string name;  // tjansteutlatande
    std::string title;
    std::string date;  // ISO
    std::string diary_number;
};

struct Seal {
    int version = 1;
    std::string generator;  // the program that made the documents
    std::string state;      // model::describe() when sealed
    std::string dataset;    // the dataset folder's name
    std::int64_t sealed_at = 0;
    std::vector<SealedFile> documents;
    std::vector<SealedFile> data;
    std::vector<SealedFile> templates;
    std::vector<SealedDocument> titles;
};

std::string format_seal(const Seal& seal);
std::optional<Seal> parse_seal(const std::string& text);

// ARCHIVE/<dataset>/v<version>
std::filesystem::path version_folder(const std::string& archive_dir, const std::string& dataset, int version);
// The seal of that version, when it was archived.
std::optional<Seal> read_seal(const std::filesystem::path& version);

// What to archive: the published folder, the dataset and earlier rounds it
// read, the template folders it used.
struct ArchiveSources {
    std::filesystem::path published;
    std::string dataset_dir;
    std::vector<std::string> earlier_rounds;
    std::string templates_dir;
    std::vector<std::string> template_folders;
    std::vector<SealedDocument> titles;
};

// Copies a version into ARCHIVE/<dataset>/v<version> (through a staging
// name and one rename, so that a kill leaves no half version). Never
// replaces a version that exists.
void archive_version(const std::string& archive_dir, const std::string& dataset, int version, Seal seal,
                     const ArchiveSources& sources, const Digest& digest);

// Problems of the archived files themselves: each one that is missing or
// differs from its seal, as errors (the archive must not be trusted then).
// A build passes its FileDigests with the record, so an archived file not
// written since it was last hashed is not read again; `fuel verify` passes
// one without, so every file is read (file_digests.hpp).
void check_archive(const std::filesystem::path& version, const Seal& seal, FileDigests& digests,
                   core::Diagnostics& diagnostics);

// The dataset's and templates' files as they are now against the seal: a
// warning for each file changed, added or removed, naming for a changed data
// file the records (lines, with their first field) that differ.
void compare_with_seal(const std::filesystem::path& version, const Seal& seal, const ArchiveSources& now,
                       const Digest& digest, core::Diagnostics& diagnostics);

// The published folder holds exactly the archived documents (files fuel did
// not make may lie beside them).
bool published_as_archived(const std::filesystem::path& published, const Seal& seal, FileDigests& digests);

// The archived documents into `staging` (hard links where possible).
void copy_archived_documents(const std::filesystem::path& version, const std::filesystem::path& staging);

// Writes ARCHIVE/<dataset>/arkivforteckning.json for the decided version.
void write_handover(const std::string& archive_dir, const std::string& dataset, const Seal& seal,
                    const std::string& state);

}  // namespace job
