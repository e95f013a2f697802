#pragma once
// Paints one layout page onto a libharu page. Internal to the PDF stage.
#include <hpdf.h>

#include <cstddef>

#include "layout/paged_document.hpp"
#include "pdf/embedded_fonts.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/tagging.hpp"

namespace pdf {

// Layout measures from the top-left corner with y growing downwards; PDF
// user space (ISO 32000-1 §8.3.2.3) has its origin at the bottom-left with y
// growing upwards. This is the only place the flip happens.
struct PageSpace {
    double height = 0;
    HPDF_REAL x(double layout_x) const { return static_cast<HPDF_REAL>(layout_x); }
    HPDF_REAL y(double layout_y) const { return static_cast<HPDF_REAL>(height - layout_y); }
};

// Adds a page of the layout page's size and paints its fills, then its rules,
// then its text (so that shading never covers a rule or a letter). Links are
// added later, once every page they may point to exists. Everything painted
// is inside a marked-content sequence: its element's, recorded in `tree`, or
// an artifact's. `index` is the 0-based page number.
HPDF_Page paint_page(HaruDocument& doc, const layout::Page& page, std::size_t index, const EmbeddedFonts& fonts,
                     StructureTree& tree);

}  // namespace pdf
