#pragma once
// The values each document of a dataset sees (document/template_values.hpp),
// read from the dataset folder as a build reads it: for `fuel values` and
// the preview's values panel.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/template_values.hpp"

namespace job {

struct DocumentValues {
    // The document's name, as its output is named: "tjansteutlatande", or a
    // letter "beslutsbrev-hagersten-alvsjo".
    std::string document;
    std::string template_path;
    doc::DocumentKind kind = doc::DocumentKind::Round;
    std::vector<doc::TemplateValue> values;
};

// Every document of the dataset at `directory`, with its templates from
// `templates_dir`; letters: one per letter template, the first applicant's,
// unless `document` names another's. With `document` not empty, only that
// one; none when no document has that name (then an error in `diagnostics`
// lists the names there are). The dataset's own errors go to `diagnostics`
// too; the values are given all the same, as far as the data could be read.
std::vector<DocumentValues> dataset_values(const std::string& directory, const std::string& templates_dir,
                                           const std::string& document, core::Diagnostics& diagnostics);

}  // namespace job
