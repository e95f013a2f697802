// OUT/status.json for monitoring: the same facts as the status page, with
// stable English keys. "ok" and "exit_status" are what a check script needs;
// the rest says what to look at.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "core/diagnostics.hpp"
#include "nightly/build_report.hpp"

namespace nightly {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr ordered() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr document_json(const job::DocumentResult& d, const std::string& dataset) {
    auto o = ordered();
    o->set("name", d.name);
    o->set("href", href(dataset, d.path));
    Array::Ptr companions = new Array;
    for (const auto& path : d.companions) companions->add(href(dataset, path));
    o->set("companions", companions);
    o->set("pages", d.pages);
    o->set("rebuilt", d.rebuilt);
    o->set("built_at", d.built_at ? iso_local(d.built_at) : std::string());
    return o;
}

// Structured, so that a monitor can group by file or severity without
// parsing text; "text" is the line a person reads in the log.
Object::Ptr diagnostic_json(const core::Diagnostic& d) {
    auto o = ordered();
    o->set("file", d.where.file);
    if (d.where.line > 0)
        o->set("line", d.where.line);
    else
        o->set("line", Poco::Dynamic::Var());
    if (d.where.column > 0)
        o->set("column", d.where.column);
    else
        o->set("column", Poco::Dynamic::Var());
    o->set("severity", std::string(core::to_string(d.severity)));
    o->set("message", d.message);
    o->set("text", core::to_string(d));
    return o;
}

Object::Ptr dataset_json(const job::DatasetResult& d, const BuildReport& report) {
    auto o = ordered();
    o->set("name", d.name);
    o->set("status", std::string(status_name(d.outcome)));
    // Stopped: the status after the last build that got this far.
    if (const auto previous = report.previous_status.find(d.name); previous != report.previous_status.end())
        o->set("previous_status", previous->second);
    // The committee's handling: utkast, skickat or beslutat, and in words
    // with the date and the paragraph of the minutes.
    o->set("state", d.stage);
    o->set("state_text", d.state_text);
    o->set("ok", !failed(d.outcome));
    o->set("last_good_build", d.last_good_build ? iso_local(d.last_good_build) : std::string());
    o->set("errors", d.diagnostics.error_count());
    o->set("warnings", d.diagnostics.warning_count());
    Array::Ptr diagnostics = new Array;
    for (const auto& diagnostic : d.diagnostics.sorted()) diagnostics->add(diagnostic_json(diagnostic));
    o->set("diagnostics", diagnostics);
    if (!d.account_json.empty()) {
        auto records = ordered();
        records->set("read", d.records_read);
        records->set("used", d.records_used);
        records->set("rejected", d.records_rejected);
        o->set("records", records);
    }
    o->set("failure", core::visible(d.failure));
    Array::Ptr documents = new Array;
    for (const auto& document : d.documents) documents->add(document_json(document, d.name));
    o->set("documents", documents);
    return o;
}

}  // namespace

std::string status_json(const BuildReport& report) {
    const auto& r = report.result;
    auto o = ordered();
    o->set("format", 1);
    o->set("ok", report.exit_code == 0);
    o->set("exit_status", report.exit_code);
    // Asked to stop: not a failure; see the datasets whose status is "stopped".
    o->set("stopped", report.stopped);
    o->set("started", iso_local(report.started));
    o->set("finished", iso_local(report.finished));
    o->set("seconds", report.seconds);
    o->set("generator", report.generator);
    o->set("data", core::visible(report.data_dir));
    o->set("failure", report.failure);
    auto counts = ordered();
    counts->set("built", r.documents_rebuilt());
    counts->set("skipped", r.documents_kept());
    o->set("documents", counts);
    auto datasets_count = ordered();
    datasets_count->set("total", r.datasets.size());
    datasets_count->set("failed", r.datasets_failed());
    o->set("dataset_counts", datasets_count);
    Array::Ptr datasets = new Array;
    for (const auto& d : r.datasets) datasets->add(dataset_json(d, report));
    o->set("datasets", datasets);
    std::ostringstream out;
    o->stringify(out, 2);
    out << '\n';
    return out.str();
}

}  // namespace nightly
