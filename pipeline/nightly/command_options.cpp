#include "nightly/command_options.hpp"

#include <Poco/Exception.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>

namespace nightly {

using Poco::Util::Option;

namespace {

// Set when --config was read; not a setting of the file itself.
constexpr const char* kLoadedKey = "fuel.cli.config-file";

}  // namespace

void define_settings_options(Poco::Util::OptionSet& options) {
    options.addOption(
        Option("config", "c", "read the settings from FILE (contrib/fuel.properties documents them)").argument("FILE"));
    options.addOption(Option("data", "d", "a dataset folder, or a folder of datasets (default: fixtures)")
                          .argument("DIR")
                          .binding("fuel.data"));
    options.addOption(Option("out", "o", "where documents go, one folder per dataset (default: output)")
                          .argument("DIR")
                          .binding("fuel.out"));
    options.addOption(Option("archive", "a",
                             "where sent and decided documents are kept, never written again (default: the folder "
                             "archive beside OUT)")
                          .argument("DIR")
                          .binding("fuel.archive"));
    options.addOption(
        Option("templates", "t", "the template folder (default: templates here, else those installed with fuel)")
            .argument("DIR")
            .binding("fuel.templates"));
    options.addOption(Option("jobs", "j", "documents built at once (default: the number of cores)")
                          .argument("N")
                          .binding("fuel.jobs"));
    options.addOption(Option("wait", "w", "when another build is writing to OUT, wait for it instead of exiting 4"));
    options.addOption(Option("status", "s", "write OUT/index.html and OUT/status.json (default with --config)"));
}

void handle_settings_option(Poco::Util::Application& app, const std::string& name, const std::string& value) {
    if (name == "wait") app.config().setBool("fuel.wait", true);
    if (name == "status") app.config().setBool("fuel.status", true);
    if (name != "config") return;
    try {
        app.loadConfiguration(value);
    } catch (const Poco::Exception& e) {
        throw Poco::Util::InvalidArgumentException("cannot read the configuration file " + value + ": " +
                                                   e.displayText());
    }
    app.config().setString(kLoadedKey, value);
}

bool configuration_loaded(const Poco::Util::Application& app) { return app.config().has(kLoadedKey); }

}  // namespace nightly
