#pragma once
// Page furniture, placed once the page count is known: the running header
// top left and the page mark ("Sida 2 (3)") top right, in the top margin,
// flagged as artifacts. No second layout pass: nothing in the margin moves
// the body.
#include <vector>

#include "document/node.hpp"
#include "layout/paged_document.hpp"
#include "layout/style.hpp"
#include "layout/text_shaping.hpp"

namespace layout {

// `mark_shown[p]`: page p already shows its page mark (in the letterhead).
void add_furniture(PagedDocument& document, const doc::PageSetup& page, const std::vector<bool>& mark_shown,
                   TextShaper& shaper, const Style& style);

}  // namespace layout
