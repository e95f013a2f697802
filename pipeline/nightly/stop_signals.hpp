#pragma once
// `fuel build`: SIGTERM (systemctl stop, kill) and SIGINT (Ctrl-C) ask the
// running build to stop between documents (job::Spec::stop) instead of
// killing the process in the middle: every dataset is then either published
// whole or left as its last good build left it, and the status page says
// "stopped". The signals are blocked in every thread and taken by one
// watcher thread with sigwait(3), so none lands on a rendering thread.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>

namespace nightly {

class StopOnSignals {
public:
    // Must be made before any other thread: threads inherit the signal mask.
    StopOnSignals();
    ~StopOnSignals();
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;

    const std::atomic<bool>& stop() const { return stop_; }
    // The signal that asked to stop; 0 when none came.
    int signal() const { return signal_; }

private:
    sigset_t signals_{};
    sigset_t previous_{};
    std::atomic<bool> stop_{false};
    std::atomic<bool> done_{false};
    std::atomic<int> signal_{0};
    std::thread watcher_;
};

}  // namespace nightly
