#pragma once
// One build or check with the given settings, as `fuel build`, `fuel check`
// and each run of `fuel serve` do it: job::run with SHA-256 content keys,
// logged (start, each dataset, end with duration and counts), then the
// status page and JSON.
#include <Poco/Logger.h>

#include <atomic>
#include <string>

#include "nightly/build_report.hpp"
#include "nightly/settings.hpp"

namespace nightly {

// Exit status of the one-shot commands (README): 0 done, 1 the input has
// errors, 2 usage or settings (the folders given cannot be used; nothing
// was touched), 3 internal failure, 4 another build holds the output
// folder (nothing was done; a scheduler may simply try again later).
inline constexpr int kExitSettings = 2;
inline constexpr int kExitBusy = 4;

struct BuildOptions {
    std::string version;  // FUEL_VERSION, for job::Environment::generator
    bool check_only = false;
    bool show_progress = false;  // "12 of 40 documents" on standard error (a terminal)
    bool wait = false;           // for the lock; overrides Settings::wait when true
    const std::atomic<bool>* stop = nullptr;
    std::string only_document;  // fuel build --document NAME (job::Spec::only_document)
};

// Runs it and returns the report (exit_code set). Never throws: a build
// that cannot run is a report with `failure` and exit code 3 or kExitBusy.
// fuel verify: every archived version made again and compared (job/verify.hpp);
// 0 all reproduced, 1 a document differs or an archived file was changed.
int run_verify(const Settings& settings, const BuildOptions& options, Poco::Logger& log);

BuildReport run_build(const Settings& settings, const BuildOptions& options, Poco::Logger& log);

}  // namespace nightly
