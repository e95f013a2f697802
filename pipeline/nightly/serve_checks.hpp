#pragma once
// What `fuel serve` checks once, at start, before it waits for its first
// build: a service that would fail only at 02:00 is found out by the
// operator who starts it, not by the committee in the morning.
#include <string>

#include "nightly/settings.hpp"

namespace nightly {

// "" when the service can run with these settings; otherwise the one
// message to log before exiting 2: the first folder that is missing, not a
// folder, or that the service's user cannot read (data, templates) or write
// (output, archive), or the folders' overlap that a build would refuse.
// The schedule was checked when the settings were read.
std::string service_settings_problem(const Settings& settings);

}  // namespace nightly
