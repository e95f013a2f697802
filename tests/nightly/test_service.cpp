// The service: the scheduler fires at the time of day it is given, builds
// on demand, and `fuel serve` as a process builds on a short schedule, on
// SIGHUP, and stops cleanly on SIGTERM. Every wait polls; none sleeps more
// than a fraction of a second at a time.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <functional>
#include <sstream>
#include <thread>

#include "datasets.hpp"
#include "job/command.hpp"
#include "nightly/service.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;
using Clock = std::chrono::steady_clock;

extern char** environ;

namespace {

// The local time of day `seconds` from now, as a schedule setting.
std::string time_of_day_in(int seconds) {
    const std::time_t at = std::time(nullptr) + seconds;
    std::tm local{};
    localtime_r(&at, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

// Polls `done` every 50 ms until it holds or `limit` passes.
bool eventually(const std::function<bool()>& done, std::chrono::seconds limit) {
    const auto until = Clock::now() + limit;
    while (!done()) {
        if (Clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

std::string read_if_there(const std::string& path) { return fs::exists(path) ? read_file(path) : ""; }

pid_t spawn_fuel(const std::vector<std::string>& arguments) {
    std::vector<std::string> all{std::string(FUEL_BINARY_DIR) + "/fuel"};
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(error == 0);
    return pid;
}

}  // namespace

TEST_CASE("service: the scheduler runs the build at the scheduled second and on demand") {
    std::mutex mutex;
    std::condition_variable changed;
    int builds = 0;
    const auto build = [&] {
        std::lock_guard<std::mutex> hold(mutex);
        ++builds;
        changed.notify_all();
    };
    const auto wait_for_builds = [&](int n) {
        std::unique_lock<std::mutex> hold(mutex);
        return changed.wait_for(hold, std::chrono::seconds(10), [&] { return builds >= n; });
    };
    const auto started = Clock::now();
    nightly::Service service(nightly::parse_schedule(time_of_day_in(2)), build, Poco::Logger::get("test"));
    service.start();
    CHECK(service.next_run() > std::time(nullptr));
    REQUIRE(wait_for_builds(1));
    CHECK(Clock::now() - started > std::chrono::milliseconds(900));  // it waited for the time, not ran at once
    // After the run the next one is computed: tomorrow.
    CHECK(eventually([&] { return service.next_run() > std::time(nullptr) + 20 * 3600; }, std::chrono::seconds(5)));
    service.build_now();
    REQUIRE(wait_for_builds(2));
    service.stop();
}

TEST_CASE("service: fuel serve builds on its schedule, on SIGHUP, and stops on SIGTERM") {
    const auto root = scratch("serve");
    const auto out = root + "/out", log = root + "/fuel.log";
    copy_folder(source_path("fixtures/lum-mul-2025"), root + "/data/lum-mul-2025");
    fs::create_directories(out);  // the service checks at start that it exists (tmpfiles.d makes it)
    write_file(root + "/fuel.properties",
               "fuel.data = " + root + "/data\nfuel.out = " + out + "\nfuel.templates = " + source_path("templates") +
                   "\nfuel.schedule = " + time_of_day_in(3) + "\nfuel.log.file = " + log + "\nfuel.jobs = 2\n");
    const pid_t pid = spawn_fuel({"serve", "--config", root + "/fuel.properties"});

    REQUIRE(eventually([&] { return count(read_if_there(log), "next build at") >= 1; }, std::chrono::seconds(10)));
    CHECK_FALSE(fs::exists(out + "/status.json"));  // nothing before the scheduled time
    REQUIRE(eventually([&] { return count(read_if_there(log), "build finished") >= 1; }, std::chrono::seconds(30)));
    CHECK(fs::exists(out + "/index.html"));
    CHECK(fs::exists(out + "/lum-mul-2025/tjansteutlatande.pdf"));
    CHECK(read_file(out + "/status.json").find("\"ok\": true") != std::string::npos);

    ::kill(pid, SIGHUP);
    REQUIRE(eventually([&] { return count(read_if_there(log), "build finished") >= 2; }, std::chrono::seconds(30)));
    CHECK(count(read_file(log), "build requested") == 1);
    CHECK(count(read_file(log), "0 documents built, 3 skipped") == 1);  // the on-demand build found nothing new

    ::kill(pid, SIGTERM);
    int status = -1;
    REQUIRE(eventually([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, std::chrono::seconds(10)));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(read_file(log).find("stopped") != std::string::npos);
}

TEST_CASE("service: settings that make no sense are usage errors (exit 2) that name the key") {
    const auto root = scratch("serve-settings");
    write_file(root + "/bad-schedule.properties", "fuel.schedule = 25:00\n");
    write_file(root + "/bad-jobs.properties", "fuel.jobs = noll\n");
    const auto serve =
        run_command(fuel_program() + " serve --config " + quote(root + "/bad-schedule.properties") + " 2>&1");
    CHECK(serve.status == 2);
    CHECK(serve.output.find("25:00") != std::string::npos);
    const auto jobs = run_command(fuel_program() + " build --config " + quote(root + "/bad-jobs.properties") + " 2>&1");
    CHECK(jobs.status == 2);
    CHECK(jobs.output.find("fuel.jobs") != std::string::npos);
    CHECK(run_command(fuel_program() + " build --jobs 0 2>&1").status == 2);
    const auto missing = run_command(fuel_program() + " build --config " + quote(root + "/none.properties") + " 2>&1");
    CHECK(missing.status == 2);
    CHECK(missing.output.find("cannot read the configuration file") != std::string::npos);
    CHECK(run_command(fuel_program() + " serve --no-such-option 2>&1").status == 2);
}

TEST_CASE("service: fuel serve checks its folders at start, and exits 2 with one message") {
    const auto root = scratch("serve-folders");
    copy_folder(source_path("fixtures/lum-mul-2025"), root + "/data/lum-mul-2025");
    fs::create_directories(root + "/out");
    write_file(root + "/a-file", "not a folder\n");
    const auto settings = [&](const std::string& data, const std::string& templates, const std::string& out) {
        return "fuel.data = " + data + "\nfuel.templates = " + templates + "\nfuel.out = " + out +
               "\nfuel.schedule = 02:00\n";
    };
    const auto data = root + "/data", templates = source_path("templates"), out = root + "/out";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {settings(root + "/no-data", templates, out), "fuel.data"},
        {settings(data, root + "/no-templates", out), "fuel.templates"},
        {settings(data, templates, root + "/no-out"), "fuel.out"},
        {settings(data, templates, root + "/a-file"), "fuel.out"},
        {settings(data, templates, data + "/lum-mul-2025"), "lies inside the data folder"},
        {settings(data, templates, out) + "fuel.archive = " + root + "/a-file/archive\n", "fuel.archive"},
    };
    for (const auto& [text, named] : cases) {
        CAPTURE(text);
        write_file(root + "/fuel.properties", text);
        // timeout(1): a check that let the service start would otherwise wait for 02:00.
        const auto r = run_command("timeout 20 " + fuel_program() + " serve --config " +
                                   quote(root + "/fuel.properties") + " 2>&1");
        INFO(r.output);
        CHECK(r.status == 2);
        CHECK(count(r.output, "\n") == 1);  // one message
        CHECK(r.output.find(named) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(root + "/no-out"));  // nothing made
}

TEST_CASE("service: on the journal (JOURNAL_STREAM), every line starts with its priority") {
    const auto root = scratch("journal");
    copy_folder(source_path("fixtures/halvering-2002-2003"), root + "/data/halvering-2002-2003");  // warnings
    copy_folder(source_path("tests/fixtures/invalid-round"), root + "/data/invalid-round");        // errors
    const auto log = root + "/stderr";
    write_file(log, "");
    struct stat file {};
    REQUIRE(::stat(log.c_str(), &file) == 0);
    const auto build = [&](const std::string& stream) {
        return run_command("JOURNAL_STREAM=" + stream + " " + fuel_program() + " build --data " +
                           quote(root + "/data") + " --out " + quote(root + "/out") + " --templates " +
                           quote(source_path("templates")) + " --jobs 2 2>" + quote(log));
    };
    // As systemd sets it: the device and inode of the stream standard error is.
    CHECK(build(std::to_string(file.st_dev) + ":" + std::to_string(file.st_ino)).status == 1);
    const auto journal = read_file(log);
    INFO(journal);
    std::size_t lines = 0, errors = 0, warnings = 0, information = 0;
    std::istringstream in(journal);
    for (std::string line; std::getline(in, line); ++lines) {
        CAPTURE(line);
        REQUIRE(line.size() > 3);
        CHECK((line[0] == '<' && line[1] >= '0' && line[1] <= '7' && line[2] == '>'));
        errors += line.rfind("<3>", 0) == 0 && line.find(": error: ") != std::string::npos;
        warnings += line.rfind("<4>", 0) == 0 && line.find(": warning: ") != std::string::npos;
        information += line.rfind("<6>fuel: build started", 0) == 0;
        // A diagnostic's severity and its priority agree.
        if (line.find(": error: ") != std::string::npos) CHECK(line.rfind("<3>", 0) == 0);
        if (line.find(": warning: ") != std::string::npos) CHECK(line.rfind("<4>", 0) == 0);
    }
    CHECK(lines > 5);
    CHECK(errors >= 1);
    CHECK(warnings >= 1);
    CHECK(information == 1);

    // Standard error redirected elsewhere than the journal's stream: no prefixes.
    CHECK(build(std::to_string(file.st_dev) + ":" + std::to_string(file.st_ino + 1)).status == 1);
    CHECK(read_file(log).find("\n<") == std::string::npos);
    CHECK(read_file(log).rfind("<", 0) != 0);
}

TEST_CASE("service: SIGTERM during a build is logged as a stop, and status.json says stopped") {
    const auto root = scratch("serve-stop");
    const auto out = root + "/out", log = root + "/fuel.log";
    write_enlarged_fixture(root + "/data/stor", 16);  // three large documents: a build to stop in the middle
    fs::create_directories(out);
    write_file(root + "/fuel.properties",
               "fuel.data = " + root + "/data\nfuel.out = " + out + "\nfuel.templates = " + source_path("templates") +
                   "\nfuel.schedule = " + time_of_day_in(2) + "\nfuel.log.file = " + log + "\nfuel.jobs = 1\n");
    const pid_t pid = spawn_fuel({"serve", "--config", root + "/fuel.properties"});
    // The first document written into the staging folder: two are still to come.
    const auto staged_pdf = [&] {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(out + "/.fuel-staging/stor", ec))
            if (entry.path().extension() == ".pdf") return true;
        return false;
    };
    // Polled every 2 ms, not eventually()'s 50: the two documents still to
    // come take about a tenth of a second, and a stop that lands after them
    // finds a finished build.
    const auto deadline = Clock::now() + std::chrono::seconds(120);
    while (!staged_pdf() && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(staged_pdf());
    ::kill(pid, SIGTERM);
    int status = -1;
    REQUIRE(eventually([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, std::chrono::seconds(120)));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const auto text = read_file(log);
    INFO(text);
    CHECK(text.find("Information: stor: stopped before it was published; it has no earlier documents") !=
          std::string::npos);
    CHECK(text.find("Information: build stopped after") != std::string::npos);
    CHECK(text.find("Critical") == std::string::npos);
    CHECK(text.find("internal failure") == std::string::npos);
    const auto json = read_file(out + "/status.json");
    CHECK(json.find("\"stopped\": true") != std::string::npos);
    CHECK(json.find("\"status\": \"stopped\"") != std::string::npos);
    CHECK_FALSE(fs::exists(out + "/stor"));  // never published, nothing half-written
    CHECK_FALSE(fs::exists(out + "/.fuel-staging"));
}
