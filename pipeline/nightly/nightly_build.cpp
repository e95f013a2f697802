#include "nightly/nightly_build.hpp"

#include <chrono>
#include <iostream>

#include "core/messages.hpp"
#include "core/diagnostics.hpp"
#include "job/folder_rules.hpp"
#include "job/verify.hpp"
#include "nightly/fingerprint.hpp"
#include "nightly/log_setup.hpp"
#include "core/messages.hpp"

namespace nightly {

namespace {

std::string counts(const core::Diagnostics& d) {
    return core::tr("{1}, {2}", core::trn("{1} error", "{1} errors", d.error_count(), std::to_string(d.error_count())),
                    core::trn("{1} warning", "{1} warnings", d.warning_count(), std::to_string(d.warning_count())));
}

// "; 28 records read, 27 used, 1 rejected": nothing is lost without a word.
// When only a template failed, that is what is said: no record was
// rejected, and counts of used and rejected records would only suggest
// the data was at fault.
std::string records(const job::DatasetResult& d) {
    if (d.account_text.empty()) return "";
    if (!d.account_note.empty())
        return "; " + d.account_note + "; " + core::tr("{1} records read", std::to_string(d.records_read));
    return core::tr("; {1} records read, {2} used, {3} rejected", std::to_string(d.records_read),
                    std::to_string(d.records_used), std::to_string(d.records_rejected));
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
    return core::tr("; the {1} documents of {2} stay in place", std::to_string(d.documents.size()),
                    iso_local(d.last_good_build));
}

void log_dataset(const job::DatasetResult& d, const Settings& settings, Poco::Logger& log) {
    // An unchanged dataset's diagnostics were logged when it was built; a
    // sealed one's are new each time (what differs from the archive).
    if (d.outcome != job::Outcome::Unchanged || !d.archive_note.empty()) log_diagnostics(d);
    // A sent or decided dataset: one line of what the archive did.
    if (!d.archive_note.empty() && (d.outcome == job::Outcome::Built || d.outcome == job::Outcome::Unchanged)) {
        log.information(core::tr("{1}: {2}", d.name, d.archive_note));
        if (d.account_text.empty()) return;  // served from the archive: nothing else was done
    }
    switch (d.outcome) {
        case job::Outcome::Built:
            log.information(core::tr("{1}: {2} documents written to {3}/{4} ({5}{6})", d.name,
                                     std::to_string(d.documents.size()), settings.out_dir, d.name,
                                     counts(d.diagnostics), records(d)));
            for (const auto& doc : d.documents)
                log.information(doc.rebuilt ? core::trn("  {1} ({2} page, built)", "  {1} ({2} pages, built)",
                                                        doc.pages, doc.path, std::to_string(doc.pages))
                                            : core::trn("  {1} ({2} page, unchanged, kept)",
                                                        "  {1} ({2} pages, unchanged, kept)", doc.pages, doc.path,
                                                        std::to_string(doc.pages)));
            break;
        case job::Outcome::Unchanged:
            log.information(core::tr("{1}: unchanged since {2}; {3} documents kept", d.name,
                                     iso_local(d.last_good_build), std::to_string(d.documents.size())));
            break;
        case job::Outcome::Checked:
            log.information(core::tr("{1}: the input is valid ({2}{3})", d.name, counts(d.diagnostics), records(d)));
            break;
        case job::Outcome::InputErrors:
            log.error(core::tr(d.account_note.empty()
                                   ? core::tr_noop("{1}: the input has errors; nothing was written ({2}{3}){4}")
                                   : core::tr_noop("{1}: a template has errors; nothing was written ({2}{3}){4}"),
                               d.name, counts(d.diagnostics), records(d), kept_note(d)));
            break;
        case job::Outcome::InternalFailure:
            log.critical(core::tr("{1}: internal failure: {2}{3}", d.name, core::visible(d.failure), kept_note(d)));
            break;
        case job::Outcome::Stopped:
            // Asked for by the operator (or systemd): information, not a problem.
            log.information(d.documents.empty()
                                ? core::tr("{1}: stopped before it was published; it has no earlier documents", d.name)
                                : core::tr("{1}: stopped before it was published{2}", d.name, kept_note(d)));
            break;
    }
}

void log_end(const BuildReport& report, bool check_only, Poco::Logger& log) {
    const auto& r = report.result;
    const std::string seconds = core::decimal(report.seconds, 2);
    const auto failed = std::to_string(r.datasets_failed());
    const auto datasets = std::to_string(r.datasets.size());
    // "0 av 1 datamängd", "0 of 1 dataset": the noun agrees with the total.
    std::string text =
        check_only ? core::trn("check finished in {1} s: {2} of {3} dataset failed",
                               "check finished in {1} s: {2} of {3} datasets failed", r.datasets.size(), seconds,
                               failed, datasets)
                   : core::trn("build finished in {1} s: {2} documents built, {3} skipped, {4} of {5} dataset failed",
                               "build finished in {1} s: {2} documents built, {3} skipped, {4} of {5} datasets failed",
                               r.datasets.size(), seconds, std::to_string(r.documents_rebuilt()),
                               std::to_string(r.documents_kept()), failed, datasets);
    if (report.stopped) {
        std::size_t stopped = 0;
        for (const auto& d : r.datasets) stopped += d.outcome == job::Outcome::Stopped;
        text = core::tr(
            "build stopped after {1} s: {2} documents built, {3} of {4} datasets not published (their last good "
            "documents stay)",
            seconds, std::to_string(r.documents_rebuilt()), std::to_string(stopped), datasets);
    }
    if (report.exit_code == 0)
        log.information(text);
    else
        log.error(core::tr("{1} (exit status {2})", text, std::to_string(report.exit_code)));
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
        std::cerr << '\r' << core::tr("fuel: {1} of {2} documents", std::to_string(done), std::to_string(total))
                  << (done == total ? "\n" : "") << std::flush;
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
            log.information(core::tr("{1}; nothing was done", core::visible(e.what())));
            return;
        }
        report.failure = e.what();
        report.exit_code = kExitBusy;
        log.error(core::tr("{1}; nothing was done (wait with --wait or fuel.wait = true)", core::visible(e.what())));
    } catch (const std::exception& e) {
        report.failure = e.what();
        report.exit_code = 3;
        log.critical(core::tr("internal failure: {1}", core::visible(e.what())));
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
    log.information(core::tr("verify started: the archive of {1} in {2}", core::visible(settings.data_dir),
                             core::visible(job::archive_folder(spec))));
    job::VerifyResult result;
    try {
        result = job::verify_archive(spec, environment);
    } catch (const std::exception& e) {
        log.critical(core::tr("internal failure: {1}", core::visible(e.what())));
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
        const auto line =
            core::tr(v.ok ? core::tr_noop("{1} version {2}: {3} files made again from the archive, all equal to the "
                                          "archived ones")
                          : core::tr_noop("{1} version {2}: {3} files made again from the archive, not all equal (see "
                                          "above)"),
                     v.dataset, std::to_string(v.version), std::to_string(v.documents_compared));
        v.ok ? log.information(line) : log.error(line);
    }
    const auto end = core::tr("verify finished: {1} archived versions, {2} not reproduced",
                              std::to_string(result.versions.size()), std::to_string(failed));
    result.exit_code() == 0 ? log.information(end) : log.error(core::tr("{1} (exit status 1)", end));
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
    log.information(options.check_only
                        ? core::tr("check started: {1}", core::visible(settings.data_dir))
                        : core::tr("build started: {1} -> {2}, {3} threads, {4}", core::visible(settings.data_dir),
                                   core::visible(settings.out_dir), std::to_string(settings.jobs), report.generator));
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
            log.critical(core::tr("cannot write the status page: {1}", e.what()));
            report.exit_code = 3;
        }
    }
    // A refusal is its one message; a summary of nothing done adds none.
    if (report.exit_code != kExitSettings || !report.result.datasets.empty()) log_end(report, options.check_only, log);
    return report;
}

}  // namespace nightly
