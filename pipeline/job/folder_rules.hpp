#pragma once
// The rules that keep a build from destroying what it did not make. A build
// reads a data folder and a templates folder and writes an output folder;
// a careless --out (the data folder itself, a folder around it, or one
// inside it) would otherwise let publishing swap a dataset's own files out
// for documents. So, before anything is written:
//   - the data and templates folders must exist;
//   - the output folder must not overlap either (neither inside the other,
//     after `.`, `..` and symbolic links are resolved);
//   - a folder OUT/<dataset> that exists is replaced only when fuel made it:
//     it holds fuel's build record (manifest.hpp, ".fuel-build"), fuel's
//     mark on the folders it owns.
// A breach is a SettingsError: the command exits 2 with one message and
// nothing is touched.
#include <stdexcept>
#include <string>
#include <vector>

#include "job/job.hpp"

namespace job {

// The folders given cannot be used as they are (missing, overlapping, not
// writable, not fuel's, or the disk is full). Exit status 2.
struct SettingsError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The folder as the operating system sees it: absolute, with `.`, `..` and
// every symbolic link of its existing part resolved.
std::string resolved_folder(const std::string& path);

// Throws SettingsError when a folder is missing or the output folder
// overlaps the data or templates folder. Runs before the lock is taken.
void check_folders(const Spec& spec, const Environment& environment);

// Throws SettingsError when OUT/<name> exists for one of `dataset_names`
// and is not a folder fuel made (or is a link, or a file).
void check_replaceable(const std::string& out_dir, const std::vector<std::string>& dataset_names);

// True when the error says the disk (or the user's quota) is full.
bool disk_is_full(const std::string& out_dir);

}  // namespace job
