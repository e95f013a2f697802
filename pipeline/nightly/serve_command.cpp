// `fuel serve`: the long-lived service, a Poco::Util::ServerApplication. It
// runs in the foreground (systemd's Type=simple; Poco's --daemon and
// --pidfile work for other supervisors), builds at the times of
// fuel.schedule, builds at once on SIGHUP (`systemctl reload fuel`), and
// on SIGTERM or SIGINT stops the running build between documents and exits
// 0: a stop is something an operator asked for, not a failure.
#include "nightly/serve_command.hpp"

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/ServerApplication.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>

#include "core/diagnostics.hpp"
#include "nightly/command_options.hpp"
#include "nightly/log_setup.hpp"
#include "nightly/nightly_build.hpp"
#include "nightly/serve_checks.hpp"
#include "nightly/service.hpp"
#include "core/messages.hpp"

namespace nightly {

namespace {

constexpr int kExitUsage = 2;

// The signals the service waits for. They are blocked in every thread
// (threads inherit the mask of the thread that makes them, so this must
// happen before the timer's thread exists) and taken by sigwait(3) in
// main; otherwise SIGTERM could land on a build thread and kill the
// process with the default action. ServerApplication's
// waitForTerminationRequest blocks them only once it is called, too late.
sigset_t service_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (const int s : {SIGINT, SIGTERM, SIGQUIT, SIGHUP}) sigaddset(&set, s);
    return set;
}

class ServeApp final : public Poco::Util::ServerApplication {
public:
    explicit ServeApp(std::string version) : version_(std::move(version)) { setUnixOptions(true); }

protected:
    void defineOptions(Poco::Util::OptionSet& options) override {
        ServerApplication::defineOptions(options);
        options.addOption(Poco::Util::Option("help", "h", core::tr("show this help and exit")));
        define_settings_options(options);
    }

    void handleOption(const std::string& name, const std::string& value) override {
        ServerApplication::handleOption(name, value);
        if (name == "help") help_ = true;
        handle_settings_option(*this, name, value);
    }

    int main(const ArgVec& args) override {
        if (help_) return print_help(), EXIT_OK;
        if (args.size() != 1 || args[0] != "serve") {
            std::cerr << "fuel: " << core::tr("serve takes no arguments besides its options; see fuel serve --help")
                      << '\n';
            return kExitUsage;
        }
        const sigset_t signals = service_signals();
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        Settings settings;
        try {
            settings = read_settings(config(), true);
            apply_language_setting(*this, settings.language);
            // The journal gets everything, each line with its priority, so
            // that `journalctl -p warning` picks out the problems.
            const bool everything = settings.log.file.empty() || isatty(STDERR_FILENO) || stderr_is_journal();
            set_up_logging(settings.log, everything ? Console::Everything : Console::ProblemsOnly);
        } catch (const std::exception& e) {
            std::cerr << "fuel: " << e.what() << '\n';
            return kExitUsage;
        }
        // Folders missing or not writable: one message now, not a failed
        // build at night. systemd does not restart it (RestartPreventExitStatus=2).
        if (const auto problem = service_settings_problem(settings); !problem.empty()) {
            logger().error(core::tr("{1}; fuel serve cannot run", core::visible(problem)));
            return kExitUsage;
        }
        return serve(settings, signals);
    }

private:
    int serve(const Settings& settings, const sigset_t& signals) {
        std::atomic<bool> stop{false};
        BuildOptions options;
        options.version = version_;
        options.wait = true;  // a scheduled build waits for one started by hand, rather than being lost
        options.stop = &stop;
        Service service(
            settings.schedule, [&] { run_build(settings, options, logger()); }, logger());
        logger().information(core::tr("serving: builds {1} -> {2} at {3} local time; SIGHUP builds now",
                                      settings.data_dir, settings.out_dir, settings.schedule_text));
        service.start();
        for (int signal = 0; sigwait(&signals, &signal) == 0 && signal == SIGHUP;) service.build_now();
        logger().information(core::tr("stopping"));
        stop = true;
        service.stop();
        logger().information(core::tr("stopped"));
        return EXIT_OK;
    }

    void print_help() const {
        Poco::Util::HelpFormatter formatter(options());
        formatter.setCommand("fuel");
        formatter.setUsage(core::tr("serve --config FILE [options]"));
        formatter.setHeader(
            core::tr("Runs as a service: builds every dataset at the times of fuel.schedule\n"
                     "(local time), and at once on SIGHUP; stops on SIGTERM. Logs to\n"
                     "fuel.log.file; writes OUT/index.html and OUT/status.json after each build."));
        formatter.format(std::cout);
    }

    std::string version_;
    bool help_ = false;
};

}  // namespace

int run_serve(int argc, char** argv, const std::string& version) {
    // ServerApplication::run parses the options itself and says a mistake
    // in Poco's English ("Unknown option specified: x"). So they are parsed
    // once before, by an application that only reads them, to say it in
    // the user's language (nightly::option_error_text).
    {
        ServeApp options_only(version);
        try {
            options_only.init(argc, argv);
        } catch (const Poco::Util::OptionException& e) {
            std::cerr << "fuel: " << core::tr("{1}; see fuel serve --help", option_error_text(e)) << '\n';
            return kExitUsage;
        } catch (const std::exception&) {
            // Anything else (an unreadable --config, say) is reported by
            // the run below, as before.
        }
    }
    ServeApp app(version);
    const int code = app.run(argc, argv);
    // ServerApplication reports an option it cannot parse as EX_CONFIG;
    // fuel's commands all say 2 for a usage error.
    return code == Poco::Util::Application::EXIT_CONFIG ? kExitUsage : code;
}

}  // namespace nightly
