#pragma once
// The document stage's entry point: model::Report + templates -> doc trees.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/node.hpp"
#include "document/template.hpp"
#include "model/report.hpp"

namespace doc {

struct BuiltDocument {
    std::string name;  // the template's name: the output file's stem
    Document document;
};

Document build_document(const model::Report& report, const Template& tmpl, core::Diagnostics& diagnostics);

// The same from a view model of the caller's (make_view_model and more).
Document build_document(const model::Report& report, const Template& tmpl, const kainjow::mustache::data& view,
                        core::Diagnostics& diagnostics);

// A letter to one applying administration (round.xml <letter-template>).
struct BuiltLetter {
    std::string administration;
    std::string name;  // "<template>-<administration in ASCII>": beslutsbrev-hagersten-alvsjo
    Document document;
};

// One letter from `tmpl` per administration that applied in the round, in
// the order of their first application; the view adds `letter`
// (templates/README.md, "Letters to applicants").
std::vector<BuiltLetter> build_letters(const model::Report& report, const Template& tmpl,
                                       core::Diagnostics& diagnostics);

// "Hägersten-Älvsjö" -> "hagersten-alvsjo": a file name in ASCII.
std::string file_name_part(const std::string& text);

// One document per template in `templates_root`/<round template>/.
std::vector<BuiltDocument> build_documents(const model::Report& report, const std::string& templates_root,
                                           core::Diagnostics& diagnostics);

// "Sida {sida} ({sidor})" -> inlines with PageNumber / PageCount fields.
Inlines expand_page_fields(const std::string& text);

}  // namespace doc
