#pragma once
// A template checked whole against the schema of its view
// (view_schema.hpp), whatever this dataset holds: a misspelt name inside a
// section this year's data does not render is found this year, not in the
// year it renders. Run by `fuel check` and `fuel build` alike (build.cpp).
//
//   - structure first (template_tags.hpp): an unclosed or mismatched
//     section, a tag without its braces, an unclosed ``` block, once, where
//     it opens; a broken template is checked no further;
//   - every name, resolved as the renderer resolves it (template_names.hpp),
//     at file:line:column, with the closest name in reach (core::closest_match);
//   - in a ```chart block's data rows, a value the chart must read as a
//     number that the schema knows as text ("300 000 kronor"), with the
//     name of its number where the view has one.
#include <set>
#include <string>

#include <kainjow/mustache.hpp>

#include "core/diagnostics.hpp"
#include "document/template.hpp"
#include "document/template_tags.hpp"
#include "document/view_schema.hpp"

namespace doc {

struct TemplateCheck {
    ScannedTemplate scanned;
    bool broken() const { return scanned.broken; }
    // The names reported as unknown: render_template does not report them
    // again.
    std::set<std::string> reported;
};

// `view` gives the funds' codes ({{lum.…}}) and the values quoted in
// messages; the names are checked against `schema`.
TemplateCheck check_template(const Template& tmpl, const SchemaNode& schema, const kainjow::mustache::data& view,
                             core::Diagnostics& diagnostics);

// The kind of document a view is for: a letter's view has `letter`
// (letters.cpp), a final report's and an application's their own roots.
DocumentKind document_kind(const kainjow::mustache::data& view);

}  // namespace doc
