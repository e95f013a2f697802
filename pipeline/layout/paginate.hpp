#pragma once
// Pagination: slices onto pages, first fit from the top, backing up to the
// last slice a page may end before when the next one does not fit (keeps,
// orphans and widows are all expressed as forbidden breaks).
//
// Footnotes go to the foot of the page of their reference, and the body
// area of that page is shortened by their height: a slice fits only with
// all of its notes, else it moves to the next page with them. Only a slice
// that opens a page (which must stay) may have a note too long for the rest
// of its page; the lines of it that do not fit continue at the foot of the
// next page, before that page's own notes (the classic rule, as TeX's
// \vfootnote splits an insertion). Notes still left after the last slice
// get pages of their own.
#include <cstdint>
#include <vector>

#include "layout/flow.hpp"

namespace layout {

struct Placement {
    int page = 0;
    double y = 0;  // top of the slice on its page
};

struct Pagination {
    std::vector<Placement> slices;      // one per Flow slice
    std::vector<std::int32_t> repeats;  // per page: Flow::groups index placed at the top, or -1
    std::vector<int> note_pages;        // per Flow::note_lines: its page
    int page_count = 1;
};

// `top` and `bottom`: the text area's edges, from the top of the page.
Pagination paginate(const Flow& flow, double top, double bottom);

// The pages with every slice's items moved into place, page fields
// resolved and the anchors known.
PagedDocument assemble(const Flow& flow, const Pagination& pagination, const doc::PageSetup& page,
                       const FontMetrics& metrics);

}  // namespace layout
