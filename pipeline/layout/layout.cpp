#include "layout/layout.hpp"

#include <algorithm>

#include "layout/block_flow.hpp"
#include "layout/flow.hpp"
#include "layout/furniture.hpp"
#include "layout/paginate.hpp"

namespace layout {

namespace {

// Three phases: blocks to a flow of slices (line breaking happens here),
// slices to pages, then the furniture once the page count is known. The
// flow holds its own copies of the text and link targets: `release`, when
// given, is the document's body, freed once the flow is made.
PagedDocument lay_out_document(const doc::Document& document, doc::Blocks* release, const FontMetrics& metrics,
                               core::Diagnostics& diagnostics, const Style& style, const Hyphenator* hyphenator) {
    const doc::PageSetup& page = document.page;
    TextShaper shaper(metrics, diagnostics, style.field_estimate_digits,
                      Superscript{style.superscript_scale, style.superscript_rise});
    Flow flow;
    const Frame frame{page.margin_left, std::max(1.0, page.width - page.margin_left - page.margin_right), 0};
    BlockFlow(style, shaper, flow, page, hyphenator).blocks(document.body, frame);
    if (release != nullptr) doc::Blocks().swap(*release);

    const Pagination pagination = paginate(flow, page.margin_top, page.height - page.margin_bottom);
    PagedDocument paged = assemble(flow, pagination, page, metrics);
    paged.meta = document.meta;

    std::vector<bool> mark_shown(paged.pages.size(), false);
    if (!page.page_mark.empty()) {
        for (std::size_t i = 0; i < flow.slices.size(); ++i)
            if (flow.slices[i].letterhead) mark_shown[static_cast<std::size_t>(pagination.slices[i].page)] = true;
    }
    add_furniture(paged, page, mark_shown, shaper, style);
    return paged;
}

}  // namespace

PagedDocument lay_out(const doc::Document& document, const FontMetrics& metrics, core::Diagnostics& diagnostics,
                      const Style& style, const Hyphenator* hyphenator) {
    return lay_out_document(document, nullptr, metrics, diagnostics, style, hyphenator);
}

PagedDocument lay_out(doc::Document&& document, const FontMetrics& metrics, core::Diagnostics& diagnostics,
                      const Style& style, const Hyphenator* hyphenator) {
    return lay_out_document(document, &document.body, metrics, diagnostics, style, hyphenator);
}

}  // namespace layout
