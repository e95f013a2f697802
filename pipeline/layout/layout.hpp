#pragma once
// The layout stage: doc::Document -> layout::PagedDocument.
#include "core/diagnostics.hpp"
#include "document/node.hpp"
#include "layout/font_metrics.hpp"
#include "layout/hyphenation.hpp"
#include "layout/paged_document.hpp"
#include "layout/style.hpp"

namespace layout {

// Lays the document out on pages. Never throws for content: text the fonts
// cannot show is replaced visibly and reported as a warning in `diagnostics`.
// With a `hyphenator`, justified paragraphs and words wider than their
// table cell are hyphenated; without one they are not.
PagedDocument lay_out(const doc::Document& document, const FontMetrics& metrics, core::Diagnostics& diagnostics,
                      const Style& style = Style{}, const Hyphenator* hyphenator = nullptr);

}  // namespace layout
