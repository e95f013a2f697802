#pragma once
// Column widths from content, after CSS 2.1 §17.5.2.2 (automatic table
// layout): each column has a minimum (its widest unbreakable piece) and a
// preferred width (its widest line unbroken), and the slack between them
// goes first where it saves a wrapped header or a wrapped short column.
#include <vector>

#include "layout/line_breaking.hpp"

namespace layout {

// What a column needs, cell padding included.
struct ColumnNeeds {
    double min = 0;   // widest unbreakable piece, header words included
    double max = 0;   // widest cell set on one line (max-content)
    double head = 0;  // widest header cell set on one line
    // Widest unbreakable piece of the body and foot cells alone: what is
    // left when a header word has to break after all.
    double body_min = -1;  // -1: as `min`
};

// Returns widths summing to `available`:
// 1. every column at its preferred width when those fit, the rest shared
//    in proportion to them (the table fills the text width);
// 2. else from the minimum widths, the slack goes first to what would
//    otherwise wrap for want of a little room: each header to its one-line
//    width, then, narrowest first, each column whose cells can all be set on
//    one line while the others keep their widths (ids, amounts, names of
//    administrations); what is left goes in proportion to (preferred -
//    that), so the columns with most text get most. When not even the
//    headers fit on one line, the slack is shared in proportion to what
//    each header lacks;
// 3. when not even the minimum widths fit, header words may break: the
//    body's minima are used; when those do not fit either, `available` is
//    shared in proportion to them and cells break between characters
//    rather than overflow. No column is ever squeezed below its minimum to
//    make room for another's long token: firm_min_width caps those.
std::vector<double> column_widths(const std::vector<ColumnNeeds>& columns, double available);

}  // namespace layout
