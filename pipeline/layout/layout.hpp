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
// The same pages; the document's body is freed as soon as its text is set
// in lines, before the pages are made (nothing laid out refers to the
// tree), so that a long document's tree and its pages are not held at once.
PagedDocument lay_out(doc::Document&& document, const FontMetrics& metrics, core::Diagnostics& diagnostics,
                      const Style& style = Style{}, const Hyphenator* hyphenator = nullptr);

}  // namespace layout
