#pragma once
// Digests of files, each read at most once while it stays the same file.
//
// A build with nothing to do used to read and hash every published and
// archived file and every font, to prove they are as recorded: most of its
// time. FileDigests remembers, per file, the identity the kernel keeps for
// it (device, inode, size, modification and status-change times, to the
// nanosecond) beside the digest of its bytes, in OUT/.fuel-digests. A file
// whose identity is the same as when it was hashed is not read again.
//
// Why the identity is enough (the rule git's index relies on, with the same
// guard against "racy" entries): every write, truncation, rename, link,
// chmod or restore of a file sets its status-change time (ctime) to the
// kernel's current time, and no system call sets ctime to a chosen value;
// a file deleted and another made on the same inode gets a new ctime too.
// So a file whose ctime is what it was, and older than when it was hashed,
// has not been written since. An entry is recorded only when the file's
// ctime is at least kSettled older than the moment of hashing, so a write
// in the same clock tick as the hashing can never hide behind an equal
// ctime. What this does not see: bytes changed beneath the file system
// (a failing disk, a raw device write) or a clock set back by more than
// kSettled. `fuel verify` therefore never uses the record: it reads and
// hashes every archived file (job/verify.cpp).
//
// The record is a cache: a missing, damaged or foreign one is ignored and
// every file is hashed again; it is written (to a temporary file renamed
// over it) only when an entry was added or dropped, so a build with nothing
// to do writes nothing. docs/incremental-builds.md says the same for users.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "job/job.hpp"

namespace job {

inline constexpr const char* kFileDigestsFile = ".fuel-digests";

class FileDigests {
public:
    // How much older than the moment of hashing a file's ctime must be for
    // its digest to be remembered: above any file system's timestamp
    // granularity that fuel's folders are on (ext4, xfs, btrfs, tmpfs: 1 ns
    // to one clock tick) and small clock adjustments.
    static constexpr std::chrono::seconds kSettled{2};

    // No record: every file is read and hashed each time it is asked for.
    explicit FileDigests(Digest digest);
    // With the record at `record` (read now if it is there and sound).
    // `settled`: kSettled, but for tests that cannot wait two seconds.
    FileDigests(Digest digest, std::filesystem::path record, std::chrono::nanoseconds settled = kSettled);

    explicit operator bool() const { return static_cast<bool>(digest_); }
    const Digest& digest() const { return digest_; }

    // The digest of the file's bytes; nullopt when it cannot be opened or
    // read (or there is no digest function). Safe to call from threads.
    std::optional<std::string> of(const std::filesystem::path& path);

    // Writes the record when it changed: keeps the entries of the files
    // asked for since construction, so entries of files gone do not pile
    // up. Throws nothing: a record that cannot be written only costs time.
    void save();

    // How many files were read and hashed, and how many answered from the
    // record (for tests and the bench).
    std::size_t hashed() const;
    std::size_t remembered() const;

private:
    struct Identity {
        std::uint64_t device = 0, inode = 0, size = 0;
        std::int64_t mtime_ns = 0, ctime_ns = 0;
        bool operator==(const Identity&) const = default;
    };
    struct Entry {
        Identity identity;
        std::string digest;
    };
    using Key = std::pair<std::uint64_t, std::uint64_t>;  // device, inode

    void load();

    Digest digest_;
    std::filesystem::path record_;
    std::chrono::nanoseconds settled_ = kSettled;
    mutable std::mutex mutex_;
    std::map<Key, Entry> recorded_;  // as read from the record
    std::map<Key, Entry> used_;      // asked for in this build, to write back
    bool changed_ = false;
    std::size_t hashed_ = 0, remembered_ = 0;
};

}  // namespace job
