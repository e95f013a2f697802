#pragma once
// Links and bookmarks: everything that points at a place in the document.
// Internal to the PDF stage.
#include <hpdf.h>

#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/haru_document.hpp"

namespace pdf {

// Turns every layout::Link into a link annotation on its page: "#id" jumps
// to the anchor `id`, anything else is a URI. `pages` are the painted pages,
// in order. Throws pdf::Error for a link to an anchor that does not exist.
void add_links(HaruDocument& doc, const std::vector<HPDF_Page>& pages,
               const layout::PagedDocument& document);

// Builds the outline (bookmarks) from the anchors, nested by level, and opens
// it when the document is opened. Each item's /Dest is a direct array, as
// PDF/A validators require.
void add_outline(HaruDocument& doc, const std::vector<HPDF_Page>& pages,
                 const layout::PagedDocument& document);

}  // namespace pdf
