#include "nightly/nightly_build.hpp"

#include <chrono>
#include <iostream>

#include "core/messages.hpp"
#include "core/diagnostics.hpp"
#include "job/folder_rules.hpp"
#include "job/verify.hpp"
#include "nightly/fingerprint.hpp"
#include "nightly/log_setup.hpp"

namespace nightly {

namespace {

std::string counts(const core::Diagnostics& d) {
    return std::to_string(d.error_count()) + " errors, " + std::to_string(d.warning_count()) + " warnings";
}

// "; 28 records read, 27 used, 1 rejected": nothing is lost without a word.
// When only a template failed, that is what is said: no record was
// rejected, and counts of used and rejected records would only suggest
// the data was at fault.
std::string records(const job::DatasetResult& d) {
    if (d.account_text.empty()) return "";
    if (!d.account_note.empty())
        return "; " + d.account_note + "; " + core::tr("{1} records read", std::to_string(d.records_read));
    return "; " + std::to_string(d.records_read) + " records read, " + std::to_string(d.records_used) + " used, " +
           std::to_string(d.records_rejected) + " rejected";
}

void log_diagnostics(const job::DatasetResult& d) {
    auto& log = Poco::Logger::get(kDiagnosticsLogger);
    for (const auto& diagnostic : d.diagnostics.sorted()) {
        const auto text = core::to_string(diagnostic);
        if (diagnostic.severity == core::Severity::Error)
            log.error(text);
        else if (diagnostic.severity == core::Severity::Warning)
            log.warning(text);
        else
            log.notice(text);
    }
}

std::string kept_note(const job::DatasetResult& d) {
    if (d.documents.empty()) return "";
    return "; the " + std::to_string(d.documents.size()) + " documents of " + iso_local(d.last_good_build) +
           " stay in place";
}

void log_dataset(const job::DatasetResult& d, const Settings& settings, Poco::Logger& log) {
    // An unchanged dataset's diagnostics were logged when it was built; a
    // sealed one's are new each time (what differs from the archive).
    if (d.outcome != job::Outcome::Unchanged || !d.archive_note.empty()) log_diagnostics(d);
    // A sent or decided dataset: one line of what the archive did.
    if (!d.archive_note.empty() && (d.outcome == job::Outcome::Built || d.outcome == job::Outcome::Unchanged)) {
        log.information(d.name + ": " + d.archive_note);
        if (d.account_text.empty()) return;  // served from the archive: nothing else was done
    }
    switch (d.outcome) {
        case job::Outcome::Built:
            log.information(d.name + ": " + std::to_string(d.documents.size()) + " documents written to " +
                            settings.out_dir + "/" + d.name + " (" + counts(d.diagnostics) + records(d) + ")");
            for (const auto& doc : d.documents)
                log.information("  " + doc.path + " (" + std::to_string(doc.pages) + " pages, " +
                                (doc.rebuilt ? "built" : "unchanged, kept") + ")");
            break;
        case job::Outcome::Unchanged:
            log.information(d.name + ": unchanged since " + iso_local(d.last_good_build) + "; " +
                            std::to_string(d.documents.size()) + " documents kept");
            break;
        case job::Outcome::Checked:
            log.information(d.name + ": the input is valid (" + counts(d.diagnostics) + records(d) + ")");
            break;
        case job::Outcome::InputErrors:
            log.error(d.name + (d.account_note.empty() ? ": the input has errors" : ": a template has errors") +
                      "; nothing was written (" + counts(d.diagnostics) + records(d) + ")" + kept_note(d));
            break;
        case job::Outcome::InternalFailure:
            log.critical(d.name + ": internal failure: " + core::visible(d.failure) + kept_note(d));
            break;
        case job::Outcome::Stopped:
            // Asked for by the operator (or systemd): information, not a problem.
            log.information(d.name + ": stopped before it was published" +
                            (d.documents.empty() ? std::string("; it has no earlier documents") : kept_note(d)));
            break;
    }
}

void log_end(const BuildReport& report, bool check_only, Poco::Logger& log) {
    const auto& r = report.result;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", report.seconds);
    std::string text = std::string(check_only ? "check" : "build") + " finished in " + seconds + " s: ";
    if (!check_only)
        text += std::to_string(r.documents_rebuilt()) + " documents built, " + std::to_string(r.documents_kept()) +
                " skipped, ";
    text += std::to_string(r.datasets_failed()) + " of " + std::to_string(r.datasets.size()) + " datasets failed";
    if (report.stopped) {
        std::size_t stopped = 0;
        for (const auto& d : r.datasets) stopped += d.outcome == job::Outcome::Stopped;
        text = std::string("build stopped after ") + seconds + " s: " + std::to_string(r.documents_rebuilt()) +
               " documents built, " + std::to_string(stopped) + " of " + std::to_string(r.datasets.size()) +
               " datasets not published (their last good documents stay)";
    }
    if (report.exit_code == 0)
        log.information(text);
    else
        log.error(text + " (exit status " + std::to_string(report.exit_code) + ")");
}

job::Spec spec_of(const Settings& settings, const BuildOptions& options) {
    job::Spec spec;
    spec.data_dir = settings.data_dir;
    spec.out_dir = settings.out_dir;
    spec.archive_dir = settings.archive_dir;
    spec.check_only = options.check_only;
    spec.jobs = settings.jobs;
    spec.wait_for_lock = options.wait || settings.wait;
    spec.stop = options.stop;
    spec.only_document = options.only_document;
    return spec;
}

job::Environment environment_of(const Settings& settings, const BuildOptions& options) {
    job::Environment environment;
    environment.templates_dir = settings.templates_dir;
    environment.digest = sha256_hex;
    environment.generator = generator(options.version);
    return environment;
}

// "fuel: 12 of 40 documents" rewritten in place on a terminal.
job::DocumentProgress progress_line(const BuildOptions& options) {
    if (!options.show_progress) return {};
    return [](std::size_t done, std::size_t total) {
        std::cerr << "\rfuel: " << done << " of " << total << " documents" << (done == total ? "\n" : "") << std::flush;
    };
}

void run_job(BuildReport& report, const Settings& settings, const BuildOptions& options, Poco::Logger& log) {
    try {
        report.result =
            job::run(spec_of(settings, options), environment_of(settings, options), {}, progress_line(options));
        report.exit_code = report.result.exit_code();
    } catch (const job::SettingsError& e) {
        // The folders given cannot be used: one message, nothing touched.
        report.failure = e.what();
        report.exit_code = kExitSettings;
        log.error(core::visible(e.what()));
    } catch (const job::OutputBusy& e) {
        if (options.stop && options.stop->load()) {
            // Stopped while waiting for another build: nothing was started.
            report.stopped = true;
            log.information(core::visible(e.what()) + "; nothing was done");
            return;
        }
        report.failure = e.what();
        report.exit_code = kExitBusy;
        log.error(core::visible(e.what()) + "; nothing was done (wait with --wait or fuel.wait = true)");
    } catch (const std::exception& e) {
        report.failure = e.what();
        report.exit_code = 3;
        log.critical(std::string("internal failure: ") + core::visible(e.what()));
    }
}

std::int64_t seconds_since_epoch() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

int run_verify(const Settings& settings, const BuildOptions& options, Poco::Logger& log) {
    const auto spec = spec_of(settings, options);
    const auto environment = environment_of(settings, options);
    try {
        job::check_folders(spec, environment);
    } catch (const job::SettingsError& e) {
        log.error(core::visible(e.what()));
        return kExitSettings;
    }
    log.information("verify started: the archive of " + core::visible(settings.data_dir) + " in " +
                    core::visible(job::archive_folder(spec)));
    job::VerifyResult result;
    try {
        result = job::verify_archive(spec, environment);
    } catch (const std::exception& e) {
        log.critical(std::string("internal failure: ") + core::visible(e.what()));
        return 3;
    }
    auto& diagnostics_log = Poco::Logger::get(kDiagnosticsLogger);
    for (const auto& d : result.diagnostics.sorted()) {
        if (d.severity == core::Severity::Error)
            diagnostics_log.error(core::to_string(d));
        else
            diagnostics_log.warning(core::to_string(d));
    }
    std::size_t failed = 0;
    for (const auto& v : result.versions) {
        failed += v.ok ? 0 : 1;
        const auto line = v.dataset + " version " + std::to_string(v.version) + ": " +
                          std::to_string(v.documents_compared) + " files made again from the archive, " +
                          (v.ok ? "all equal to the archived ones" : "not all equal (see above)");
        v.ok ? log.information(line) : log.error(line);
    }
    const auto end = "verify finished: " + std::to_string(result.versions.size()) + " archived versions, " +
                     std::to_string(failed) + " not reproduced";
    result.exit_code() == 0 ? log.information(end) : log.error(end + " (exit status 1)");
    return result.exit_code();
}

BuildReport run_build(const Settings& settings, const BuildOptions& options, Poco::Logger& log) {
    BuildReport report;
    report.generator = generator(options.version);
    report.data_dir = settings.data_dir;
    report.out_dir = settings.out_dir;
    report.started = seconds_since_epoch();
    const auto started = std::chrono::steady_clock::now();  // a clock change must not make a negative duration
    // Folders that cannot be used are refused before anything else is said
    // or done: one message (job::run checks again, for its other callers).
    try {
        job::check_folders(spec_of(settings, options), environment_of(settings, options));
    } catch (const job::SettingsError& e) {
        report.failure = e.what();
        report.exit_code = kExitSettings;
        log.error(core::visible(e.what()));
        return report;
    }
    log.information(std::string(options.check_only ? "check" : "build") +
                    " started: " + core::visible(settings.data_dir) +
                    (options.check_only ? ""
                                        : " -> " + core::visible(settings.out_dir) + ", " +
                                              std::to_string(settings.jobs) + " threads, " + report.generator));
    run_job(report, settings, options, log);
    report.stopped = report.stopped || report.result.stopped();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.finished = seconds_since_epoch();
    for (const auto& d : report.result.datasets) log_dataset(d, settings, log);
    // A refused build leaves the page to the build that holds the lock.
    if (settings.status && !options.check_only && report.exit_code != kExitBusy && report.exit_code != kExitSettings &&
        !(report.stopped && report.result.datasets.empty())) {
        try {
            report.previous_status = previous_statuses(report);
            write_status(report);
        } catch (const job::SettingsError& e) {
            log.error(core::visible(e.what()));
            report.exit_code = kExitSettings;
        } catch (const std::exception& e) {
            log.critical(std::string("cannot write the status page: ") + e.what());
            report.exit_code = 3;
        }
    }
    // A refusal is its one message; a summary of nothing done adds none.
    if (report.exit_code != kExitSettings || !report.result.datasets.empty()) log_end(report, options.check_only, log);
    return report;
}

}  // namespace nightly
