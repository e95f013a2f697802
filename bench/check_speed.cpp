// fuel check on large rounds, measured (not a test: timings depend on the
// machine and its load). The goal: 50 000 applications validated in under
// 2 s, with peak memory linear in the input.
// For each size, a synthetic round of that many applications (the fixture's
// own, repeated under new ids: nightly_test::write_sized_fixture) is written
// once; then the fuel program runs `fuel check --data DIR --templates T --quiet` `runs`
// times, each in its own process, and the median wall time and the largest
// peak resident set (getrusage of the child, ru_maxrss) are printed, with
// the memory per application so that linearity shows across sizes.
// Before a check rendered one application of each shape (view_shapes.hpp),
// measured on the RelWithDebInfo build, 2 cores under a load average of 6-10:
// 10 000 applications 3.1 s / 458 MiB, 25 000 8.0 s / 1 126 MiB, 50 000
// 15.3 s / 2 235 MiB (median of 5). Time and memory are linear (about 46 KiB
// per application), but the goal is missed: check renders every document
// tree (templates, Mustache view, CommonMark) to find template errors, and
// that is about two thirds of the time (perf: build_documents 49 %,
// make_view_model 14 %, freeing the Mustache data 16 %, ingest 10 %).
// Usage: check_speed [--runs N] [--save DIR] [applications ...]   (default 10000 25000 50000, 5 runs;
// --save DIR writes the rounds to DIR/check-speed-N and keeps them, for profiling)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "datasets.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

struct Sample {
    double seconds = 0;
    double cpu_seconds = 0;  // user + system: what the run costs, less sensitive to other load than wall time
    long peak_kib = 0;
    int status = -1;
};

// One run of the fuel program in a child process; stdout and stderr are
// discarded (a valid round prints only its summary).
Sample run_check(const std::string& data) {
    const std::string program = std::string(FUEL_BINARY_DIR) + "/fuel";
    const std::string templates = source_path("templates");
    std::fflush(stdout);  // the child must not print the parent's buffer again
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        execl(program.c_str(), program.c_str(), "check", "--data", data.c_str(), "--templates", templates.c_str(),
              "--quiet", static_cast<char*>(nullptr));
        _exit(127);
    }
    Sample sample;
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    sample.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    sample.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    sample.peak_kib = usage.ru_maxrss;  // kibibytes on Linux
    sample.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return sample;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    std::string save;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--save" && i + 1 < argc)
            save = argv[++i];
        else
            sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty()) sizes = {10000, 25000, 50000};
    std::printf("%12s %8s %12s %12s %12s %14s %12s\n", "applications", "runs", "median s", "median cpu s", "peak MiB",
                "KiB/application", "input MiB");
    int failures = 0;
    for (const int size : sizes) {
        const auto name = "check-speed-" + std::to_string(size);
        const auto data = save.empty() ? scratch(name) : save + "/" + name;
        if (!save.empty()) fs::create_directories(data);
        const auto dataset = data + "/round";
        write_sized_fixture(dataset, size);
        std::uintmax_t input = 0;
        for (const auto& entry : fs::directory_iterator(dataset))
            if (entry.is_regular_file()) input += entry.file_size();
        std::vector<double> times, cpu_times;
        long peak = 0;
        for (int r = 0; r < runs; ++r) {
            const auto sample = run_check(data);
            if (sample.status != 0) {
                std::fprintf(stderr, "check_speed: fuel check exited with %d on %d applications\n", sample.status,
                             size);
                ++failures;
            }
            times.push_back(sample.seconds);
            cpu_times.push_back(sample.cpu_seconds);
            peak = std::max(peak, sample.peak_kib);
        }
        std::printf("%12d %8d %12.3f %12.3f %12.1f %14.2f %12.1f\n", size, runs, median(times), median(cpu_times),
                    static_cast<double>(peak) / 1024.0, static_cast<double>(peak) / size,
                    static_cast<double>(input) / (1024.0 * 1024.0));
        std::fflush(stdout);
        if (save.empty()) fs::remove_all(data);
    }
    return failures == 0 ? 0 : 1;
}
