#include "job/publish.hpp"
#include "core/messages.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

namespace job {

namespace fs = std::filesystem;

namespace {

fs::path staging_root(const std::string& out_dir) { return fs::path(out_dir) / kStagingDir; }

// Where the old folder waits during a two-rename publish. A dot name, which
// no dataset folder staged beside it can have.
fs::path parking(const std::string& out_dir) { return staging_root(out_dir) / ".parked"; }

[[noreturn]] void fail(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

void rename_or_fail(const fs::path& from, const fs::path& to) {
    if (std::rename(from.c_str(), to.c_str()) != 0)
        fail(core::tr("cannot rename {1} to {2}", from.string(), to.string()));
}

// For filesystems without RENAME_EXCHANGE (EINVAL), e.g. some network
// mounts: park the old folder, move the new one in, drop the old one. A
// kill between the renames leaves the parked folder for recover_interrupted.
void publish_by_two_renames(const std::string& out_dir, const std::string& dataset) {
    const auto staged = staging_root(out_dir) / dataset;
    const auto target = fs::path(out_dir) / dataset;
    const auto parked = parking(out_dir) / dataset;
    fs::remove_all(parked);
    fs::create_directories(parking(out_dir));
    rename_or_fail(target, parked);
    rename_or_fail(staged, target);
    sync_directory(target.parent_path().string());
    fs::remove_all(parked);
}

// Every file of the staged folder on disk before the folder is published.
// The files are written without fsync (pdf::WriteOptions::flush_to_disk,
// job::Flush::WithFolder) and flushed here, together: writeback of all of
// them is started first, so that the fsyncs that follow wait for writes
// already under way rather than start each in turn. An fsync per file as it
// was written kept a rendering thread waiting on the disk about as long as
// it computed, and on two threads each waited for the other's commits.
// Files are held open in batches, so that a round of many letters cannot
// run out of file descriptors.
// With `subfolders`, the files of the folders below too, and those folders
// listed there as they are met, each after the folder that holds it.
void flush_files(const fs::path& folder, std::vector<fs::path>* subfolders = nullptr) {
    constexpr std::size_t kBatch = 64;
    std::vector<int> files;
    const auto close_all = [&] {
        for (const int fd : files) ::close(fd);
        files.clear();
    };
    const auto flush_batch = [&] {
        for (const int fd : files)
            if (::fsync(fd) != 0) fail(core::tr("cannot flush a file of {1} to disk", folder.string()));
        close_all();
    };
    const auto add = [&](const fs::directory_entry& entry) {
        if (!entry.is_regular_file()) return;
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) fail(core::tr("cannot open {1}", entry.path().string()));
        files.push_back(fd);
        // Only a hint: the fsync is what makes the file durable.
        ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
        if (files.size() == kBatch) flush_batch();
    };
    try {
        if (subfolders)
            for (const auto& entry : fs::recursive_directory_iterator(folder)) {
                if (entry.is_directory()) subfolders->push_back(entry.path());
                add(entry);
            }
        else
            for (const auto& entry : fs::directory_iterator(folder)) add(entry);
        flush_batch();
    } catch (...) {
        close_all();
        throw;
    }
}

}  // namespace

std::string prepare_staging(const std::string& out_dir, const std::string& dataset) {
    const auto staged = staging_root(out_dir) / dataset;
    fs::remove_all(staged);
    fs::create_directories(staged);
    return staged.string();
}

void publish(const std::string& out_dir, const std::string& dataset, Durability durability) {
    const auto staged = staging_root(out_dir) / dataset;
    const auto target = fs::path(out_dir) / dataset;
    const bool flushed = durability == Durability::Flushed;
    if (flushed) {
        flush_files(staged);
        sync_directory(staged.string());
    }
    if (!fs::exists(target)) {
        rename_or_fail(staged, target);
    } else if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        // The old set is now where the new one was staged.
        if (flushed) sync_directory(out_dir);
        fs::remove_all(staged);
        return;
    } else if (errno == EINVAL || errno == ENOSYS) {
        publish_by_two_renames(out_dir, dataset);
        return;
    } else {
        fail(core::tr("cannot publish {1} as {2}", staged.string(), target.string()));
    }
    if (flushed) sync_directory(out_dir);
}

void discard_staging(const std::string& out_dir, const std::string& dataset) {
    fs::remove_all(staging_root(out_dir) / dataset);
}

void recover_interrupted(const std::string& out_dir) {
    const auto root = staging_root(out_dir);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return;
    if (fs::is_directory(parking(out_dir), ec)) {
        for (const auto& entry : fs::directory_iterator(parking(out_dir))) {
            const auto target = fs::path(out_dir) / entry.path().filename();
            if (!fs::exists(target)) rename_or_fail(entry.path(), target);
        }
    }
    fs::remove_all(root);
}

void tidy_staging(const std::string& out_dir) {
    std::error_code ec;
    fs::remove(staging_root(out_dir), ec);  // fails, harmlessly, when not empty
}

void keep_file(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::create_hard_link(from, to, ec);
    if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

void sync_directory(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(core::tr("cannot open {1}", path));
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    errno = error;
    if (result != 0) fail(core::tr("cannot flush {1} to disk", path));
}

void flush_tree(const std::string& folder) {
    std::vector<fs::path> folders;
    flush_files(folder, &folders);
    // Then the folders, each after the folders it holds: the walk met every
    // folder after its parent, so backwards is children first.
    for (auto it = folders.rbegin(); it != folders.rend(); ++it) sync_directory(it->string());
    sync_directory(folder);
}

}  // namespace job
