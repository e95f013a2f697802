#include <initializer_list>

#include "core/diagnostics_json.hpp"
#include "core/messages.hpp"
#include "html/escape.hpp"
#include "preview/page.hpp"

namespace preview {

namespace {

// The texts preview.js shows, message id -> text in the user's language.
std::string script_texts() {
    // The page script's texts, marked for xgettext here and translated below.
    const std::initializer_list<const char*> ids = {
        core::tr_noop("Page {1} of {2}"),
        core::tr_noop("{1} pages"),
        core::tr_noop("1 page"),
        core::tr_noop("No problems found."),
        core::tr_noop("Line {1}"),
        core::tr_noop("error"),
        core::tr_noop("warning"),
        core::tr_noop("note"),
        core::tr_noop(
            "The inputs have errors. The pages shown are from the last good build; fix the errors below and save."),
        core::tr_noop("Nothing could be built yet. Fix the errors below and save."),
        core::tr_noop("fuel could not build: {1}"),
        core::tr_noop("Built {1} in {2} ms; {3} of {4} documents made again."),
        core::tr_noop("Waiting for the first build…"),
        core::tr_noop("The connection to fuel preview was lost; it is tried again."),
        core::tr_noop("Pages of {1}"),
        core::tr_noop("Problems"),
        core::tr_noop("Page {1}"),
        core::tr_noop("No document yet."),
        core::tr_noop("Name"),
        core::tr_noop("Value"),
        core::tr_noop("Used on lines"),
        core::tr_noop("not used in this template"),
        core::tr_noop("no value in this dataset"),
    };
    std::string json = "{";
    for (const char* id : ids) {
        if (json.size() > 1) json += ",\n";
        json += core::json_string(id) + ": " + core::json_string(core::tr(id));
    }
    // JSON inside a script element: "</" would end the element.
    std::string safe;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') {
            safe += "<\\/";
            ++i;
        } else {
            safe += json[i];
        }
    }
    return safe + "}";
}

}  // namespace

std::string page_html(const std::string& dataset) {
    using core::tr;
    using html::escape;
    std::string page;
    // The page's language is the translation's: its catalogue translates
    // this message id to its own language code.
    page += "<!DOCTYPE html>\n<html lang=\"" + escape(tr("en")) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<title>" + escape(tr("Preview of {1} – fuel", dataset)) + "</title>\n";
    page += "<link rel=\"stylesheet\" href=\"/preview.css\">\n";
    page += "<script type=\"application/json\" id=\"texts\">" + script_texts() + "</script>\n";
    page += "<script src=\"/pdfjs/pdf.js\" defer></script>\n<script src=\"/preview.js\" defer></script>\n";
    page += "</head>\n<body>\n";
    page += "<a class=\"skip\" href=\"#pages\">" + escape(tr("Skip to the pages")) + "</a>\n";
    page += "<header>\n<h1>" + escape(tr("Preview: {1}", dataset)) + "</h1>\n";
    page += "<p id=\"status\" role=\"status\">" + escape(tr("Waiting for the first build…")) + "</p>\n";
    page += "<p id=\"archive-note\" hidden></p>\n</header>\n";
    page += "<nav aria-labelledby=\"documents-heading\">\n<h2 id=\"documents-heading\">" + escape(tr("Documents")) +
            "</h2>\n<ul id=\"documents\"></ul>\n</nav>\n";
    page += "<main>\n<div id=\"errors\" role=\"alert\" hidden></div>\n";
    page += "<h2 id=\"document-heading\" class=\"visually-hidden\"></h2>\n";
    page += "<div id=\"pages\" tabindex=\"0\" aria-labelledby=\"document-heading\"></div>\n</main>\n";
    page += "<aside aria-labelledby=\"side-heading\">\n<h2 id=\"side-heading\" class=\"visually-hidden\">" +
            escape(tr("Problems and values")) + "</h2>\n";
    page += "<section aria-labelledby=\"problems-heading\">\n<h3 id=\"problems-heading\">" + escape(tr("Problems")) +
            "</h3>\n<div id=\"diagnostics\"></div>\n</section>\n";
    page += "<section aria-labelledby=\"values-heading\">\n<h3 id=\"values-heading\">" +
            escape(tr("Values in the template")) + "</h3>\n<p class=\"filter\"><label for=\"values-filter\">" +
            escape(tr("Find a name")) + "</label> <input id=\"values-filter\" type=\"search\"></p>\n" +
            "<div id=\"values\"></div>\n</section>\n";
    page += "</aside>\n</body>\n</html>\n";
    return page;
}

}  // namespace preview
