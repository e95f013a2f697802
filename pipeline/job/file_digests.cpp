#include "job/file_digests.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <sstream>

#include "job/published_files.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeader = "fuel-digests 1";

std::int64_t nanoseconds(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

std::int64_t now_ns() {
    timespec t{};
    ::clock_gettime(CLOCK_REALTIME, &t);
    return nanoseconds(t);
}

}  // namespace

FileDigests::FileDigests(Digest digest) : digest_(std::move(digest)) {}

FileDigests::FileDigests(Digest digest, fs::path record, std::chrono::nanoseconds settled)
    : digest_(std::move(digest)), record_(std::move(record)), settled_(settled) {
    if (digest_ && !record_.empty()) load();
}

// One entry a line, and last the digest of all lines before it, so that a
// record cut short or edited is ignored whole rather than half believed.
void FileDigests::load() {
    const auto text = read_file(record_);
    if (!text) return;
    const auto end = text->rfind("end ");
    if (end == std::string::npos || text->compare(0, std::string(kHeader).size() + 1, std::string(kHeader) + "\n") != 0)
        return;
    const auto body = std::string_view(*text).substr(0, end);
    std::string sum = text->substr(end + 4);
    if (!sum.empty() && sum.back() == '\n') sum.pop_back();
    if (sum != digest_(body)) return;
    std::istringstream lines{std::string(body.substr(std::string(kHeader).size() + 1))};
    std::map<Key, Entry> entries;
    Entry e;
    while (lines >> e.identity.device >> e.identity.inode >> e.identity.size >> e.identity.mtime_ns >>
           e.identity.ctime_ns >> e.digest)
        entries[{e.identity.device, e.identity.inode}] = e;
    if (!lines.eof()) return;
    recorded_ = std::move(entries);
}

std::optional<std::string> FileDigests::of(const fs::path& path) {
    if (!digest_) return std::nullopt;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return std::nullopt;
    }
    const Identity identity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
                            static_cast<std::uint64_t>(info.st_size), nanoseconds(info.st_mtim),
                            nanoseconds(info.st_ctim)};
    const Key key{identity.device, identity.inode};
    {
        const std::lock_guard<std::mutex> hold(mutex_);
        for (const auto* entries : {&used_, &recorded_}) {
            const auto found = entries->find(key);
            if (found != entries->end() && found->second.identity == identity) {
                used_[key] = found->second;
                ++remembered_;
                ::close(fd);
                return found->second.digest;
            }
        }
    }
    // Taken before reading: a write during the read sets a ctime later
    // than this, so the entry is either not settled or never matches again.
    const auto hashed_at = now_ns();
    const auto bytes = read_descriptor(fd);
    ::close(fd);
    if (!bytes) return std::nullopt;
    auto digest = digest_(*bytes);
    const std::lock_guard<std::mutex> hold(mutex_);
    ++hashed_;
    const bool settled = identity.ctime_ns < hashed_at - settled_.count();
    if (settled) {
        used_[key] = {identity, digest};
        changed_ = true;
    } else if (recorded_.count(key) || used_.count(key)) {
        used_.erase(key);
        changed_ = true;
    }
    return digest;
}

void FileDigests::save() {
    std::map<Key, Entry> entries;
    {
        const std::lock_guard<std::mutex> hold(mutex_);
        if (!changed_ || record_.empty() || !digest_) return;
        entries = used_;
        changed_ = false;
    }
    std::string body = std::string(kHeader) + "\n";
    for (const auto& [key, e] : entries)
        body += std::to_string(e.identity.device) + ' ' + std::to_string(e.identity.inode) + ' ' +
                std::to_string(e.identity.size) + ' ' + std::to_string(e.identity.mtime_ns) + ' ' +
                std::to_string(e.identity.ctime_ns) + ' ' + e.digest + '\n';
    const auto text = body + "end " + digest_(body) + "\n";
    auto temporary = record_;
    temporary += ".new";
    // Made afresh (O_EXCL, after removing whatever has the name, a link
    // itself rather than what it points to), so no file but fuel's own is
    // ever written through this name.
    ::unlink(temporary.c_str());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) return;
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool closed = ::close(fd) == 0;
    if (done != text.size() || !closed || std::rename(temporary.c_str(), record_.c_str()) != 0)
        ::unlink(temporary.c_str());
}

std::size_t FileDigests::hashed() const {
    const std::lock_guard<std::mutex> hold(mutex_);
    return hashed_;
}

std::size_t FileDigests::remembered() const {
    const std::lock_guard<std::mutex> hold(mutex_);
    return remembered_;
}

}  // namespace job
