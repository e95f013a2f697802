#pragma once
// Publishing a dataset's documents as one set. A build writes every file of
// a dataset into OUT/.fuel-staging/<dataset>/ and then swaps that folder with
// OUT/<dataset>/ in one renameat2(RENAME_EXCHANGE), so a reader (or a kill
// at any instant) sees the old set or the new set, never a mix of the two.
// Filesystems without RENAME_EXCHANGE get two renames and a recovery step
// that the next build runs under the lock.
#include <string>

namespace job {

inline constexpr const char* kStagingDir = ".fuel-staging";

// An empty staging folder for `dataset` (leftovers removed).
std::string prepare_staging(const std::string& out_dir, const std::string& dataset);

// Whether a published folder must survive a power loss. Scratch: for a
// folder that is thrown away when the program ends (`fuel preview`), where
// waiting for the disk would only delay what the reader sees.
enum class Durability { Flushed, Scratch };

// Makes the staging folder OUT/<dataset>/ and removes what it replaced; with
// Durability::Flushed every file in it, and the folders, are flushed to disk
// first.
void publish(const std::string& out_dir, const std::string& dataset, Durability durability = Durability::Flushed);

// Drops the staging folder of a dataset that failed.
void discard_staging(const std::string& out_dir, const std::string& dataset);

// Run under the lock before a build: puts back a dataset folder whose
// two-rename publish was interrupted, and removes staging leftovers.
void recover_interrupted(const std::string& out_dir);

// Removes the staging root when nothing is left in it.
void tidy_staging(const std::string& out_dir);

// `to` becomes the same file as `from` (a hard link; a copy where links
// are not possible). Used for documents kept from the last good build.
void keep_file(const std::string& from, const std::string& to);

// fsync(2) of a folder, so that the renames in it survive a power loss.
void sync_directory(const std::string& path);

// Every file below `folder`, at any depth, and every folder in it, flushed
// to disk: for a tree that is renamed into place as a whole (an archived
// version), whose files were written without fsync.
void flush_tree(const std::string& folder);

}  // namespace job
