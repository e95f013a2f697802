#pragma once
// The scheduler of `fuel serve`: one Poco::Util::Timer thread runs the
// nightly builds at the times of the schedule (schedule.hpp) and builds
// asked for on demand. The one timer thread runs one build at a time; the
// output folder's lock keeps other processes out.
#include <Poco/Logger.h>
#include <Poco/Util/Timer.h>
#include <Poco/Util/TimerTask.h>

#include <ctime>
#include <functional>
#include <mutex>
#include <vector>

#include "nightly/schedule.hpp"

namespace nightly {

class Service {
public:
    using Build = std::function<void()>;  // one whole build; must not throw

    Service(std::vector<TimeOfDay> schedule, Build build, Poco::Logger& log);
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    // Schedules the first nightly run.
    void start();
    // A build as soon as the running one (if any) is done.
    void build_now();
    // Cancels what is scheduled and waits for a running build to end.
    void stop();
    // The next scheduled run; 0 before start().
    std::time_t next_run() const;

private:
    void run_scheduled(Poco::Util::TimerTask&);
    void run_on_demand(Poco::Util::TimerTask&);
    void schedule_next();

    std::vector<TimeOfDay> schedule_;
    Build build_;
    Poco::Logger& log_;
    mutable std::mutex mutex_;
    std::time_t next_ = 0;
    Poco::Util::Timer timer_;  // last: destroyed first, while the rest is still valid for a running build
};

}  // namespace nightly
