#include "nightly/command_options.hpp"

#include <Poco/Exception.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>

#include <optional>
#include <string_view>

#include "core/diagnostics.hpp"
#include "core/messages.hpp"

namespace nightly {

using Poco::Util::Option;

namespace {

// Set when --config was read; not a setting of the file itself.
constexpr const char* kLoadedKey = "fuel.cli.config-file";
// Set when --lang was given: it wins over fuel.language.
constexpr const char* kLanguageKey = "fuel.cli.lang";

}  // namespace

void define_settings_options(Poco::Util::OptionSet& options) {
    options.addOption(
        Option("config", "c", core::tr("read the settings from FILE (contrib/fuel.properties documents them)"))
            .argument("FILE"));
    options.addOption(Option("data", "d", core::tr("a dataset folder, or a folder of datasets (default: fixtures)"))
                          .argument("DIR")
                          .binding("fuel.data"));
    options.addOption(Option("out", "o", core::tr("where documents go, one folder per dataset (default: output)"))
                          .argument("DIR")
                          .binding("fuel.out"));
    options.addOption(
        Option("archive", "a",
               core::tr("where sent and decided documents are kept, never written again (default: the folder "
                        "archive beside OUT)"))
            .argument("DIR")
            .binding("fuel.archive"));
    options.addOption(Option("templates", "t",
                             core::tr("the template folder (default: templates here, else those installed with fuel)"))
                          .argument("DIR")
                          .binding("fuel.templates"));
    options.addOption(Option("jobs", "j", core::tr("documents built at once (default: the number of cores)"))
                          .argument("N")
                          .binding("fuel.jobs"));
    options.addOption(
        Option("wait", "w", core::tr("when another build is writing to OUT, wait for it instead of exiting 4")));
    options.addOption(
        Option("status", "s", core::tr("write OUT/index.html and OUT/status.json (default with --config)")));
    options.addOption(Option("lang", "", core::tr("the language of messages: sv (default) or en")).argument("LANG"));
}

void handle_settings_option(Poco::Util::Application& app, const std::string& name, const std::string& value) {
    if (name == "wait") app.config().setBool("fuel.wait", true);
    if (name == "status") app.config().setBool("fuel.status", true);
    if (name == "lang") {
        // choose_language has applied it already; here it is only checked.
        if (!core::parse_language(value))
            throw Poco::Util::InvalidArgumentException(core::tr("--lang takes sv or en, not '{1}'", value));
        app.config().setString(kLanguageKey, value);
    }
    if (name != "config") return;
    try {
        app.loadConfiguration(value);
    } catch (const Poco::Exception& e) {
        throw Poco::Util::InvalidArgumentException(
            core::tr("cannot read the configuration file {1}: {2}", value, e.displayText()));
    }
    app.config().setString(kLoadedKey, value);
}

bool configuration_loaded(const Poco::Util::Application& app) { return app.config().has(kLoadedKey); }

void choose_language(int argc, char** argv) {
    std::optional<core::Language> chosen;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg == "--lang" && i + 1 < argc) chosen = core::parse_language(argv[i + 1]);
        if (arg.substr(0, 7) == "--lang=") chosen = core::parse_language(arg.substr(7));
    }
    core::set_language(chosen.value_or(core::language_from_environment()));
}

void apply_language_setting(const Poco::Util::Application& app, const std::string& language) {
    if (app.config().has(kLanguageKey) || language.empty()) return;
    if (const auto chosen = core::parse_language(language)) core::set_language(*chosen);
}

std::string option_error_text(const Poco::Util::OptionException& error) {
    using namespace Poco::Util;
    const std::string detail = core::visible(error.message());
    if (dynamic_cast<const InvalidArgumentException*>(&error) != nullptr) return detail;  // fuel's own, translated
    if (dynamic_cast<const UnknownOptionException*>(&error) != nullptr)
        return core::tr("unknown option {1}", detail.rfind('-', 0) == 0 ? detail : "--" + detail);
    if (dynamic_cast<const AmbiguousOptionException*>(&error) != nullptr)
        return core::tr("the option {1} is ambiguous; write more of its name", detail);
    if (dynamic_cast<const MissingArgumentException*>(&error) != nullptr) {
        // Poco writes "<option> requires <argument>".
        const auto requires_at = detail.find(" requires ");
        if (requires_at != std::string::npos)
            return core::tr("the option --{1} needs a value ({2})", detail.substr(0, requires_at),
                            detail.substr(requires_at + 10));
        return core::tr("an option needs a value: {1}", detail);
    }
    if (dynamic_cast<const UnexpectedArgumentException*>(&error) != nullptr)
        return core::tr("the option {1} takes no value", detail);
    if (dynamic_cast<const DuplicateOptionException*>(&error) != nullptr)
        return core::tr("the option {1} is given more than once", detail);
    if (dynamic_cast<const MissingOptionException*>(&error) != nullptr)
        return core::tr("a required option is missing: {1}", detail);
    if (dynamic_cast<const IncompatibleOptionsException*>(&error) != nullptr)
        return core::tr("these options cannot be used together: {1}", detail);
    return core::visible(error.displayText());
}

}  // namespace nightly
