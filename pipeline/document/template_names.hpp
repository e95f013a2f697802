#pragma once
// Which name of the schema each tag of a template means, resolved as
// kainjow's renderer resolves it (kainjow/mustache.hpp, context::get): a
// name, dotted or not, is looked up whole in the innermost section's
// context, then in each one around it, then at the top; a section over a
// list makes each item the context, over a section its names; a text or a
// flag adds no names. Last, as template.cpp's StrictContext does, a name
// whose first part is a fund's code in lower case ("lum.total_granted")
// is looked up in that fund.
#include <optional>
#include <string>
#include <vector>

#include "document/template_tags.hpp"
#include "document/view_schema.hpp"

namespace doc {

struct ResolvedTag {
    // The schema name ("funds[].partly_granted.list[].title"), as dotted
    // names are written by dotted_names(); for a fund found by its code,
    // with the code: "lum.partly_granted.list[].title".
    std::string path;
    const SchemaNode* node = nullptr;  // null: not found
    // Not found, but inside a section whose names are not known (itself not
    // found, or a list no view had items in): not reported, since the
    // error is the section's.
    bool unknown_context = false;
    // For a name not found: a close name that is found there.
    std::optional<std::string> suggestion;
};

// One entry per tag of `scanned` (Close and Partial tags resolve as their
// section's name does).
std::vector<ResolvedTag> resolve_tags(const ScannedTemplate& scanned, const SchemaNode& schema,
                                      const std::vector<std::string>& fund_codes);

// The codes of the view's funds in lower case, as templates write them.
std::vector<std::string> fund_codes(const kainjow::mustache::data& view);

}  // namespace doc
