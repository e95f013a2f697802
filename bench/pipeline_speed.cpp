// The pipeline's speed against the floor, measured (not a test: timings
// depend on the machine and its load). For each size, a synthetic round of
// that many applications (the fixture's own, repeated; valid data) is built
// stage by stage, ingest -> transform -> document -> layout -> PDF, all three
// documents of the round, and the same pages are written again by a raw
// libharu loop (pdf/speed_floor.hpp): one font, text only, the same
// compression. Both write to memory, so the disk is not measured.
//
// Goals (issue 3): the whole pipeline at no less than half the floor's pages
// per second, and a cost that grows linearly with the pages.
//
// Each run times the pipeline twice: on one thread, stage by stage, and as
// `fuel build` runs it on --jobs threads (default: the machine's cores, as
// fuel.jobs): the round's templates rendered at once, then each document
// laid out and written at once (job::run). The floor runs on one thread.
//
// Each size runs in a child process of its own, so that its peak memory
// (ru_maxrss) is its own and not the largest size's so far.
//
// Memory, per stage: the resident high-water mark during the stage (VmHWM,
// reset before it, after malloc has given back what earlier stages freed)
// and the heap still in use after it (core::heap_in_use: what the stage's
// results and the structures still held take). The one-thread run releases
// each stage's structures as soon as the next has what it needs, as
// job::run does: the view once the templates are rendered (before their
// Markdown is parsed), the dataset and report with the trees, a tree once
// laid out, each page's layout once painted (after the floor has run on
// the same pages). Last, `fuel build` itself runs on the size's round in a
// child process, as a user runs it (--jobs threads, an empty output folder
// each time): its wall time and peak resident set (ru_maxrss), the
// process's maximum.
//
// Usage: pipeline_speed [--runs N] [--jobs N] [--save DIR] [--timeline] [applications ...]
//   (default: 5 runs; 10 1000 10000). --save writes the last run's PDFs and
//   the floor's to DIR/<applications>/, to look at what was measured;
//   --timeline prints when each step of the threaded run ended, to stderr.
//   pipeline_speed --write-round DIR [applications ...] only writes each
//   size's round to DIR/<applications>/ and keeps it, for running `fuel
//   build` on it under a profiler (heaptrack fuel build --data DIR/4000 ...).
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/memory.hpp"
#include "core/parallel.hpp"
#include "datasets.hpp"
#include "document/build.hpp"
#include "document/markdown_to_doc.hpp"
#include "ingest/dataset_loader.hpp"
#include "layout/hyphenation.hpp"
#include "layout/layout.hpp"
#include "pdf/font_library.hpp"
#include "pdf/speed_floor.hpp"
#include "pdf/writer.hpp"
#include "transform/transform.hpp"

extern char** environ;

