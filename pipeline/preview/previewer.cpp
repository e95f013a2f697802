#include "preview/previewer.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "core/messages.hpp"
#include "core/diagnostics_json.hpp"
#include "job/document_values.hpp"
#include "job/job.hpp"
#include "nightly/fingerprint.hpp"
#include "preview/source_lines.hpp"

namespace preview {

namespace {

std::string time_of_day() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

std::vector<QuotedDiagnostic> quoted(const core::Diagnostics& diagnostics) {
    SourceLines lines;
    std::vector<QuotedDiagnostic> out;
    for (const auto& d : diagnostics.sorted()) out.push_back({d, lines.line(d.where.file, d.where.line)});
    // Errors first: they are why the pages shown may be old.
    std::stable_sort(out.begin(), out.end(), [](const QuotedDiagnostic& a, const QuotedDiagnostic& b) {
        return a.diagnostic.severity < b.diagnostic.severity;
    });
    return out;
}

}  // namespace

Previewer::Previewer(PreviewSettings settings) : settings_(std::move(settings)) {
    snapshot_ = std::make_shared<Snapshot>();
}

Previewer::~Previewer() { stop(); }

void Previewer::build() {
    job::Spec spec;
    spec.data_dir = settings_.data_dir;
    spec.out_dir = (std::filesystem::path(settings_.scratch_dir) / "out").string();
    // A sent or decided round is shown as its templates make it now, not
    // as archived: the archive is neither read nor written (and its folder
    // is named in the scratch folder all the same).
    spec.ignore_archive = true;
    // The scratch folder is removed when the preview stops: waiting for the
    // disk on every save would only delay the new pages.
    spec.durable = false;
    spec.archive_dir = (std::filesystem::path(settings_.scratch_dir) / "archive").string();
    spec.jobs = settings_.jobs;
    spec.stop = &stop_;
    job::Environment environment;
    environment.templates_dir = settings_.templates_dir;
    environment.digest = nightly::sha256_hex;
    environment.generator = nightly::generator(settings_.version);

    auto next = std::make_shared<Snapshot>();
    const auto started = std::chrono::steady_clock::now();
    try {
        const auto result = job::run(spec, environment);
        if (result.datasets.size() != 1) {
            next->failure =
                core::tr("{1} is not one dataset folder; fuel preview shows one dataset at a time", settings_.data_dir);
        } else {
            const auto& dataset = result.datasets.front();
            next->dataset = dataset.name;
            next->input_errors = dataset.outcome == job::Outcome::InputErrors;
            if (dataset.stage != "utkast") next->committee_state = dataset.state_text;
            if (dataset.outcome == job::Outcome::InternalFailure) next->failure = dataset.failure;
            next->diagnostics = quoted(dataset.diagnostics);
            for (const auto& document : dataset.documents) {
                if (document.rebuilt) ++next->rebuilt;
                next->documents.push_back(
                    {std::filesystem::path(document.path).stem().string(), document.path, document.pages});
            }
        }
    } catch (const std::exception& e) {
        next->failure = e.what();
    }
    next->build_milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    next->built_at = time_of_day();
    {
        std::lock_guard<std::mutex> hold(mutex_);
        next->generation = ++generation_;
        snapshot_ = std::move(next);
    }
    changed_.notify_all();
}

void Previewer::start() {
    thread_ = std::thread([this] { loop(); });
}

void Previewer::loop() {
    for (;;) {
        {
            std::unique_lock<std::mutex> hold(mutex_);
            wanted_.wait(hold, [this] { return build_wanted_ || stop_; });
            if (stop_) return;
            build_wanted_ = false;
        }
        build();
    }
}

void Previewer::request_build() {
    {
        std::lock_guard<std::mutex> hold(mutex_);
        build_wanted_ = true;
    }
    wanted_.notify_one();
}

void Previewer::stop() {
    {
        std::lock_guard<std::mutex> hold(mutex_);
        stop_ = true;
    }
    wanted_.notify_all();
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

std::shared_ptr<const Snapshot> Previewer::snapshot() const {
    std::lock_guard<std::mutex> hold(mutex_);
    return snapshot_;
}

namespace {

std::string values_to_json(const std::vector<doc::TemplateValue>& values) {
    using core::json_string;
    std::string json = "[";
    for (const auto& v : values) {
        json += std::string(json.size() > 1 ? ",\n" : "\n") + "{\"name\": " + json_string(v.name) +
                ", \"kind\": " + json_string(doc::to_string(v.kind)) +
                ", \"value\": " + json_string(core::visible(v.value)) +
                ", \"present\": " + (v.present ? "true" : "false") + ", \"uses\": [";
        for (std::size_t i = 0; i < v.uses.size(); ++i)
            json += std::string(i ? ", " : "") + "{\"file\": " + json_string(v.uses[i].file) +
                    ", \"line\": " + std::to_string(v.uses[i].line) +
                    ", \"column\": " + std::to_string(v.uses[i].column) + "}";
        json += "]}";
    }
    return json + "]\n";
}

}  // namespace

std::string Previewer::values_json(const std::string& name) {
    const auto current = snapshot();
    const bool known = std::any_of(current->documents.begin(), current->documents.end(),
                                   [&](const ShownDocument& d) { return d.name == name; });
    if (!known) return {};
    std::lock_guard<std::mutex> hold(values_mutex_);
    if (values_generation_ != current->generation) {
        values_.clear();
        values_generation_ = current->generation;
    }
    auto at = values_.find(name);
    if (at != values_.end()) return at->second;
    core::Diagnostics ignored;  // the build reports the dataset's problems
    std::string json = "[]\n";
    try {
        const auto documents = job::dataset_values(settings_.data_dir, settings_.templates_dir, name, ignored);
        if (!documents.empty()) json = values_to_json(documents.front().values);
    } catch (const std::exception&) {
        // The panel stays empty; the build says what is wrong.
    }
    return values_.emplace(name, json).first->second;
}

std::uint64_t Previewer::wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> hold(mutex_);
    changed_.wait_for(hold, timeout, [&] { return generation_ > seen || stop_; });
    return generation_;
}

}  // namespace preview
