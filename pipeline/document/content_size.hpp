#pragma once
// How much a document holds, counted in the tree's own units: its blocks,
// table cells and inline runs. What a document takes to lay out and write
// grows with it (job::render_all limits the documents made at once by it).
#include <cstddef>

#include "document/node.hpp"

namespace doc {

std::size_t content_size(const Blocks& blocks);

}  // namespace doc
