#include "nightly/service.hpp"

#include <Poco/Timestamp.h>
#include <Poco/Util/TimerTaskAdapter.h>

#include "nightly/build_report.hpp"
#include "core/messages.hpp"

namespace nightly {

using Poco::Util::TimerTaskAdapter;

Service::Service(std::vector<TimeOfDay> schedule, Build build, Poco::Logger& log)
    : schedule_(std::move(schedule)), build_(std::move(build)), log_(log) {}

Service::~Service() { stop(); }

void Service::start() { schedule_next(); }

void Service::build_now() {
    log_.information(core::tr("build requested"));
    timer_.schedule(new TimerTaskAdapter<Service>(*this, &Service::run_on_demand), Poco::Timestamp());
}

void Service::stop() { timer_.cancel(true); }

std::time_t Service::next_run() const {
    std::lock_guard<std::mutex> hold(mutex_);
    return next_;
}

// Computed again after every run, from the clock of that moment, so a DST
// change between two runs moves nothing (docs/libraries.md §4: Poco's timer
// alone repeats at a fixed interval, which drifts by an hour twice a year).
void Service::schedule_next() {
    const auto next = nightly::next_run(std::time(nullptr), schedule_);
    {
        std::lock_guard<std::mutex> hold(mutex_);
        next_ = next;
    }
    timer_.schedule(new TimerTaskAdapter<Service>(*this, &Service::run_scheduled),
                    Poco::Timestamp::fromEpochTime(next));
    log_.information(core::tr("next build at {1}", iso_local(next)));
}

void Service::run_scheduled(Poco::Util::TimerTask&) {
    build_();
    schedule_next();
}

void Service::run_on_demand(Poco::Util::TimerTask&) { build_(); }

}  // namespace nightly
