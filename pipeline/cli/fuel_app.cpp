// The fuel command line, on Poco::Util::Application for options,
// configuration and logging. `build` and `check` run here, `serve` is the
// nightly service (nightly/serve_command.cpp); the work is in job/ and
// nightly/.
#include "cli/fuel_app.hpp"

#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>
#include <unistd.h>

#include <cstring>
#include <optional>
#include <iostream>

#include "core/diagnostics.hpp"
#include "core/messages.hpp"
#include "nightly/command_options.hpp"
#include "nightly/log_setup.hpp"
#include "nightly/nightly_build.hpp"
#include "nightly/serve_command.hpp"
#include "nightly/stop_signals.hpp"
#include "nightly/values_command.hpp"
#include "preview/preview_command.hpp"

namespace cli {

namespace {

// Exit codes promised in the README.
constexpr int kExitDone = 0;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

using Poco::Util::Application;
using Poco::Util::Option;
using Poco::Util::OptionSet;

class FuelApp final : public Application {
public:
    FuelApp() { setUnixOptions(true); }

protected:
    void defineOptions(OptionSet& options) override {
        Application::defineOptions(options);
        options.addOption(Option("help", "h", core::tr("show this help and exit")));
        options.addOption(Option("version", "V", core::tr("show the version and exit")));
        options.addOption(Option("quiet", "q", core::tr("print only problems (the log file still gets everything)")));
        options.addOption(Option("format", "f",
                                 core::tr("text (default) or json: json prints the report, every diagnostic with its "
                                          "file, line and column, on standard output"))
                              .argument("FORMAT"));
        options.addOption(Option("document", "D",
                                 core::tr("build: build only this document of the dataset (its name, as its PDF is "
                                          "named); the others stay as last published. values: show only this document"))
                              .argument("NAME"));
        nightly::define_settings_options(options);
    }

    void handleOption(const std::string& name, const std::string& value) override {
        Application::handleOption(name, value);
        if (name == "help") help_ = true;
        if (name == "version") version_ = true;
        if (name == "quiet") quiet_ = true;
        if (name == "document") document_ = value;
        if (name == "format") {
            if (value != "text" && value != "json")
                throw Poco::Util::InvalidArgumentException(core::tr("--format takes text or json, not '{1}'", value));
            json_ = value == "json";
        }
        nightly::handle_settings_option(*this, name, value);
    }

    int main(const ArgVec& args) override {
        if (help_) return print_help(), kExitDone;
        if (version_) return std::cout << "fuel " << FUEL_VERSION << '\n', kExitDone;
        if (args.size() != 1 ||
            (args[0] != "build" && args[0] != "check" && args[0] != "verify" && args[0] != "values")) {
            std::cerr << "fuel: "
                      << core::tr(
                             "expected one command, build, check, verify, values, serve or preview; see fuel --help")
                      << "\n";
            return kExitUsage;
        }
        if (!document_.empty() && args[0] != "build" && args[0] != "values") {
            std::cerr << "fuel: " << core::tr("--document is for build and values; see fuel --help") << "\n";
            return kExitUsage;
        }
        nightly::Settings settings;
        try {
            settings = nightly::read_settings(config(), nightly::configuration_loaded(*this));
            nightly::apply_language_setting(*this, settings.language);
            // The journal, like a terminal, gets everything: each line has its
            // priority there, so it can be filtered (log_setup.hpp).
            const bool everything =
                !quiet_ && (settings.log.file.empty() || isatty(STDERR_FILENO) || nightly::stderr_is_journal());
            nightly::set_up_logging(settings.log,
                                    everything ? nightly::Console::Everything : nightly::Console::ProblemsOnly);
        } catch (const std::exception& e) {
            std::cerr << "fuel: " << core::visible(e.what()) << '\n';
            return kExitUsage;
        }
        if (args[0] == "values") return nightly::run_values(settings, document_, json_, std::cout, std::cerr);
        nightly::BuildOptions options;
        options.version = FUEL_VERSION;
        options.only_document = document_;
        if (args[0] == "verify") return nightly::run_verify(settings, options, logger());
        options.check_only = args[0] == "check";
        options.show_progress = !quiet_ && !options.check_only && isatty(STDERR_FILENO);
        std::optional<nightly::StopOnSignals> signals;
        if (!options.check_only) {
            signals.emplace();
            options.stop = &signals->stop();
        }
        const auto report = nightly::run_build(settings, options, logger());
        // The same JSON as OUT/status.json, so one reader serves both.
        if (json_) std::cout << nightly::status_json(report);
        // Stopped by a signal: the shells' convention, 128 + its number.
        if (signals && signals->signal() != 0) return 128 + signals->signal();
        return report.exit_code;
    }

private:
    void print_help() const {
        Poco::Util::HelpFormatter formatter(options());
        formatter.setCommand("fuel");
        formatter.setUsage(core::tr("build|check|verify|values|serve|preview [options]"));
        formatter.setHeader(
            core::tr("Builds the social services committee's documents from development-fund data.\n"
                     "  build   validate each dataset and write its documents to OUT/<dataset>/,\n"
                     "          keeping those whose inputs and templates did not change\n"
                     "  check   validate only; write nothing\n"
                     "  verify  make every archived (sent or decided) version again from what was\n"
                     "          kept, and compare it byte for byte with the archived documents\n"
                     "  values  list every name the dataset's templates may use, its value this\n"
                     "          round and where the templates use it (--data DATASET, optional\n"
                     "          --document NAME, --format json)\n"
                     "  build --document NAME  build one document of a draft dataset; the\n"
                     "          others stay as last published (a sent or decided dataset is\n"
                     "          refused: its documents are archived as one set)\n"
                     "  serve   run as a service that builds on a schedule (fuel serve --help)\n"
                     "  preview show one dataset's documents in a web browser while you edit\n"
                     "          its templates or data; builds again on every save, into a\n"
                     "          scratch folder of its own (fuel preview --help)\n"
                     "Exit status: 0 done, 1 the input has errors (nothing written for that\n"
                     "dataset), 2 usage error, 3 internal failure, 4 another build is writing\n"
                     "to OUT (nothing done; see --wait), 130 or 143 stopped by SIGINT or\n"
                     "SIGTERM (what was not published keeps its last good documents)."));
        formatter.format(std::cout);
    }

    bool help_ = false;
    bool version_ = false;
    bool quiet_ = false;
    bool json_ = false;
    std::string document_;
};

int run_build_or_check(int argc, char** argv) {
    FuelApp app;
    try {
        app.init(argc, argv);
    } catch (const Poco::Util::OptionException& e) {
        std::cerr << "fuel: " << core::tr("{1}; see fuel --help", nightly::option_error_text(e)) << '\n';
        return kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "fuel: " << core::visible(e.what()) << '\n';
        return kExitInternal;
    }
    return app.run();
}

}  // namespace

int run_fuel(int argc, char** argv) {
    nightly::choose_language(argc, argv);
    nightly::log_to_console();
    if (argc > 1 && std::strcmp(argv[1], "serve") == 0) return nightly::run_serve(argc, argv, FUEL_VERSION);
    if (argc > 1 && std::strcmp(argv[1], "preview") == 0) return preview::run_preview(argc, argv, FUEL_VERSION);
    return run_build_or_check(argc, argv);
}

}  // namespace cli
