#pragma once
// Column widths from content, after CSS 2.1 §17.5.2.2 (automatic table
// layout) simplified to what committee tables need.
#include <vector>

#include "layout/line_breaking.hpp"

namespace layout {

// `columns[i]`: min- and max-content width of column i, cell padding
// included. Returns widths summing to `available`:
// - every column at its max-content width when those fit, the rest shared
//   in proportion to the max widths (the table fills the text width);
// - else every column at its min-content width, the rest shared in
//   proportion to (max - min), so the columns with most to wrap get most;
// - else (not even the min widths fit) `available` in proportion to the min
//   widths; cells then break between characters rather than overflow.
std::vector<double> column_widths(const std::vector<ContentWidths>& columns, double available);

}  // namespace layout
