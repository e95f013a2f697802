// One build per output folder: a second build refuses (exit 4) or waits,
// and a lock left by a process that was killed does not block anyone.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "datasets.hpp"
#include "job/command.hpp"
#include "job/output_lock.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

// A child process that takes the lock, says so on a pipe, then holds it
// for `seconds` (or until it is killed).
pid_t hold_lock_in_child(const std::string& out, int seconds) {
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(ready[0]);
        {
            job::OutputLock lock(out, false);
            (void)!::write(ready[1], "x", 1);
            std::this_thread::sleep_for(std::chrono::seconds(seconds));
        }
        ::_exit(0);
    }
    ::close(ready[1]);
    char byte;
    REQUIRE(::read(ready[0], &byte, 1) == 1);
    ::close(ready[0]);
    return pid;
}

std::string build_command(const std::string& data, const std::string& out, const std::string& extra = "") {
    return fuel_program() + " build --data " + quote(data) + " --out " + quote(out) + " --templates " +
           quote(source_path("templates")) + " " + extra + " 2>&1";
}

}  // namespace

TEST_CASE("lock: a second lock on the same folder is refused while the first is held") {
    const auto out = scratch("lock-in-process");
    {
        job::OutputLock first(out, false);
        CHECK(fs::exists(out + "/" + job::kLockFile));
        try {
            job::OutputLock second(out, false);
            FAIL("the second lock was granted");
        } catch (const job::OutputBusy& e) {
            CHECK(std::string(e.what()).find("process " + std::to_string(::getpid())) != std::string::npos);
        }
        // Another folder is not affected.
        job::OutputLock elsewhere(scratch("lock-in-process-other"), false);
    }
    CHECK_FALSE(fs::exists(out + "/" + job::kLockFile));  // released cleanly: no trace left
    job::OutputLock again(out, false);
}

TEST_CASE("lock: fuel build exits 4 while another process builds, and a killed holder blocks nobody") {
    const auto root = scratch("lock-killed");
    const auto out = root + "/out";
    const auto data = source_path("fixtures/lum-mul-2025");
    const pid_t holder = hold_lock_in_child(out, 60);

    const auto refused = run_command(build_command(data, out));
    INFO(refused.output);
    CHECK(refused.status == 4);
    CHECK(refused.output.find("another build is writing to") != std::string::npos);
    CHECK(refused.output.find("process " + std::to_string(holder)) != std::string::npos);
    CHECK_FALSE(fs::exists(out + "/lum-mul-2025"));

    ::kill(holder, SIGKILL);
    int status = 0;
    ::waitpid(holder, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    // The killed process could not remove its lock file; it must not matter.
    CHECK(fs::exists(out + "/" + job::kLockFile));
    const auto after = run_command(build_command(data, out));
    INFO(after.output);
    CHECK(after.status == 0);
    CHECK(fs::exists(out + "/lum-mul-2025/tjansteutlatande.pdf"));
}

TEST_CASE("lock: fuel build --wait waits for the other build and then runs") {
    const auto out = scratch("lock-wait") + "/out";
    const pid_t holder = hold_lock_in_child(out, 2);
    const auto started = std::chrono::steady_clock::now();
    const auto waited = run_command(build_command(source_path("fixtures/lum-mul-2025"), out, "--wait"));
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    INFO(waited.output);
    CHECK(waited.status == 0);
    CHECK(seconds > 1.0);  // it did wait for the holder's release
    CHECK(fs::exists(out + "/lum-mul-2025/tjansteutlatande.pdf"));
    int status = 0;
    ::waitpid(holder, &status, 0);
}

TEST_CASE("lock: a waiting build gives up when asked to stop") {
    const auto out = scratch("lock-stop");
    job::OutputLock held(out, false);
    std::atomic<bool> stop{false};
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        stop = true;
    });
    CHECK_THROWS_AS(job::OutputLock(out, true, &stop), job::OutputBusy);
    stopper.join();
}
