// The nightly build's two speed claims, measured (not a test: timings
// depend on the machine and its load):
//   - documents built on 2 threads, one libharu document per thread, are
//     faster than on 1 (goal: 1.8x or better on 2 cores);
//   - a night with no new exports costs almost nothing (incremental keys).
// Usage: nightly_parallel [copies=8] [runs=5] [threads=2]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "datasets.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

double seconds_of(const std::function<void()>& work) {
    const auto started = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

// CPU time of the whole process, all threads: on a machine that others
// load too, the wall-clock ratio drops while this shows the work is the same.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// One full build into a fresh folder: every document rendered.
double full_build(const std::string& data, const std::string& out, unsigned threads) {
    fs::remove_all(out);
    auto environment = nightly_test::environment();
    environment.digest = nullptr;
    return seconds_of([&] {
        if (job::run(spec(data, out, threads), environment).exit_code() != 0) {
            std::fprintf(stderr, "nightly_parallel: the build failed\n");
            std::exit(1);
        }
    });
}

}  // namespace

int main(int argc, char** argv) {
    const int copies = argc > 1 ? std::atoi(argv[1]) : 8;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    const unsigned threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 2;
    const auto root = scratch("bench-parallel");
    const auto data = root + "/data";
    for (int i = 1; i <= copies; ++i)
        copy_folder(source_path("fixtures/lum-mul-2025"), data + "/kopia-" + std::to_string(100 + i).substr(1));

    full_build(data, root + "/warm-up", threads);  // fonts are read once per process; not part of the figures
    std::vector<double> serial, parallel, serial_cpu, parallel_cpu;
    for (int r = 0; r < runs; ++r) {  // interleaved, so that a change in machine load hits both
        double cpu = cpu_seconds();
        serial.push_back(full_build(data, root + "/serial", 1));
        serial_cpu.push_back(cpu_seconds() - cpu);
        cpu = cpu_seconds();
        parallel.push_back(full_build(data, root + "/parallel", threads));
        parallel_cpu.push_back(cpu_seconds() - cpu);
    }
    const double s = median(serial), p = median(parallel);
    std::printf("nightly_parallel: %d copies of lum-mul-2025 (%d documents), median of %d runs\n", copies, copies * 3,
                runs);
    std::printf("  serial, 1 thread:      %.3f s (CPU %.3f s)\n", s, median(serial_cpu));
    std::printf("  parallel, %u threads:   %.3f s (CPU %.3f s)\n", threads, p, median(parallel_cpu));
    std::printf("  speed-up:              %.2fx\n", s / p);

    // A night with nothing new: the same data again, incremental.
    const auto out = root + "/incremental";
    fs::remove_all(out);
    job::run(spec(data, out, threads), environment());
    std::vector<double> unchanged;
    for (int r = 0; r < runs; ++r)
        unchanged.push_back(seconds_of([&] {
            const auto result = job::run(spec(data, out, threads), environment());
            if (result.documents_rebuilt() != 0) std::fprintf(stderr, "nightly_parallel: something was rebuilt\n");
        }));
    std::printf("  a night with nothing new: %.4f s (%.1f%% of a serial full build)\n", median(unchanged),
                100 * median(unchanged) / s);
    return 0;
}
