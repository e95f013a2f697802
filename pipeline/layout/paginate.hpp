#pragma once
// Pagination: slices onto pages, first fit from the top, backing up to the
// last slice a page may end before when the next one does not fit (keeps,
// orphans and widows are all expressed as forbidden breaks).
#include <cstdint>
#include <vector>

#include "layout/flow.hpp"

namespace layout {

struct Placement {
    int page = 0;
    double y = 0;  // top of the slice on its page
};

struct Pagination {
    std::vector<Placement> slices;     // one per Flow slice
    std::vector<std::int32_t> repeats;  // per page: Flow::groups index placed at the top, or -1
    int page_count = 1;
};

// `top` and `bottom`: the text area's edges, from the top of the page.
Pagination paginate(const Flow& flow, double top, double bottom);

// The pages with every slice's items moved into place, page fields
// resolved and the anchors known.
PagedDocument assemble(const Flow& flow, const Pagination& pagination, const doc::PageSetup& page,
                       const FontMetrics& metrics);

}  // namespace layout
