#pragma once
// The settings of a build and of the service, from Poco's layered
// configuration: a properties or XML file (--config), overridden by options
// on the command line. contrib/fuel.properties documents every key.
#include <Poco/Util/AbstractConfiguration.h>

#include <string>
#include <vector>

#include "nightly/schedule.hpp"

namespace nightly {

struct LogSettings {
    std::string file;                   // fuel.log.file; empty: standard error only
    std::string rotation = "1 M";       // fuel.log.rotation: Poco FileChannel "rotation"
    std::string archive = "timestamp";  // fuel.log.archive: "number" or "timestamp"
    int keep = 14;                      // fuel.log.keep: rotated files kept (a fortnight of daily logs)
    std::string level = "information";  // fuel.log.level: Poco level name
};

struct Settings {
    std::string data_dir = "fixtures";        // fuel.data
    std::string out_dir = "output";           // fuel.out
    std::string templates_dir = "templates";  // fuel.templates; default: ./templates, else installed_templates()
    std::string archive_dir;                  // fuel.archive; empty: "archive" beside out_dir
    std::string schedule_text = "02:00";      // fuel.schedule
    std::vector<TimeOfDay> schedule;
    unsigned jobs = 1;    // fuel.jobs; default: the machine's cores
    bool wait = false;    // fuel.wait: wait for another build of the same output folder
    bool status = false;  // fuel.status: write OUT/index.html and OUT/status.json
    LogSettings log;
    std::string language;  // fuel.language: "sv" or "en"; empty: --lang, else the environment
};

// Reads and checks every setting; throws std::invalid_argument naming the
// key and the value. `status_by_default`: the status page is written unless
// fuel.status says otherwise (runs from a configuration file).
Settings read_settings(const Poco::Util::AbstractConfiguration& config, bool status_by_default);

unsigned default_jobs();

// share/fuel/templates of the installation the running program belongs to
// (<prefix>/bin/fuel -> <prefix>/share/fuel/templates); "" when there is none.
std::string installed_templates();

// Every key read_settings reads; contrib/fuel.properties documents each.
extern const std::vector<std::string> kSettingKeys;

}  // namespace nightly
