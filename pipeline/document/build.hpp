#pragma once
// The document stage's entry point: model::Report + templates -> doc trees.
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