namespace {

enum Stage { Ingest, Transform, Document, Layout, Pdf, Floor, Parallel, Build, kStages };
constexpr std::array<const char*, kStages> kStageNames = {
    "ingest", "transform", "document", "layout", "pdf", "floor (raw libharu)", "pipeline, on threads", "fuel build"};

struct Sample {
    std::array<double, kStages> seconds{};
    std::array<long, kStages> peak_kb{};  // the high-water mark of resident memory during the stage
    std::array<long, kStages> held_kb{};  // the heap in use after the stage (core::heap_in_use)
    int pages = 0;
    std::size_t pdf_bytes = 0, floor_bytes = 0;
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Linux keeps a resident-memory high-water mark per process (VmHWM) that
// writing "5" to clear_refs resets (proc(5)); that gives each stage its own
// peak. Where the reset is refused, the peaks are the process's so far.
void reset_peak_memory() { std::ofstream("/proc/self/clear_refs") << "5"; }

long peak_memory_kb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key) {
        if (key == "VmHWM:" && status >> value) return value;
        status.ignore(1 << 10, '\n');
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// After returning what is free (untimed): mimalloc reports what it keeps
// committed, which before collecting includes its freed pages.
long heap_in_use_kb() {
    core::release_free_memory();
    return static_cast<long>(core::heap_in_use() / 1024);
}

// Runs one stage, recording its time and peak memory. A stage run in
// parts (one document at a time) adds up its time and keeps the largest
// peak and heap of its parts.
void stage(Sample& sample, Stage which, const std::function<void()>& work) {
    // What earlier stages freed goes back to the system first (untimed), so
    // that the resident mark starts from what is held and the stage's peak
    // is its own, not an earlier stage's memory that malloc kept.
    core::release_free_memory();
    reset_peak_memory();
    const auto started = std::chrono::steady_clock::now();
    work();
    sample.seconds[which] += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    sample.peak_kb[which] = std::max(sample.peak_kb[which], peak_memory_kb());
    sample.held_kb[which] = std::max(sample.held_kb[which], heap_in_use_kb());
}

[[noreturn]] void fail(const core::Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", core::to_string(d).c_str());
    std::fprintf(stderr, "pipeline_speed: the synthetic round has errors\n");
    std::exit(1);
}

void save(const std::string& path, const std::vector<unsigned char>& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// What the bench holds for the whole run: read once per process, as the
// pipeline does (job/dataset_publish.cpp).
struct Tools {
    const pdf::FontFiles& files;
    const pdf::FontLibrary& fonts;
    const layout::Hyphenator& hyphenator;
    unsigned jobs;
    bool timeline;
};

// The pipeline as job::run runs one dataset: ingest -> transform -> view,
// the templates on `jobs` threads, then each document's layout and PDF on
// `jobs` threads. Returns the PDFs' total size.
std::size_t run_on_threads(const std::string& data, const Tools& tools) {
    const auto started = std::chrono::steady_clock::now();
    const auto ended = [&](const std::string& step) {
        if (!tools.timeline) return;
        const double at = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "  %6.3f s  %s\n", at, step.c_str());
    };
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset(data, diagnostics);
    if (!dataset || diagnostics.has_errors()) fail(diagnostics);
    transform::validate(*dataset, diagnostics);
    const auto report = transform::aggregate(*dataset);
    const auto folder = nightly_test::source_path("templates/" + dataset->round.template_name);
    const auto templates = doc::load_templates(folder, diagnostics);
    ended("ingest, transform, templates read");
    auto view = std::make_unique<kainjow::mustache::data>(doc::make_view_model(report));
    ended("view");
    // As job::run does: the view is freed once the templates are rendered.
    auto trees = doc::build_documents(report, std::move(view), templates, diagnostics, tools.jobs);
    if (diagnostics.has_errors()) fail(diagnostics);
    ended("documents built");
    std::vector<std::size_t> bytes(trees.size());
    std::vector<core::Diagnostics> found(trees.size());
    // Each tree and layout is released once written, as job::run does.
    core::parallel_for(trees.size(), tools.jobs, [&](std::size_t i) {
        auto paged = layout::lay_out(trees[i], tools.fonts, found[i], layout::Style{}, &tools.hyphenator);
        trees[i] = doc::Document{};
        const std::string name =
            "document " + std::to_string(i + 1) + " (" + std::to_string(paged.pages.size()) + " pages)";
        ended(name + " laid out");
        pdf::WriteOptions options;
        options.compression_threads = tools.jobs;  // as job::run writes
        bytes[i] = pdf::render(std::move(paged), tools.files, options).size();
        ended(name + " written");
    });
    std::size_t total = 0;
    for (const auto b : bytes) total += b;
    return total;
}

// One document at a time after the trees: laid out, written and its floor
// run, then released, so that no stage holds more than it needs.
Sample run_once(const std::string& data, const Tools& tools, const std::string& save_dir) {
    const auto& files = tools.files;
    // The floor writes the body face, the one most of the text is set in.
    const auto& body_font = files.paths[static_cast<std::size_t>(layout::FontId::SerifRegular)];
    Sample sample;
    core::Diagnostics diagnostics;
    std::optional<model::Dataset> dataset;
    stage(sample, Ingest, [&] { dataset = ingest::load_dataset(data, diagnostics); });
    if (!dataset || diagnostics.has_errors()) fail(diagnostics);
    std::optional<model::Report> report;
    stage(sample, Transform, [&] {
        transform::validate(*dataset, diagnostics);
        report = transform::aggregate(*dataset);
    });
    std::vector<doc::Document> trees;
    stage(sample, Document, [&] {
        const auto folder = nightly_test::source_path("templates/" + dataset->round.template_name);
        const auto templates = doc::load_templates(folder, diagnostics);
        trees = doc::build_documents(*report, std::make_unique<kainjow::mustache::data>(doc::make_view_model(*report)),
                                     templates, diagnostics, 1);
        // The trees own their text: the report and the dataset go with the view.
        report.reset();
        dataset.reset();
    });
    if (diagnostics.has_errors()) fail(diagnostics);
    if (!save_dir.empty()) std::filesystem::create_directories(save_dir);
    for (std::size_t i = 0; i < trees.size(); ++i) {
        std::optional<layout::PagedDocument> paged;
        stage(sample, Layout, [&] {
            paged = layout::lay_out(trees[i], tools.fonts, diagnostics, layout::Style{}, &tools.hyphenator);
            trees[i] = doc::Document{};
        });
        sample.pages += static_cast<int>(paged->pages.size());
        std::vector<unsigned char> pdf, floor;
        // The floor first: the PDF stage releases the pages as it paints them.
        stage(sample, Floor, [&] { floor = pdf::write_speed_floor(*paged, body_font); });
        stage(sample, Pdf, [&] {
            pdf = pdf::render(std::move(*paged), files);
            paged.reset();
        });
        sample.pdf_bytes += pdf.size();
        sample.floor_bytes += floor.size();
        if (!save_dir.empty()) {
            save(save_dir + "/document-" + std::to_string(i + 1) + ".pdf", pdf);
            save(save_dir + "/floor-" + std::to_string(i + 1) + ".pdf", floor);
        }
    }
    trees.clear();
    std::size_t parallel_bytes = 0;
    stage(sample, Parallel, [&] { parallel_bytes = run_on_threads(data, tools); });
    if (parallel_bytes != sample.pdf_bytes) {
        std::fprintf(stderr, "pipeline_speed: on threads the PDFs came to %zu bytes, on one thread %zu\n",
                     parallel_bytes, sample.pdf_bytes);
        std::exit(1);
    }
    return sample;
}

// Runs argv[0] with its output to /dev/null and writes "SECONDS MAXRSS_KB"
// to standard output; exits 0 if it succeeded. The bench starts this mode
// of itself (a fresh, small process) to run `fuel build`: Linux counts the
// memory of the process a program is started from into the program's
// ru_maxrss (posix_spawn shares the bench's memory until the exec, and a
// fork copies what it holds), so `fuel build` started from the bench
// reported the bench's own peak when that was the larger.
int measure_exec(char** argv) {
    const auto started = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        if (null < 0 || ::dup2(null, 1) < 0 || ::dup2(null, 2) < 0) _exit(126);
        execve(argv[0], argv, environ);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (child < 0 || wait4(child, &status, 0, &usage) != child) return 1;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("%.6f %ld\n", seconds, usage.ru_maxrss);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

// `fuel build` on the round (`data` holds it as its one dataset) in a
// child process, into an empty output folder: its wall time and peak
// resident set (ru_maxrss, kB) go to the sample's Build stage.
void run_fuel_build(Sample& sample, const std::string& data, unsigned jobs) {
    const std::string program = std::string(FUEL_BINARY_DIR) + "/fuel";
    const std::string templates = nightly_test::source_path("templates");
    const std::string out = nightly_test::scratch("bench-speed-out");
    const std::string threads = std::to_string(jobs);
    std::vector<char*> args = {const_cast<char*>("/proc/self/exe"), const_cast<char*>("--measure-exec"),
                               const_cast<char*>(program.c_str()),  const_cast<char*>("build"),
                               const_cast<char*>("--data"),         const_cast<char*>(data.c_str()),
                               const_cast<char*>("--out"),          const_cast<char*>(out.c_str()),
                               const_cast<char*>("--templates"),    const_cast<char*>(templates.c_str()),
                               const_cast<char*>("--jobs"),         const_cast<char*>(threads.c_str()),
                               const_cast<char*>("--quiet"),        nullptr};
    std::fflush(stdout);
    int report[2];
    if (pipe(report) != 0) {
        std::perror("pipeline_speed: pipe");
        std::exit(1);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, report[1], 1);
    posix_spawn_file_actions_addclose(&actions, report[0]);
    pid_t helper = 0;
    const int spawned = posix_spawn(&helper, "/proc/self/exe", &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(report[1]);
    std::string text;
    char buffer[128];
    for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    ::close(report[0]);
    int status = 0;
    double seconds = 0;
    long peak_kb = 0;
    if (spawned != 0 || waitpid(helper, &status, 0) != helper || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        std::sscanf(text.c_str(), "%lf %ld", &seconds, &peak_kb) != 2) {
        std::fprintf(stderr, "pipeline_speed: %s build failed on %s\n", program.c_str(), data.c_str());
        std::exit(1);
    }
    sample.seconds[Build] = seconds;
    sample.peak_kb[Build] = peak_kb;
}

double median_of(const std::vector<Sample>& samples, const std::function<double(const Sample&)>& value) {
    std::vector<double> values;
    for (const auto& s : samples) values.push_back(value(s));
    return median(values);
}

double pipeline_seconds(const Sample& s) {
    double total = 0;
    for (int i = Ingest; i <= Pdf; ++i) total += s.seconds[static_cast<std::size_t>(i)];
    return total;
}

void print_row(const char* name, int pages, double seconds, long peak_kb, long held_kb) {
    std::printf("  %-20s %8.4f s %10.0f pages/s %8.1f MB", name, seconds, pages / seconds, peak_kb / 1024.0);
    if (held_kb >= 0) std::printf(" %8.1f MB", held_kb / 1024.0);
    std::printf("\n");
}

long largest(const std::vector<Sample>& samples, const std::array<long, kStages> Sample::*field, int which) {
    long most = 0;
    for (const auto& s : samples) most = std::max(most, (s.*field)[static_cast<std::size_t>(which)]);
    return most;
}

void print_samples(int applications, unsigned jobs, const std::vector<Sample>& samples) {
    const int pages = samples.front().pages;
    std::printf("%d applications: %d pages in 3 documents (PDF %.1f MB, floor %.1f MB), median of %zu runs, %s\n",
                applications, pages, static_cast<double>(samples.front().pdf_bytes) / 1e6,
                static_cast<double>(samples.front().floor_bytes) / 1e6, samples.size(), core::allocator_name());
    std::printf("  %-20s %10s %18s %11s %11s\n", "", "time", "", "peak RSS", "heap after");
    long pipeline_peak = 0, pipeline_held = 0;
    for (int i = Ingest; i <= Floor; ++i) {
        const auto which = static_cast<std::size_t>(i);
        const long peak = largest(samples, &Sample::peak_kb, i), held = largest(samples, &Sample::held_kb, i);
        if (i <= Pdf) {
            pipeline_peak = std::max(pipeline_peak, peak);
            pipeline_held = std::max(pipeline_held, held);
        }
        if (i == Floor)
            print_row("pipeline, in total", pages, median_of(samples, pipeline_seconds), pipeline_peak, pipeline_held);
        print_row(kStageNames[which], pages, median_of(samples, [&](const Sample& s) { return s.seconds[which]; }),
                  peak, held);
    }
    const double ratio = median_of(samples, [](const Sample& s) { return s.seconds[Floor] / pipeline_seconds(s); });
    std::printf("  pipeline / floor, pages per second: %.2f on one thread (median of the runs' ratios)\n", ratio);
    char name[64];
    std::snprintf(name, sizeof name, "pipeline, %u thread%s", jobs, jobs == 1 ? "" : "s");
    print_row(name, pages, median_of(samples, [](const Sample& s) { return s.seconds[Parallel]; }),
              largest(samples, &Sample::peak_kb, Parallel), largest(samples, &Sample::held_kb, Parallel));
    const double on_threads =
        median_of(samples, [](const Sample& s) { return s.seconds[Floor] / s.seconds[Parallel]; });
    std::printf("  pipeline / floor, pages per second: %.2f on %u thread%s, as fuel build runs (goal 0.50 or more)\n",
                on_threads, jobs, jobs == 1 ? "" : "s");
    std::snprintf(name, sizeof name, "fuel build, --jobs %u", jobs);
    print_row(name, pages, median_of(samples, [](const Sample& s) { return s.seconds[Build]; }),
              largest(samples, &Sample::peak_kb, Build), -1);
    std::printf(
        "  (fuel build: the whole program, reading and writing files and the HTML, Word, Excel and\n"
        "   case-file companions too; its peak is the process's ru_maxrss)\n");
}

// The child: one size, all runs.
int measure(int applications, int runs, unsigned jobs, const std::string& save_dir, bool timeline) {
    const auto data = nightly_test::scratch("bench-speed/" + std::to_string(applications));
    nightly_test::write_sized_fixture(data, applications);
    const auto files = pdf::FontFiles::liberation();
    const auto fonts = pdf::FontLibrary::load(files);  // once per process, as the pipeline does
    const layout::Hyphenator hyphenator(layout::kSwedishHyphenationPatterns);
    const Tools tools{files, fonts, hyphenator, jobs, timeline};
    doc::markdown_to_inlines("");  // cmark-gfm registers its extensions once, before any thread (job/run.cpp)
    std::vector<Sample> samples;
    const std::string save_to = save_dir.empty() ? "" : save_dir + "/" + std::to_string(applications);
    for (int r = 0; r < runs; ++r) {
        if (timeline) std::fprintf(stderr, "%d applications, run %d, on %u threads:\n", applications, r + 1, jobs);
        samples.push_back(run_once(data, tools, r + 1 == runs ? save_to : ""));
        run_fuel_build(samples.back(), data, jobs);
    }
    print_samples(applications, jobs, samples);
    std::fflush(stdout);
    return 0;
}

// Runs one size in a fresh process; returns its peak memory in kB, or -1.
long measure_in_child(const char* self, int applications, int runs, unsigned jobs, const std::string& save_dir,
                      bool timeline) {
    const std::string size = std::to_string(applications), count = std::to_string(runs), threads = std::to_string(jobs);
    std::vector<char*> args = {const_cast<char*>(self),
                               const_cast<char*>("--child"),
                               const_cast<char*>(size.c_str()),
                               const_cast<char*>(count.c_str()),
                               const_cast<char*>(threads.c_str()),
                               const_cast<char*>(save_dir.c_str()),
                               const_cast<char*>(timeline ? "timeline" : ""),
                               nullptr};
    pid_t child = 0;
    if (posix_spawn(&child, "/proc/self/exe", nullptr, nullptr, args.data(), environ) != 0) return -1;
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::string(argv[1]) == "--measure-exec") return measure_exec(argv + 2);
    if (argc >= 5 && std::string(argv[1]) == "--child")
        return measure(std::atoi(argv[2]), std::atoi(argv[3]), static_cast<unsigned>(std::atoi(argv[4])),
                       argc > 5 ? argv[5] : "", argc > 6 && std::string(argv[6]) == "timeline");
    int runs = 5;
    int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::string save_dir, round_dir;
    bool timeline = false;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--runs" && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else if (std::string(argv[i]) == "--timeline")
            timeline = true;
        else if (std::string(argv[i]) == "--jobs" && i + 1 < argc)
            jobs = std::atoi(argv[++i]);
        else if (std::string(argv[i]) == "--save" && i + 1 < argc)
            save_dir = std::filesystem::absolute(argv[++i]).string();
        else if (std::string(argv[i]) == "--write-round" && i + 1 < argc)
            round_dir = std::filesystem::absolute(argv[++i]).string();
        else
            sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty()) sizes = {10, 1000, 10000};
    if (runs < 1 || jobs < 1 || std::any_of(sizes.begin(), sizes.end(), [](int n) { return n < 2; })) {
        std::fprintf(
            stderr,
            "usage: pipeline_speed [--runs N] [--jobs N] [--save DIR] [--timeline] [applications (2 or more) ...]\n"
            "       pipeline_speed --write-round DIR [applications (2 or more) ...]\n");
        return 2;
    }
    if (!round_dir.empty()) {
        for (int applications : sizes) {
            const auto folder = round_dir + "/" + std::to_string(applications);
            std::filesystem::remove_all(folder);
            std::filesystem::create_directories(folder);
            nightly_test::write_sized_fixture(folder, applications);
            std::printf("%s\n", folder.c_str());
        }
        return 0;
    }
    for (int applications : sizes) {
        std::fflush(stdout);
        const long peak =
            measure_in_child(argv[0], applications, runs, static_cast<unsigned>(jobs), save_dir, timeline);
        if (peak < 0) {
            std::fprintf(stderr, "pipeline_speed: the run of %d applications failed\n", applications);
            return 1;
        }
        std::printf("  peak memory of the whole run (ru_maxrss): %.1f MB\n\n", peak / 1024.0);
    }
    return 0;
}
