#pragma once
// The preview's builds: one dataset built into a scratch folder the preview
// owns, again after every change the watcher reports, on one thread. Each
// build is job::run with the same output folder, so its content keys
// (job/content_keys.hpp) re-render only the documents whose inputs or
// template changed; while the inputs have errors job::run leaves the last
// good documents in place, and the snapshot keeps showing them with the
// errors. Readers take the latest snapshot; nothing they hold changes.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostics.hpp"

namespace preview {

struct ShownDocument {
    std::string name;  // the file's name without ".pdf": tjansteutlatande, beslutsbrev-lum-mul-farsta
    std::string pdf;   // its path in the scratch folder
    int pages = 0;
};

struct QuotedDiagnostic {
    core::Diagnostic diagnostic;
    std::string quoted;  // the line it points at, as written in the file; "" when it names no line
};

struct Snapshot {
    std::uint64_t generation = 0;  // 1 after the first build, one more after each
    std::string dataset;
    std::vector<ShownDocument> documents;  // of the last good build
    std::vector<QuotedDiagnostic> diagnostics;
    bool input_errors = false;  // the documents shown are not of the current inputs
    std::string failure;        // fuel itself failed: what went wrong
    double build_milliseconds = 0;
    std::size_t rebuilt = 0;  // documents rendered by this build; the others were kept
    std::string built_at;     // local time of day, "12:04:31"
    // Not a draft: what the committee has (model::describe: "beslutat
    // 2024-12-17 § 14"); the pages shown are still made anew.
    std::string committee_state;
};

struct PreviewSettings {
    std::string data_dir;       // one dataset folder
    std::string templates_dir;  // default "templates"
    std::string scratch_dir;    // the output folder, owned by the preview
    std::string version;        // FUEL_VERSION
    unsigned jobs = 2;
};

class Previewer {
public:
    explicit Previewer(PreviewSettings settings);
    ~Previewer();
    Previewer(const Previewer&) = delete;
    Previewer& operator=(const Previewer&) = delete;

    // Builds now, on the calling thread (the first build, before serving).
    void build();
    // Starts the thread that builds after each request_build().
    void start();
    // Asks for a build; requests that come while one runs make one more.
    void request_build();
    // Stops the thread (a running build stops between documents) and wakes
    // every wait_for_change().
    void stop();
    bool stopping() const { return stop_; }
    const std::string& scratch_folder() const { return settings_.scratch_dir; }

    std::shared_ptr<const Snapshot> snapshot() const;
    // The values panel of document `name` (a document of the last build), as
    // JSON: job::dataset_values read from the dataset now, made when asked
    // for rather than with every build, so that a save shows its pages
    // first; kept until the next build. "" when no such document.
    std::string values_json(const std::string& name);
    // Returns when the generation is past `seen`, on stop(), or after
    // `timeout`; the current generation.
    std::uint64_t wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout);

private:
    void loop();

    PreviewSettings settings_;
    std::atomic<bool> stop_{false};
    mutable std::mutex mutex_;
    std::condition_variable changed_;  // a new snapshot, or stop
    std::condition_variable wanted_;   // a build was requested, or stop
    bool build_wanted_ = false;
    std::shared_ptr<const Snapshot> snapshot_;
    std::uint64_t generation_ = 0;
    std::thread thread_;
    std::mutex values_mutex_;
    std::uint64_t values_generation_ = 0;
    std::map<std::string, std::string> values_;  // document name -> JSON, of values_generation_
};

}  // namespace preview
