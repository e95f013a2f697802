#pragma once
// The preview's own page: the HTML, its script and style sheet (served as
// files of their own, so that the Content-Security-Policy can forbid inline
// script), and the state the script shows, as JSON.
#include <string>

#include "preview/previewer.hpp"

namespace preview {

// Every text the page shows goes through core::tr; the script's texts are
// in the page as a JSON block it reads.
std::string page_html(const std::string& dataset);
const std::string& page_script();
const std::string& page_style();

// {"generation": 3, "dataset": "lum-mul-2025", "input_errors": false,
//  "status": "…", "documents": [{"name", "pages", "version"}],
//  "diagnostics": [{"file", "line", "column", "severity", "message", "quoted"}]}
// `version` changes when the document's file does, so the page draws again
// only the document that changed.
std::string state_json(const Snapshot& snapshot);

}  // namespace preview
