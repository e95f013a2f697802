// `fuel preview`: builds one dataset into a scratch folder, serves a page
// that shows its documents' pages and diagnostics, and builds again on
// every save, the page following by itself.
#include "preview/preview_command.hpp"

#include <signal.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "core/diagnostics.hpp"
#include "core/messages.hpp"
#include "ingest/dataset_loader.hpp"
#include "preview/folder_watcher.hpp"
#include "preview/http_server.hpp"
#include "preview/previewer.hpp"
#include "preview/scratch_folder.hpp"

namespace preview {

namespace {

constexpr int kExitUsage = 2;
constexpr unsigned kDefaultPort = 8040;

struct Options {
    std::string data_dir;
    std::string templates_dir = "templates";
    std::string address = "127.0.0.1";
    unsigned port = kDefaultPort;
    bool help = false;
};

void print_help() {
    std::cout << core::tr(
        "usage: fuel preview --data DATASET [--templates DIR] [--port N] [--address ADDR]\n"
        "                    [--lang sv|en]\n"
        "\n"
        "Shows a dataset's documents in a web browser while you edit them: builds the\n"
        "dataset into a scratch folder of its own (removed when it stops; the output\n"
        "folder and the archive are never touched), serves a page at\n"
        "http://127.0.0.1:N/ with each document's pages and every problem found,\n"
        "and builds again each time a file of the dataset or a template is saved.\n"
        "Stop it with Ctrl-C.\n"
        "\n"
        "  --data DATASET    one dataset folder (with round.xml, report.xml or\n"
        "                    application.xml)\n"
        "  --templates DIR   the templates (default: templates)\n"
        "  --port N          the port to listen on (default: 8040; 0: any free port)\n"
        "  --address ADDR    listen on ADDR instead of 127.0.0.1. Only this computer\n"
        "                    can reach 127.0.0.1; on any other address everyone who can\n"
        "                    reach it over the network can read the dataset's documents\n"
        "                    and problems, with no password. Use it only on a network\n"
        "                    you trust.\n"
        "  --lang sv|en      the language of the page and the messages (default:\n"
        "                    Swedish, or English when LANG or LANGUAGE asks for it)\n"
        "  -h, --help        show this help and exit\n");
}

// Throws std::invalid_argument with a message for people.
Options parse(int argc, char** argv) {
    Options options;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        std::optional<std::string> value;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
        }
        if (arg == "-h" || arg == "--help") {
            options.help = true;
            continue;
        }
        const bool takes_value =
            arg == "--data" || arg == "--templates" || arg == "--port" || arg == "--address" || arg == "--lang";
        if (!takes_value) throw std::invalid_argument(core::tr("unknown option {1}", core::visible(arg)));
        if (!value) {
            if (i + 1 >= argc) throw std::invalid_argument(core::tr("{1} needs a value", arg));
            value = argv[++i];
        }
        if (arg == "--data") options.data_dir = *value;
        if (arg == "--templates") options.templates_dir = *value;
        if (arg == "--address") options.address = *value;
        // Applied before anything is said (nightly::choose_language); checked here.
        if (arg == "--lang" && !core::parse_language(*value))
            throw std::invalid_argument(core::tr("--lang takes sv or en, not '{1}'", core::visible(*value)));
        if (arg == "--port") {
            std::size_t used = 0;
            unsigned long port = 0;
            try {
                port = std::stoul(*value, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != value->size() || value->empty() || port > 65535)
                throw std::invalid_argument(
                    core::tr("--port takes a number from 0 to 65535, not {1}", core::visible(*value)));
            options.port = static_cast<unsigned>(port);
        }
    }
    if (!options.help && options.data_dir.empty())
        throw std::invalid_argument(core::tr("fuel preview needs --data DATASET, one dataset folder"));
    return options;
}

// The folders, checked before anything starts.
std::string folders_problem(const Options& options) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(options.data_dir, error))
        return core::tr("{1} is not a folder; --data takes one dataset folder", core::visible(options.data_dir));
    const bool dataset = fs::exists(fs::path(options.data_dir) / "round.xml", error) ||
                         fs::exists(fs::path(options.data_dir) / "report.xml", error) ||
                         fs::exists(fs::path(options.data_dir) / "application.xml", error);
    if (!dataset)
        return core::tr(
            "{1} is not a dataset folder: it has no round.xml, report.xml or application.xml; fuel preview shows "
            "one dataset at a time",
            core::visible(options.data_dir));
    if (!fs::is_directory(options.templates_dir, error))
        return core::tr("{1} is not a folder; --templates takes the templates folder",
                        core::visible(options.templates_dir));
    // A templates folder without the dataset's own template folder (another
    // folder given by mistake) would only show an error page.
    const auto named = ingest::named_template_folder(options.data_dir);
    if (!named.empty() && !fs::is_directory(fs::path(options.templates_dir) / named, error))
        return core::tr(
            "{1} has no folder {2}, the template the dataset names in <template>; --templates takes "
            "the templates folder",
            core::visible(options.templates_dir), core::visible(named));
    return {};
}

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
    return set;
}

}  // namespace

int run_preview(int argc, char** argv, const std::string& version) {
    Options options;
    try {
        options = parse(argc, argv);
    } catch (const std::invalid_argument& e) {
        std::cerr << "fuel: " << e.what() << "; " << core::tr("see fuel preview --help") << '\n';
        return kExitUsage;
    }
    if (options.help) return print_help(), 0;
    if (const auto problem = folders_problem(options); !problem.empty()) {
        std::cerr << "fuel: " << problem << '\n';
        return kExitUsage;
    }
    // Blocked in every thread (threads inherit the mask, so before any is
    // made) and taken by sigwait below: Ctrl-C ends the preview cleanly, and
    // the scratch folder is removed.
    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        ScratchFolder scratch;
        PreviewSettings settings;
        settings.data_dir = options.data_dir;
        settings.templates_dir = options.templates_dir;
        settings.scratch_dir = scratch.path();
        settings.version = version;
        settings.jobs = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
        Previewer previewer(settings);
        // The port first: when it is taken, say so before building anything.
        HttpServer server(previewer, options.address, options.port);
        FolderWatcher watcher({{options.data_dir, ""}, {options.templates_dir, ".md"}},
                              [&] { previewer.request_build(); });
        watcher.start();  // before the first build, so that no save is missed
        std::cerr << core::tr("fuel preview: building {1}…", core::visible(options.data_dir)) << '\n';
        previewer.build();
        previewer.start();
        server.start();
        std::cout << core::tr("fuel preview: {1} is shown at {2} (Ctrl-C stops)", core::visible(options.data_dir),
                              server.url())
                  << std::endl;
        int signal = 0;
        sigwait(&signals, &signal);
        std::cerr << core::tr("fuel preview: stopping") << '\n';
        watcher.stop();
        previewer.stop();
        server.stop();
        return 0;
    } catch (const ListenError& e) {
        std::cerr << "fuel: " << core::visible(e.what()) << '\n';
        return kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "fuel: " << core::tr("fuel preview cannot start: {1}", core::visible(e.what())) << '\n';
        return kExitUsage;
    }
}

}  // namespace preview
