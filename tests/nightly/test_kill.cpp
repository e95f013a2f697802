// A build killed (SIGKILL, no chance to clean up) at any moment leaves
// every dataset folder wholly as the old build left it or wholly as the new
// build writes it: each file byte-identical to one of the two, never a
// half-written file, never some files old and others new. The next build
// tidies up and finishes the job.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "datasets.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

extern char** environ;

namespace {

using Files = std::map<std::string, std::string>;  // file name -> bytes
using Outputs = std::map<std::string, Files>;      // dataset -> its files

// Every file of every dataset folder under `out` (the folders fuel owns;
// the lock file and the staging folder are bookkeeping, checked apart).
Outputs read_outputs(const std::string& out) {
    Outputs outputs;
    for (const auto& dataset : fs::directory_iterator(out)) {
        if (!dataset.is_directory() || dataset.path().filename().string().front() == '.') continue;
        for (const auto& file : fs::directory_iterator(dataset.path()))
            if (file.path().filename() != ".fuel-build")
                outputs[dataset.path().filename()][file.path().filename()] = read_file(file.path());
    }
    return outputs;
}

std::vector<std::string> build_arguments(const std::string& data, const std::string& out) {
    return {std::string(FUEL_BINARY_DIR) + "/fuel",
            "build",
            "--data",
            data,
            "--out",
            out,
            "--templates",
            source_path("templates"),
            "--jobs",
            "2",
            "--quiet"};
}

pid_t start_build(const std::string& data, const std::string& out) {
    auto arguments = build_arguments(data, out);
    std::vector<char*> argv;
    for (auto& a : arguments) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(error == 0);
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return status;
}

double build_to_end(const std::string& data, const std::string& out) {
    const auto started = std::chrono::steady_clock::now();
    const int status = wait_for(start_build(data, out));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

// Two datasets, one large enough that a build takes a good fraction of a
// second, in an old and a new version that differ in every document.
struct Versions {
    std::string old_data, new_data;
};

Versions make_versions(const std::string& root) {
    Versions v{root + "/data-old", root + "/data-new"};
    write_enlarged_fixture(v.old_data + "/stor", 8);
    copy_folder(source_path("fixtures/lum-mul-2025"), v.old_data + "/liten");
    copy_folder(v.old_data, v.new_data);
    for (const auto* dataset : {"/stor", "/liten"})
        edit_file(v.new_data + dataset + "/round.xml", "<diary-number>SoF 1.6-0612/2024",
                  "<diary-number>SoF 1.6-0999/2024");
    return v;
}

enum class State { Old, New, Neither };

State state_of(const Files& files, const Files& old_files, const Files& new_files) {
    if (files == old_files) return State::Old;
    if (files == new_files) return State::New;
    return State::Neither;
}

}  // namespace

TEST_CASE("kill: a build killed at any moment leaves each dataset wholly old or wholly new") {
    const auto root = scratch("kill");
    const auto v = make_versions(root);
    const auto old_out = root + "/out-old", new_out = root + "/out-new";
    build_to_end(v.old_data, old_out);
    const double seconds = build_to_end(v.new_data, new_out);
    const auto old_files = read_outputs(old_out), new_files = read_outputs(new_out);
    REQUIRE(old_files.size() == 2);
    REQUIRE(new_files.size() == 2);
    for (const auto& [dataset, files] : old_files) REQUIRE(files != new_files.at(dataset));

    int killed_midway = 0;
    const auto live = root + "/out-live";
    for (const double fraction : {0.05, 0.15, 0.25, 0.4, 0.55, 0.7, 0.85, 1.0}) {
        CAPTURE(fraction);
        // The old build's outputs, then the new build of the new data, killed.
        fs::remove_all(live);
        fs::copy(old_out, live, fs::copy_options::recursive);
        const pid_t pid = start_build(v.new_data, live);
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds * fraction));
        ::kill(pid, SIGKILL);
        const int status = wait_for(pid);
        const auto outputs = read_outputs(live);
        REQUIRE(outputs.size() == 2);
        bool any_old = false;
        for (const auto& [dataset, files] : outputs) {
            CAPTURE(dataset);
            const auto state = state_of(files, old_files.at(dataset), new_files.at(dataset));
            CHECK(state != State::Neither);
            any_old = any_old || state == State::Old;
        }
        if (WIFSIGNALED(status) && any_old) ++killed_midway;
        // The next build recovers: everything new, no bookkeeping left behind.
        build_to_end(v.new_data, live);
        CHECK(read_outputs(live) == new_files);
        CHECK_FALSE(fs::exists(live + "/.fuel-staging"));
        CHECK_FALSE(fs::exists(live + "/.fuel-lock"));
    }
    // The test really caught builds in the middle, not only before or after.
    INFO("a whole build takes " << seconds << " s");
    CHECK(killed_midway >= 2);
}

