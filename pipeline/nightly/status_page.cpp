// OUT/index.html: every dataset and document with its status, the time of
// its last good build, its page count, a link to the PDF and the
// diagnostics of a failure. One self-contained file (no script, no
// external style) that works opened from disk. The text is Swedish, for the
// case officers; the diagnostics are quoted as the program wrote them.
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "core/diagnostics.hpp"
#include "nightly/build_report.hpp"

namespace nightly {

namespace {

// HTML 5 §13.1.2.6: the characters that would end text or an attribute.
std::string escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

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

const char* outcome_label(job::Outcome outcome) {
    switch (outcome) {
        case job::Outcome::Built: return "Byggd";
        case job::Outcome::Unchanged: return "Oförändrad";
        case job::Outcome::Checked: return "Kontrollerad";
        case job::Outcome::InputErrors: return "Misslyckades: fel i indata";
        case job::Outcome::InternalFailure: return "Misslyckades: internt fel";
    }
    return "";
}

const char* kStyle = R"(
body { font-family: "Liberation Sans", Arial, sans-serif; margin: 2em auto; max-width: 60em; color: #1a1a1a; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.summary { font-size: 1.1em; }
section.dataset { border-left: 0.4em solid #2e7d32; padding: 0.2em 1em; margin: 1.5em 0; background: #f6faf6; }
section.dataset[data-status="failed"] { border-color: #c62828; background: #fdf3f3; }
.status { font-weight: bold; padding: 0.1em 0.5em; border-radius: 0.3em; color: #fff; background: #2e7d32; }
section.dataset[data-status="failed"] .status, .summary .failed { background: #c62828; color: #fff; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #ccc; }
td.pages, th.pages { text-align: right; }
pre.diagnostics { white-space: pre-wrap; background: #fff; border: 1px solid #e0b4b4; padding: 0.6em; font-size: 0.9em; }
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
    const char* state = failed(dataset.outcome) ? "Senaste lyckade version (nattens bygge misslyckades)"
                        : d.rebuilt             ? "Nybyggd"
                                                : "Oförändrad, inte byggd om";
    std::ostringstream row;
    row << "<tr data-rebuilt=\"" << (d.rebuilt ? "true" : "false") << "\"><td><a href=\""
        << escape(href(dataset.name, d.path)) << "\">" << escape(d.name) << ".pdf</a></td><td>"
        << companion_links(d, dataset) << "</td><td>" << state << "</td><td>" << time_element(d.built_at)
        << "</td><td class=\"pages\">" << d.pages << "</td></tr>\n";
    return row.str();
}

std::string documents_table(const job::DatasetResult& d) {
    if (d.documents.empty())
        return failed(d.outcome) ? "<p>Inga dokument: datamängden har aldrig byggts utan fel.</p>\n" : "";
    std::string html =
        "<table><thead><tr><th>Dokument</th><th>Även som</th><th>Status</th><th>Senast byggt</th>"
        "<th class=\"pages\">Sidor</th></tr></thead><tbody>\n";
    for (const auto& document : d.documents) html += document_row(document, d);
    return html + "</tbody></table>\n";
}

// A diagnostic's file relative to the data folder: the page is read by
// people who know the data folder, and full paths crowd the line.
std::string shown(const std::string& line, const std::string& data_dir) {
    const auto prefix = data_dir.empty() || data_dir.back() == '/' ? data_dir : data_dir + "/";
    return !prefix.empty() && line.rfind(prefix, 0) == 0 ? line.substr(prefix.size()) : line;
}

std::string diagnostics_block(const job::DatasetResult& d, const std::string& data_dir) {
    std::string text;
    if (!d.failure.empty()) text += core::visible(d.failure) + "\n";
    for (const auto& diagnostic : d.diagnostics.sorted()) text += shown(core::to_string(diagnostic), data_dir) + "\n";
    if (text.empty()) return "";
    std::ostringstream html;
    html << "<p>" << d.diagnostics.error_count() << " fel, " << d.diagnostics.warning_count() << " varningar:</p>\n"
         << "<pre class=\"diagnostics\">" << escape(text) << "</pre>\n";
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
    return "<p>Redovisning av varje inläst post: " + link(job::kAccountTextFile) + " (" + link(job::kAccountJsonFile) +
           ")</p>\n";
}

std::string dataset_section(const job::DatasetResult& d, const std::string& data_dir) {
    std::ostringstream html;
    html << "<section class=\"dataset\" id=\"" << escape(d.name) << "\" data-dataset=\"" << escape(d.name)
         << "\" data-status=\"" << (failed(d.outcome) ? "failed" : "ok") << "\" data-outcome=\""
         << status_name(d.outcome) << "\" data-state=\"" << escape(d.stage) << "\">\n<h2>" << escape(d.name)
         << " <span class=\"status\">" << outcome_label(d.outcome)
         << "</span></h2>\n<p>Ärendet: " << escape(d.state_text)
         << (d.stage == "beslutat" ? " (förseglat: dokumenten ändras inte)" : "")
         << ".</p>\n<p>Senaste lyckade bygge: " << time_element(d.last_good_build) << "</p>\n"
         << account_links(d) << documents_table(d) << diagnostics_block(d, data_dir) << "</section>\n";
    return html.str();
}

std::string summary(const BuildReport& report) {
    const auto& r = report.result;
    std::ostringstream html;
    html << "<p class=\"summary\">Senaste bygget startade " << time_element(report.started) << " och tog "
         << duration(report.seconds) << ": " << r.documents_rebuilt() << " dokument byggda, " << r.documents_kept()
         << " oförändrade. ";
    if (!report.failure.empty())
        html << "<span class=\"failed\">Bygget kunde inte köras: " << escape(report.failure) << "</span>";
    else if (r.datasets_failed() > 0)
        html << "<span class=\"failed\">" << r.datasets_failed() << " av " << r.datasets.size()
             << " datamängder misslyckades.</span>";
    else
        html << "Alla " << r.datasets.size() << " datamängder är byggda.";
    html << "</p>\n";
    return html.str();
}

}  // namespace

std::string status_page(const BuildReport& report) {
    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"generator\" content=\"" << escape(report.generator) << "\">\n"
         << "<title>fuel – byggstatus</title>\n<style>" << kStyle << "</style>\n</head>\n"
         << "<body data-exit-status=\"" << report.exit_code << "\">\n<h1>Byggstatus</h1>\n"
         << summary(report);
    for (const auto& d : report.result.datasets) html << dataset_section(d, report.data_dir);
    html << "<footer><p>Data: " << escape(core::visible(report.data_dir)) << ". Byggt av " << escape(report.generator)
         << ". Samma status för övervakning: <a href=\"status.json\">status.json</a>.</p></footer>\n"
         << "</body>\n</html>\n";
    return html.str();
}

}  // namespace nightly
