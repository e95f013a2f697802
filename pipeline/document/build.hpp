#pragma once
// The document stage's entry point: model::Report + templates -> doc trees.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/node.hpp"
#include "document/template.hpp"
#include "document/view_model.hpp"
#include "model/report.hpp"

namespace doc {

struct BuiltDocument {
    std::string name;  // the template's name: the output file's stem
    Document document;
};

// The body of a rendered template: blocks with their headings numbered
// and given ids, cross-references and tables of contents filled in.
Blocks build_body(const RenderedTemplate& rendered, const std::string& path, core::Diagnostics& diagnostics);

Document build_document(const model::Report& report, const Template& tmpl, core::Diagnostics& diagnostics);
// The same with the report's view (make_view_model) made once for all of
// its templates: the view of a large round costs as much as a rendering.
Document build_document(const model::Report& report, const kainjow::mustache::data& view, const Template& tmpl,
                        core::Diagnostics& diagnostics);

// The same with the template already checked (check_template): the letters
// of a template are checked once, not once per letter. A broken template
// (check.broken()) gives a document without a body.
Document build_document(const model::Report& report, const kainjow::mustache::data& view, const Template& tmpl,
                        const TemplateCheck& check, core::Diagnostics& diagnostics);

// The documents of `templates` with one view, in template order, built on
// up to `threads` threads: each rendering only reads the view. The
// diagnostics come in template order, as on one thread; the first
// exception, in template order, is rethrown once all have finished.
std::vector<Document> build_documents(const model::Report& report, const kainjow::mustache::data& view,
                                      const std::vector<Template>& templates, core::Diagnostics& diagnostics,
                                      unsigned threads);
// The same, giving up the view: it is freed once every template is
// rendered, before their Markdown is parsed, and each rendered text once
// its tree is built. The view, the rendered text and its parse tree held
// at once were a large round's peak memory. The same trees and
// diagnostics as with the view kept.
std::vector<Document> build_documents(const model::Report& report, std::unique_ptr<kainjow::mustache::data> view,
                                      const std::vector<Template>& templates, core::Diagnostics& diagnostics,
                                      unsigned threads);

// A letter to one applying administration (round.xml <letter-template>).
struct BuiltLetter {
    std::string administration;
    std::string name;  // "<template>-<administration in ASCII>": beslutsbrev-hagersten-alvsjo (letter_file_names)
    Document document;
};

// One letter from `tmpl` per administration that applied in the round, in
// the order of their first application; the view adds `letter`
// (templates/README.md, "Letters to applicants"). In ViewScope::Shapes the
// letters list one application of each shape (a check: view_shapes.hpp).
std::vector<BuiltLetter> build_letters(const model::Report& report, const Template& tmpl,
                                       core::Diagnostics& diagnostics, ViewScope scope = ViewScope::Full);

// The administrations that applied, in the order of their first
// application: one letter each.
std::vector<std::string> applicants(const model::Dataset& dataset);

// Sets `letter` in a round's view: the values of the letter to
// `administration` (as build_letters does for each).
void add_letter_view(const model::Report& report, const std::string& administration, kainjow::mustache::data& view);

// "Hägersten-Älvsjö" -> "hagersten-alvsjo": a file name in ASCII.
std::string file_name_part(const std::string& text);

// The letter file name of each administration ("brev-soder", "brev-soder-2"):
// unique even where file_name_part() folds two names alike, and the same
// whatever the order of `administrations` (letters.cpp).
std::map<std::string, std::string> letter_file_names(const std::vector<std::string>& administrations,
                                                     const std::string& prefix);

// One document per template in `templates_root`/<round template>/.
std::vector<BuiltDocument> build_documents(const model::Report& report, const std::string& templates_root,
                                           core::Diagnostics& diagnostics);

// The front matter's `text-align`: "left" (ragged right, the default) or
// "justify", given to every paragraph of `blocks`, in lists too. Returns
// false, changing nothing, for any other value.
bool apply_text_align(const std::string& value, Blocks& blocks);

// "Sida {sida} ({sidor})" -> inlines with PageNumber / PageCount fields.
Inlines expand_page_fields(const std::string& text);

}  // namespace doc
