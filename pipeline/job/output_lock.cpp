// The lock is held on an open file description, so it belongs to this
// process alone and is released by the kernel on any exit. The file is
// unlinked on release so that a clean build leaves no trace; the inode check
// below makes that safe against a waiter that opened the file just before.
#include "job/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <thread>

#include "job/job.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

// How often a waiting build retries: a build takes seconds to minutes, and a
// tenth of a second keeps a waiting service quick to notice a stop request.
constexpr auto kPollInterval = std::chrono::milliseconds(100);

std::system_error os_error(const std::string& what) { return std::system_error(errno, std::generic_category(), what); }

std::string holder_of(const std::string& path) {
    std::ifstream in(path);
    std::string pid;
    std::getline(in, pid);
    return pid.empty() ? "" : core::tr(" (process {1})", pid);
}

bool same_file(int fd, const std::string& path) {
    struct stat held {
    }, named{};
    if (::fstat(fd, &held) != 0 || ::stat(path.c_str(), &named) != 0) return false;
    return held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

}  // namespace

OutputLock::OutputLock(const std::string& out_dir, bool wait, const std::atomic<bool>* stop)
    : path_((fs::path(out_dir) / kLockFile).string()) {
    fs::create_directories(out_dir);
    for (;;) {
        bool busy = false;
        if (try_lock_once(busy)) return;
        if (!busy) continue;  // the file we locked had just been released and unlinked
        if (!wait) throw OutputBusy(core::tr("another build is writing to {1}{2}", out_dir, holder_of(path_)));
        if (stop && stop->load())
            throw OutputBusy(core::tr("stopped while waiting for the build writing to {1}", out_dir));
        std::this_thread::sleep_for(kPollInterval);
    }
}

bool OutputLock::try_lock_once(bool& busy) {
    const int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw os_error(core::tr("cannot open the lock file {1}", path_));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) {
            busy = true;
            return false;
        }
        errno = error;
        throw os_error(core::tr("cannot lock {1}", path_));
    }
    if (!same_file(fd, path_)) {
        ::close(fd);
        return false;
    }
    // The holder's process id, for the message a refused build prints.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
        ::close(fd);
        throw os_error(core::tr("cannot write {1}", path_));
    }
    fd_ = fd;
    return true;
}

OutputLock::~OutputLock() {
    // Unlink before unlocking: a waiter that then gets the lock on the old
    // inode sees that the name is gone and starts again.
    ::unlink(path_.c_str());
    ::close(fd_);
}

}  // namespace job
