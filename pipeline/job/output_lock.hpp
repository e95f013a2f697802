#pragma once
// One build per output folder: flock(2) on OUT/.fuel-lock. The kernel drops
// the lock when its holder dies, however it dies, so a crashed or killed
// build never leaves the folder locked.
#include <atomic>
#include <string>

namespace job {

inline constexpr const char* kLockFile = ".fuel-lock";

class OutputLock {
public:
    // Takes the lock on `out_dir` (created when missing). When another
    // process holds it: waits if `wait` (until `stop` is set), else throws
    // OutputBusy naming the holder's process id.
    OutputLock(const std::string& out_dir, bool wait, const std::atomic<bool>* stop = nullptr);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

private:
    bool try_lock_once(bool& busy);
    std::string path_;
    int fd_ = -1;
};

}  // namespace job