namespace {

// `fuel build --status` with standard error into `log`, as a service runs it.
pid_t start_logged_build(const std::string& data, const std::string& out, const std::string& log, const char* jobs) {
    std::vector<std::string> arguments = {std::string(FUEL_BINARY_DIR) + "/fuel",
                                          "build",
                                          "--data",
                                          data,
                                          "--out",
                                          out,
                                          "--templates",
                                          source_path("templates"),
                                          "--jobs",
                                          jobs,
                                          "--status"};
    std::vector<char*> argv;
    for (auto& a : arguments) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(error == 0);
    return pid;
}

bool has_pdf(const std::string& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".pdf") return true;
    return false;
}

}  // namespace

TEST_CASE("stop: SIGTERM during a build is a stop, not a failure, and keeps the last good documents") {
    const auto root = scratch("stop");
    const auto v = make_versions(root);
    const auto live = root + "/out";
    REQUIRE(WEXITSTATUS(wait_for(start_logged_build(v.old_data, live, root + "/first.log", "1"))) == 0);
    const auto old_files = read_outputs(live);

    // One thread: "liten" renders first, then the three large documents of
    // "stor". When the first of those is written, two are still to come.
    const pid_t pid = start_logged_build(v.new_data, live, root + "/stopped.log", "1");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (!has_pdf(live + "/.fuel-staging/stor") && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ::kill(pid, SIGTERM);
    const int status = wait_for(pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + SIGTERM);  // the shells' convention for a stop by SIGTERM

    const auto log = read_file(root + "/stopped.log");
    INFO(log);
    CHECK(log.find("SIGTERM received") != std::string::npos);
    CHECK(log.find("stor: stopped before it was published") != std::string::npos);
    CHECK(log.find("build stopped after") != std::string::npos);
    CHECK(log.find("internal failure") == std::string::npos);

    // "stor" was not published: every file as the last good build left it;
    // "liten" was, whole. Nothing of the stopped build is left behind.
    const auto outputs = read_outputs(live);
    CHECK(outputs.at("stor") == old_files.at("stor"));
    CHECK(outputs.at("liten") != old_files.at("liten"));
    CHECK_FALSE(fs::exists(live + "/.fuel-staging"));
    CHECK_FALSE(fs::exists(live + "/.fuel-lock"));

    const auto json = read_file(live + "/status.json");
    CHECK(json.find("\"stopped\": true") != std::string::npos);
    CHECK(json.find("\"exit_status\": 0") != std::string::npos);
    CHECK(json.find("\"status\": \"stopped\"") != std::string::npos);
    CHECK(json.find("\"previous_status\": \"built\"") != std::string::npos);  // its last status stays in view
    CHECK(json.find("internal-failure") == std::string::npos);
    const auto page = read_file(live + "/index.html");
    // The section's own attributes (the style sheet names the statuses too).
    CHECK(page.find("data-dataset=\"stor\" data-status=\"stopped\" data-outcome=\"stopped\"") != std::string::npos);
    CHECK(page.find("Stopped") != std::string::npos);  // the tests run fuel in English
    CHECK(page.find("data-previous-outcome=\"built\"") != std::string::npos);
    CHECK(page.find("data-status=\"failed\" data-outcome") == std::string::npos);

    // The next build finishes the job.
    REQUIRE(WEXITSTATUS(wait_for(start_logged_build(v.new_data, live, root + "/after.log", "2"))) == 0);
    CHECK(read_outputs(live).at("stor") != old_files.at("stor"));
}
