#pragma once
// What a dataset's published folder holds, checked against its build record
// (manifest.hpp): every file fuel published has its digest recorded, so a
// file changed or damaged after publishing is noticed by the next build and
// made again; a file somebody else put there is not fuel's to remove.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "job/file_digests.hpp"
#include "job/job.hpp"
#include "job/manifest.hpp"

namespace job {

// A file's bytes; nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);
// The same from an open file, read from where it stands to its end.
std::optional<std::string> read_descriptor(int fd);

// A file's bytes ("" when it cannot be read: callers compare digests).
std::string read_bytes(const std::filesystem::path& path);

// The digest of every regular file in `folder` but the build record itself.
std::map<std::string, std::string> digest_files(const std::filesystem::path& folder, FileDigests& files);

// The first of `files` (names in `folder`) whose bytes differ from what
// `record` says was published, or "" when all are as published (or nothing
// can be compared: no digest function, or a record without digests).
std::string first_changed_file(const std::filesystem::path& folder, const std::vector<std::string>& files,
                               const Manifest& record, FileDigests& digests);

// The files of a document as the record names them: <name>.pdf and its companions.
std::vector<std::string> files_of(const ManifestDocument& document);

// Files in `folder` that the record does not name and fuel does not write
// there itself (the build record, the account): somebody else's.
std::vector<std::string> foreign_files(const std::filesystem::path& folder, const Manifest& record);

}  // namespace job
