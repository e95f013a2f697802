#pragma once
// What each name a document's templates may use holds for one dataset, and
// where the templates use it: the values panel of the preview and
// `fuel values`. A case officer changing the wording sees what
// {{lum.partly_granted.list}} holds this round without building.
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "document/template.hpp"
#include "document/view_schema.hpp"

namespace doc {

struct ValueUse {
    std::string file;  // the template's path
    int line = 0;      // 1-based
    int column = 0;    // 1-based, in characters
};

struct TemplateValue {
    // As a template writes it, dotted; the items of a list are "[]":
    // "lum.partly_granted.list[].title" is {{title}} inside
    // {{#lum.partly_granted.list}}. A fund is named by its code ("lum.…")
    // and as an item of "funds[]".
    std::string name;
    ValueKind kind = ValueKind::Text;
    // This dataset's value as display text: a text or number as it is, a
    // flag "true" or "false", a list its count and first items ("3: Södermalm;
    // Kista; Farsta"), a section empty. An item's name shows the first
    // item's value.
    std::string value;
    // False when this dataset has no value for it (a name inside an empty
    // list): the schema says a template may use it all the same.
    bool present = false;
    std::vector<ValueUse> uses;  // every tag that names it, in template order
};

// Every name of `kind`'s schema (view_schema.hpp) and of `view`, in name
// order, with its value in `view` and its uses in `templates` (usually the
// one document's template; a tag that names nothing known is left out:
// check_template reports it). A template that cannot be read (a structural
// error) adds no uses; its errors go to `diagnostics`.
std::vector<TemplateValue> template_values(const kainjow::mustache::data& view, DocumentKind kind,
                                           const std::vector<Template>& templates, core::Diagnostics& diagnostics);

}  // namespace doc
