#pragma once
// The floor of the pipeline's speed, for bench/pipeline_speed: the least
// work libharu needs to put the same text on the same number of pages. Not
// used by the pipeline; it lives here because only pipeline/pdf/ may include
// hpdf.h.
#include <string>
#include <vector>

#include "layout/paged_document.hpp"

namespace pdf {

// Writes every text run of `document` at its place and size, all in the one
// TrueType font at `font_path` (embedded as a subset with the UTF-8 encoder,
// as the pipeline embeds its fonts), one BT/ET block per page, compressed as
// the pipeline compresses. Nothing else: no rules, shading, links, outline,
// metadata or PDF/A. Returns the PDF bytes; throws pdf::Error on a libharu
// error.
std::vector<unsigned char> write_speed_floor(const layout::PagedDocument& document, const std::string& font_path,
                                             bool compress = true);

}  // namespace pdf
