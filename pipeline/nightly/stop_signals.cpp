#include "nightly/stop_signals.hpp"
#include "core/messages.hpp"

#include <Poco/Logger.h>

namespace nightly {

StopOnSignals::StopOnSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
    watcher_ = std::thread([this] {
        int received = 0;
        while (sigwait(&signals_, &received) == 0) {
            if (done_) return;  // the destructor's wake-up
            if (stop_.exchange(true)) continue;
            signal_ = received;
            Poco::Logger::get("fuel").information(
                core::tr("{1} received: stopping after the documents being written; what is not published keeps its "
                         "last good documents",
                         std::string(received == SIGINT ? "SIGINT" : "SIGTERM")));
        }
    });
}

StopOnSignals::~StopOnSignals() {
    done_ = true;
    // Directed at the watcher, which is the one thread waiting for it.
    pthread_kill(watcher_.native_handle(), SIGTERM);
    watcher_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace nightly
