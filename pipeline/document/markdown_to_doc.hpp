#pragma once
// CommonMark with GitHub tables (cmark-gfm) -> doc::Blocks. Our fenced
// blocks (```letterhead, ```signatures, ```pagebreak) become their doc nodes.
#include <string>

#include "core/diagnostics.hpp"
#include "document/node.hpp"

namespace doc {

// `file` and `first_line` place diagnostics (the rendered text's lines are
// reported relative to the template body).
Blocks markdown_to_blocks(const std::string& markdown, const std::string& file, int first_line,
                          core::Diagnostics& diagnostics);

// Inline Markdown (a front-matter value such as the running header) -> inlines.
Inlines markdown_to_inlines(const std::string& markdown);

}  // namespace doc
