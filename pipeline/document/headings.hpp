#pragma once
// What the document knows about its headings once they are all read: the
// targets of internal links and cross-references, and the entries of a
// table of contents. (Their numbers are given while the Markdown is read;
// their page numbers only layout knows.)
#include <vector>

#include "core/diagnostics.hpp"
#include "document/markdown_to_doc.hpp"
#include "document/node.hpp"

namespace doc {

// Errors for a link to an id no heading has, and for a cross-reference to a
// heading without a number; reported where the template wrote the link.
void check_internal_links(const Blocks& body, const std::vector<InternalLink>& links, core::Diagnostics& diagnostics);

// Writes each cross-reference's target number into its (empty) text.
void resolve_cross_references(Blocks& body);

// Lists the listed headings of each table of contents' levels.
void fill_tables_of_contents(Blocks& body);

}  // namespace doc
