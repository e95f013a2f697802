#pragma once
// Links and bookmarks: everything that points at a place in the document.
// Internal to the PDF stage.
#include <hpdf.h>

#include <utility>
#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/tagging.hpp"

namespace pdf {

// Turns every layout::Link into a link annotation on its page: "#id" jumps
// to the anchor `id`, anything else is a URI. `pages` are the painted pages,
// in order. Each annotation not in an artifact is recorded in `tree`, under
// its Link element, and says where it leads in /Contents (its alternative
// description, ISO 32000-1 §14.9.3). Throws pdf::Error for a link to an
// anchor that does not exist.
// The link items of a page, each with its index among the page's items,
// gathered as the page is painted: its items may be released before the
// links are made, once every page they may point to exists.
using PageLinks = std::vector<std::pair<std::size_t, layout::Item>>;
PageLinks links_of(const layout::Page& page);

// `links` holds links_of() of every page; `document`'s pages are read for
// their sizes only, its anchors for the targets.
void add_links(HaruDocument& doc, const std::vector<HPDF_Page>& pages, const std::vector<PageLinks>& links,
               const layout::PagedDocument& document, StructureTree& tree);

// Builds the outline (bookmarks) from the anchors, nested by level, and opens
// it when the document is opened. Each item's /Dest is a direct array, as
// PDF/A validators require.
void add_outline(HaruDocument& doc, const std::vector<HPDF_Page>& pages, const layout::PagedDocument& document);

}  // namespace pdf
