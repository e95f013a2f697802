#include "nightly/settings.hpp"

#include <Poco/Exception.h>
#include <Poco/Logger.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "core/messages.hpp"

namespace nightly {

namespace {

// Poco's getters throw Poco::SyntaxException for "two" where a number is
// due; the operator needs the key.
int read_int(const Poco::Util::AbstractConfiguration& config, const std::string& key, int fallback) {
    try {
        return config.getInt(key, fallback);
    } catch (const Poco::Exception&) {
        throw std::invalid_argument(core::tr("{1} must be a whole number, not '{2}'", key, config.getString(key)));
    }
}

bool read_bool(const Poco::Util::AbstractConfiguration& config, const std::string& key, bool fallback) {
    try {
        return config.getBool(key, fallback);
    } catch (const Poco::Exception&) {
        throw std::invalid_argument(core::tr("{1} must be true or false, not '{2}'", key, config.getString(key)));
    }
}

LogSettings read_log(const Poco::Util::AbstractConfiguration& config) {
    LogSettings log;
    log.file = config.getString("fuel.log.file", log.file);
    log.rotation = config.getString("fuel.log.rotation", log.rotation);
    log.archive = config.getString("fuel.log.archive", log.archive);
    if (log.archive != "number" && log.archive != "timestamp")
        throw std::invalid_argument(core::tr("fuel.log.archive must be number or timestamp, not '{1}'", log.archive));
    log.keep = read_int(config, "fuel.log.keep", log.keep);
    if (log.keep < 1) throw std::invalid_argument(core::tr("fuel.log.keep must be 1 or more"));
    log.level = config.getString("fuel.log.level", log.level);
    try {
        Poco::Logger::parseLevel(log.level);
    } catch (const Poco::Exception&) {
        throw std::invalid_argument(
            core::tr("fuel.log.level '{1}' is not a level (error, warning, information, debug…)", log.level));
    }
    return log;
}

}  // namespace

const std::vector<std::string> kSettingKeys = {
    "fuel.data",        "fuel.out",      "fuel.archive",   "fuel.templates", "fuel.schedule",
    "fuel.jobs",        "fuel.wait",     "fuel.status",    "fuel.log.file",  "fuel.log.rotation",
    "fuel.log.archive", "fuel.log.keep", "fuel.log.level", "fuel.language"};

// The templates shipped with the program: share/fuel/templates beside the
// bin folder the program runs from (/usr/bin/fuel -> /usr/share/fuel), so an
// installed or merely unpacked package finds its own (FHS 3.0 §4.11).
std::string installed_templates() {
    std::error_code ec;
    const auto program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    const auto shipped = program.parent_path().parent_path() / "share" / "fuel" / "templates";
    return std::filesystem::is_directory(shipped, ec) ? shipped.string() : "";
}

unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

Settings read_settings(const Poco::Util::AbstractConfiguration& config, bool status_by_default) {
    Settings s;
    s.data_dir = config.getString("fuel.data", s.data_dir);
    s.out_dir = config.getString("fuel.out", s.out_dir);
    s.templates_dir = config.getString("fuel.templates", "");
    // Not given: "templates" in the working directory (a source tree), else
    // the templates installed with the program.
    if (s.templates_dir.empty()) {
        std::error_code ec;
        const auto shipped = installed_templates();
        s.templates_dir = std::filesystem::is_directory("templates", ec) || shipped.empty() ? "templates" : shipped;
    }
    s.archive_dir = config.getString("fuel.archive", s.archive_dir);
    s.schedule_text = config.getString("fuel.schedule", s.schedule_text);
    try {
        s.schedule = parse_schedule(s.schedule_text);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(core::tr("fuel.schedule: {1}", e.what()));
    }
    const int jobs = read_int(config, "fuel.jobs", static_cast<int>(default_jobs()));
    if (jobs < 1) throw std::invalid_argument(core::tr("fuel.jobs must be 1 or more, not {1}", std::to_string(jobs)));
    s.jobs = static_cast<unsigned>(jobs);
    s.wait = read_bool(config, "fuel.wait", s.wait);
    s.status = read_bool(config, "fuel.status", status_by_default);
    s.log = read_log(config);
    s.language = config.getString("fuel.language", "");
    if (!s.language.empty() && !core::parse_language(s.language))
        throw std::invalid_argument(core::tr("fuel.language must be sv or en, not '{1}'", s.language));
    return s;
}

}  // namespace nightly
