#pragma once
// One build as the operator sees it: what job::run returned, when it ran,
// how long it took. The status page (status_page.cpp) and the status JSON
// (status_json.cpp) are two views of it, written after each build.
#include <cstdint>
#include <map>
#include <string>

#include "job/job.hpp"

namespace nightly {

struct BuildReport {
    std::int64_t started = 0;   // seconds since the epoch
    std::int64_t finished = 0;  // seconds since the epoch
    double seconds = 0;         // how long the build took, by the steady clock
    std::string generator;
    std::string data_dir;
    std::string out_dir;
    job::Result result;
    int exit_code = 0;
    std::string failure;  // the build could not run at all (e.g. an unreadable data folder)
    // Asked to stop (SIGTERM, SIGINT) before every dataset was published:
    // those not published keep their last good documents (job::Outcome::Stopped).
    bool stopped = false;
    // For each stopped dataset, its status in the status.json this build
    // replaces ("built", "input-errors", …): its last status stays in view.
    std::map<std::string, std::string> previous_status;
};

// "built", "unchanged", "checked", "input-errors", "internal-failure", "stopped".
const char* status_name(job::Outcome outcome);
bool failed(job::Outcome outcome);

// Local time with its UTC offset, ISO 8601: "2025-03-30T03:00:00+02:00".
std::string iso_local(std::int64_t seconds_since_epoch);

// "<dataset>/<file name>": a document's address relative to OUT/index.html,
// percent-encoded (RFC 3986 §2.1), so that the page works opened as a file.
std::string href(const std::string& dataset, const std::string& path);

std::string status_json(const BuildReport& report);
std::string status_page(const BuildReport& report);

// OUT/index.html and OUT/status.json, each written to a temporary name and
// renamed into place, so that a browser or a monitor never reads half.
void write_status(const BuildReport& report);

// The statuses of the stopped datasets in the OUT/status.json fuel wrote
// last (read before write_status replaces it); empty when there is none.
std::map<std::string, std::string> previous_statuses(const BuildReport& report);

}  // namespace nightly
