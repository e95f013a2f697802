#pragma once
// Plain text of doc-tree nodes, and the template conventions that the
// writers beside the PDF (HTML, Excel, case-system fields) read the same way.
#include <string>

#include "document/node.hpp"

namespace doc {

// The text of inline runs without their styles. A line break becomes
// `line_break`; page fields have no text outside a paged document.
std::string plain_text(const Inlines& inlines, const std::string& line_break = " ");

// "2.1 Bakgrund", or "Bakgrund" when the heading is not numbered.
std::string heading_text(const Heading& heading);

// Template convention (templates/README.md): a paragraph written entirely in
// bold directly above a table is that table's caption ("**Lokala
// utvecklingsmedel (LUM) 2025**"). Returns the caption of body[index] when it
// is such a paragraph followed by a table; else nullptr.
const Paragraph* caption_paragraph(const Blocks& body, std::size_t index);

}  // namespace doc
