// OUT/index.html: every dataset and document with its status, the time of
// its last good build, its page count, a link to the PDF and the
// diagnostics of a failure. One self-contained file (no script, no
// external style) that works opened from disk. The text is in the language
// of the messages (Swedish for the case officers unless English was asked
// for; docs/messages.md), like the diagnostics it quotes.
#include <Poco/URI.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "core/diagnostics.hpp"
#include "core/messages.hpp"
#include "html/escape.hpp"
#include "job/folder_rules.hpp"
#include "nightly/build_report.hpp"

namespace nightly {

namespace {

// The HTML writer's escaping (HTML 5 §13.1.2.6, and only characters HTML
// allows): the status page shows dataset names and messages from outside.
using html::escape;

// <time> with the ISO instant for machines and "2025-03-30 03:00" for
// people (ISO 8601 date and 24-hour time).
std::string time_element(std::int64_t seconds) {
    if (seconds == 0) return "–";
    const auto iso = iso_local(seconds);
    return "<time datetime=\"" + iso + "\">" + iso.substr(0, 10) + " " + iso.substr(11, 5) + "</time>";
}

// Seconds with a decimal comma (house-style.md: "37,5", not "37.5").
std::string duration(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", seconds);
    std::string s = text;
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

std::string outcome_label(job::Outcome outcome) {
    switch (outcome) {
        case job::Outcome::Built: return core::tr("Built");
        case job::Outcome::Unchanged: return core::tr("Unchanged");
        case job::Outcome::Checked: return core::tr("Checked");
        case job::Outcome::InputErrors: return core::tr("Failed: errors in the input");
        case job::Outcome::InternalFailure: return core::tr("Failed: internal failure");
        case job::Outcome::Stopped: return core::tr("Stopped");
    }
    return "";
}

// The outcome as status_name() writes it in status.json, back to its label;
// "" for a name this program does not write.
std::string label_of_status(const std::string& name) {
    for (const auto outcome : {job::Outcome::Built, job::Outcome::Unchanged, job::Outcome::Checked,
                               job::Outcome::InputErrors, job::Outcome::InternalFailure, job::Outcome::Stopped})
        if (name == status_name(outcome)) return outcome_label(outcome);
    return "";
}

// "1 varning", "2 varningar", "1 dokument byggt", "3 dokument byggda":
// counts agree with their number, and so do their participles (each count
// below is core::trn, ngettext).

// "ok", "failed" or "stopped": the section's colour and its place on the page.
const char* section_status(job::Outcome outcome) {
    if (failed(outcome)) return "failed";
    return outcome == job::Outcome::Stopped ? "stopped" : "ok";
}

// Colours: text on its background at least 4.5:1 (WCAG 2.1 SC 1.4.3), and
// never the only sign: every status, error and warning is also a word.
// At 320 CSS px (SC 1.4.10, reflow) the page is one column; a table wider
// than that scrolls inside its own box, which takes the keyboard focus so
// it can be scrolled without a mouse.
const char* kStyle = R"(
body { font-family: "Liberation Sans", Arial, sans-serif; margin: 2em auto; padding: 0 1em; max-width: 60em; color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.summary { font-size: 1.1em; }
section.dataset { border-left: 0.4em solid #2e7d32; padding: 0.2em 1em; margin: 1.5em 0; background: #f6faf6; }
section.dataset[data-status="failed"] { border-color: #c62828; background: #fdf3f3; }
section.dataset[data-status="stopped"] { border-color: #37474f; background: #f3f5f6; }
.status { font-weight: bold; padding: 0.1em 0.5em; border-radius: 0.3em; color: #fff; background: #2e7d32; }
section.dataset[data-status="failed"] .status, .summary .failed { background: #c62828; color: #fff; }
section.dataset[data-status="stopped"] .status { background: #37474f; color: #fff; }
.table-scroll { overflow-x: auto; max-width: 100%; }
.table-scroll:focus { outline: 2px solid #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #ccc; overflow-wrap: normal; }
td.pages, th.pages { text-align: right; }
ul.diagnostics { list-style: none; padding: 0; font-size: 0.9em; }
ul.diagnostics li { font-family: "Liberation Mono", monospace; padding: 0.3em 0.6em; margin: 0.2em 0; background: #fff; white-space: pre-wrap; }
ul.diagnostics li.error { border-left: 0.4em solid #c62828; }
ul.diagnostics li.warning { border-left: 0.4em dashed #8a5300; background: #fff8e1; }
ul.diagnostics li.note { border-left: 0.4em dotted #546e7a; }
.severity { font-family: "Liberation Sans", Arial, sans-serif; font-weight: bold; }
li.error .severity { color: #b71c1c; }
li.warning .severity { color: #8a5300; }
)";

// A companion's format as the case officer names it; the row names the
// document, so "HTML" alone is a clear link (WCAG 2.4.4, purpose in context).
std::string format_label(const std::string& name) {
    const auto dot = name.find_last_of('.');
    const auto extension = dot == std::string::npos ? "" : name.substr(dot + 1);
    if (extension == "html") return "HTML";
    if (extension == "docx") return "Word";
    if (extension == "xlsx") return "Excel";
    if (extension == "txt") return "Text";
    if (extension == "json") return "JSON";
    return name;
}

// The files beside the PDF (HTML, Word, Excel, text, JSON), each linked by its format.
std::string companion_links(const job::DocumentResult& d, const job::DatasetResult& dataset) {
    std::string html;
    for (const auto& path : d.companions) {
        const auto name = path.substr(path.find_last_of('/') + 1);
        html += (html.empty() ? "" : " · ") + std::string("<a href=\"") + escape(href(dataset.name, path)) + "\">" +
                escape(format_label(name)) + "</a>";
    }
    return html;
}

std::string document_row(const job::DocumentResult& d, const job::DatasetResult& dataset) {
    const auto state = failed(dataset.outcome) ? core::tr("Last good version (tonight's build failed)")
                       : d.rebuilt             ? core::tr("Newly built")
                                               : core::tr("Unchanged, not rebuilt");
    std::ostringstream row;
    row << "<tr data-rebuilt=\"" << (d.rebuilt ? "true" : "false") << "\"><td><a href=\""
        << escape(href(dataset.name, d.path)) << "\">" << escape(d.name) << ".pdf</a></td><td>"
        << companion_links(d, dataset) << "</td><td>" << state << "</td><td>" << time_element(d.built_at)
        << "</td><td class=\"pages\">" << d.pages << "</td></tr>\n";
    return row.str();
}

std::string documents_table(const job::DatasetResult& d) {
    if (d.documents.empty())
        return failed(d.outcome)
                   ? "<p>" + core::tr("No documents: the dataset has never been built without errors.") + "</p>\n"
                   : "";
    std::string html = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
                       escape(core::tr("Documents in {1}", d.name)) + "\">\n<table><thead><tr><th>" +
                       core::tr("Document") + "</th><th>" + core::tr("Also as") + "</th><th>" + core::tr("Status") +
                       "</th><th>" + core::tr("Last built") + "</th><th class=\"pages\">" + core::tr("Pages") +
                       "</th></tr></thead><tbody>\n";
    for (const auto& document : d.documents) html += document_row(document, d);
    return html + "</tbody></table>\n</div>\n";
}

// Paths relative to the data folder: the page is read by people who know
// the data folder, and full paths crowd the line. The folder as given and as
// resolved (diagnostics may name either) are both taken out, wherever they
// stand in the line.
std::string shown(std::string line, const std::string& data_dir) {
    if (data_dir.empty()) return line;
    std::vector<std::string> prefixes;
    for (auto folder : {data_dir, job::resolved_folder(data_dir)}) {
        while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
        if (!folder.empty() && folder != "." && folder != "/") prefixes.push_back(folder + "/");
    }
    std::sort(prefixes.begin(), prefixes.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& prefix : prefixes)
        for (std::size_t at; (at = line.find(prefix)) != std::string::npos;) line.erase(at, prefix.size());
    return line;
}

// The language of the page and its messages (HTML's lang attribute).
const char* language_code() { return core::language() == core::Language::Swedish ? "sv" : "en"; }

// One list item a diagnostic, its severity first in words: an error and a
// warning differ in word, colour and border, not in colour alone. The
// diagnostic is quoted as the program wrote it, and marked with the
// language it is in (WCAG 2.1 SC 3.1.2, language of parts).
std::string item(const char* kind, const std::string& label, const std::string& text) {
    return std::string("<li class=\"") + kind + "\"><span class=\"severity\">" + label + ":</span> <span lang=\"" +
           language_code() + "\">" + escape(text) + "</span></li>\n";
}

std::string diagnostics_block(const job::DatasetResult& d, const std::string& data_dir) {
    std::string items;
    // A stopped dataset says so in Swedish above (stopped_note).
    if (!d.failure.empty() && d.outcome != job::Outcome::Stopped)
        items += item("error", core::tr("Internal failure"), shown(core::visible(d.failure), data_dir));
    for (const auto& diagnostic : d.diagnostics.sorted()) {
        const auto text = shown(core::to_string(diagnostic), data_dir);
        if (diagnostic.severity == core::Severity::Error)
            items += item("error", core::tr("Error"), text);
        else if (diagnostic.severity == core::Severity::Warning)
            items += item("warning", core::tr("Warning"), text);
        else
            items += item("note", core::tr("Note"), text);
    }
    if (items.empty()) return "";
    std::ostringstream html;
    html << "<p>"
         << core::tr("{1}, {2}:",
                     core::trn("{1} error", "{1} errors", d.diagnostics.error_count(),
                               std::to_string(d.diagnostics.error_count())),
                     core::trn("{1} warning", "{1} warnings", d.diagnostics.warning_count(),
                               std::to_string(d.diagnostics.warning_count())))
         << "</p>\n"
         << "<ul class=\"diagnostics\">\n"
         << items << "</ul>\n";
    return html.str();
}

// The account of the records behind the documents shown (job.hpp), when
// the published folder has one: it names every record used or rejected.
std::string account_links(const job::DatasetResult& d) {
    if (d.documents.empty()) return "";
    const auto folder = std::filesystem::path(d.documents.front().path).parent_path();
    if (!std::filesystem::is_regular_file(folder / job::kAccountTextFile)) return "";
    const auto link = [&](const char* file) {
        return "<a href=\"" + href(d.name, (folder / file).string()) + "\">" + file + "</a>";
    };
    return "<p>" +
           core::tr("Account of every record read: {1} ({2})", link(job::kAccountTextFile),
                    link(job::kAccountJsonFile)) +
           "</p>\n";
}

// A stopped dataset's status before this build, from the status.json it
// replaces, so that a stop does not hide what the last finished build found.
std::string stopped_note(const job::DatasetResult& d, const BuildReport& report) {
    if (d.outcome != job::Outcome::Stopped) return "";
    std::string text =
        "<p>" + core::tr("The build was stopped before the dataset was published; the last good version stays.");
    const auto previous = report.previous_status.find(d.name);
    if (previous != report.previous_status.end() && !label_of_status(previous->second).empty())
        text += " " + core::tr("Status after the previous build: {1}.",
                               "<span data-previous-outcome=\"" + escape(previous->second) + "\">" +
                                   label_of_status(previous->second) + "</span>");
    return text + "</p>\n";
}

std::string dataset_section(const job::DatasetResult& d, const BuildReport& report) {
    const auto& data_dir = report.data_dir;
    std::ostringstream html;
    html << "<section class=\"dataset\" id=\"" << escape(d.name) << "\" aria-labelledby=\"" << escape(d.name)
         << "-rubrik\" data-dataset=\"" << escape(d.name) << "\" data-status=\"" << section_status(d.outcome)
         << "\" data-outcome=\"" << status_name(d.outcome) << "\" data-state=\"" << escape(d.stage) << "\">\n<h2 id=\""
         << escape(d.name) << "-rubrik\">" << escape(d.name) << " <span class=\"status\">" << outcome_label(d.outcome)
         << "</span></h2>\n"
         << stopped_note(d, report) << "<p>"
         << (d.stage == "beslutat"
                 ? core::tr("The case: {1} (sealed: the documents do not change).", escape(d.state_text))
                 : core::tr("The case: {1}.", escape(d.state_text)))
         << "</p>\n<p>" << core::tr("Last good build: {1}", time_element(d.last_good_build)) << "</p>\n"
         << account_links(d) << documents_table(d) << diagnostics_block(d, data_dir) << "</section>\n";
    return html.str();
}

// "#<dataset>", percent-encoded as href() does; HTML's fragment lookup
// decodes it again to find the section's id.
std::string fragment(const std::string& dataset) {
    std::string encoded;
    Poco::URI::encode(dataset, "!#$&'()*+,/:;=?@[]%\"<>\\^`{|} ", encoded);
    return "#" + encoded;
}

std::string links_to(const std::vector<const job::DatasetResult*>& datasets) {
    std::string html;
    for (std::size_t i = 0; i < datasets.size(); ++i)
        html += std::string(i == 0 ? "" : ", ") + "<a href=\"" + escape(fragment(datasets[i]->name)) + "\">" +
                escape(datasets[i]->name) + "</a>";
    return html;
}

std::string summary(const BuildReport& report) {
    const auto& r = report.result;
    std::vector<const job::DatasetResult*> failures, stopped;
    for (const auto& d : r.datasets) {
        if (failed(d.outcome)) failures.push_back(&d);
        if (d.outcome == job::Outcome::Stopped) stopped.push_back(&d);
    }
    std::ostringstream html;
    html << "<p class=\"summary\">"
         << core::tr(
                "The last build started {1} and took {2}: {3}, {4}.", time_element(report.started),
                duration(report.seconds),
                core::trn("{1} document built", "{1} documents built", r.documents_rebuilt(),
                          std::to_string(r.documents_rebuilt())),
                core::trn("{1} unchanged", "{1} unchanged", r.documents_kept(), std::to_string(r.documents_kept())))
         << " ";
    if (!report.failure.empty())
        html << "<span class=\"failed\">"
             << core::tr("The build could not run: {1}", escape(shown(report.failure, report.data_dir))) << "</span>";
    else if (!failures.empty())
        html << "<span class=\"failed\">"
             << core::trn("{1} of {2} dataset failed:", "{1} of {2} datasets failed:", r.datasets.size(),
                          std::to_string(failures.size()), std::to_string(r.datasets.size()))
             << "</span> " << links_to(failures) << ".";
    else if (stopped.empty())
        html << core::trn("The dataset is built.", "All {1} datasets are built.", r.datasets.size(),
                          std::to_string(r.datasets.size()));
    if (!stopped.empty())
        html << " "
             << core::trn(
                    "The build was stopped before one dataset was published (it keeps its last good documents): {2}.",
                    "The build was stopped before {1} datasets were published (they keep their last good "
                    "documents): {2}.",
                    stopped.size(), std::to_string(stopped.size()), links_to(stopped));
    html << "</p>\n";
    return html.str();
}

// Failed datasets first, then stopped ones, then the rest, each group in
// the build's order: what needs attention is at the top.
std::vector<const job::DatasetResult*> in_page_order(const job::Result& result) {
    std::vector<const job::DatasetResult*> order;
    for (const auto& d : result.datasets) order.push_back(&d);
    std::stable_sort(order.begin(), order.end(), [](const job::DatasetResult* a, const job::DatasetResult* b) {
        const auto rank = [](job::Outcome o) { return failed(o) ? 0 : o == job::Outcome::Stopped ? 1 : 2; };
        return rank(a->outcome) < rank(b->outcome);
    });
    return order;
}

}  // namespace

std::string status_page(const BuildReport& report) {
    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html lang=\"" << language_code() << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"generator\" content=\"" << escape(report.generator) << "\">\n"
         << "<title>" << core::tr("fuel – build status") << "</title>\n<style>" << kStyle << "</style>\n</head>\n"
         << "<body data-exit-status=\"" << report.exit_code << "\"" << (report.stopped ? " data-stopped=\"true\"" : "")
         << ">\n<main>\n<h1>" << core::tr("Build status") << "</h1>\n"
         << summary(report);
    for (const auto* d : in_page_order(report.result)) html << dataset_section(*d, report);
    html << "</main>\n<footer><p>"
         << core::tr("Data: {1}. Built by {2}. The same status for monitoring: {3}.",
                     escape(core::visible(report.data_dir)), escape(report.generator),
                     "<a href=\"status.json\">status.json</a>")
         << "</p></footer>\n"
         << "</body>\n</html>\n";
    return html.str();
}

}  // namespace nightly
