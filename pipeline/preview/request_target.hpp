#pragma once
// What a request to `fuel preview` may ask for. The server answers a fixed
// allow-list of URLs and nothing else: its own page (the HTML, its script and
// style sheet), the event stream, the state as JSON, pdf.js from Debian's
// libjs-pdf, and the PDF of a document the last build made. A URL is never
// turned into a path by joining: a document is looked up by its name among
// the documents of the last build, so `..`, encoded `%2e%2e`, absolute paths
// and symbolic links cannot lead anywhere else.
#include <optional>
#include <string>
#include <string_view>

namespace preview {

enum class TargetKind { Page, Script, Style, Events, State, PdfJs, PdfJsWorker, Document, Values };

struct Target {
    TargetKind kind = TargetKind::Page;
    // For Document and Values: the name, as in "/files/<name>.pdf" and
    // "/values/<name>.json".
    std::string document;
};

// The target of a request's URI ("/files/tjansteutlatande.pdf?g=3"), or none
// (404). The query is ignored (the page adds the build generation, so that no
// cache serves an old PDF). A path that needs percent-decoding is refused:
// none of the server's URLs has one, so an encoded byte can only be an attempt
// to hide something from this check.
std::optional<Target> resolve_target(std::string_view uri);

// A document's name as fuel gives it: ASCII letters, digits, '-'
// and '_' (template names and the letters' file names, job/). Anything else
// is not the name of a document.
bool is_document_name(std::string_view name);

// Debian's libjs-pdf (pdf.js 2.14): the two files the page loads, at their
// fixed place.
inline constexpr const char* kPdfJsFile = "/usr/share/javascript/pdf/build/pdf.js";
inline constexpr const char* kPdfJsWorkerFile = "/usr/share/javascript/pdf/build/pdf.worker.js";

}  // namespace preview
