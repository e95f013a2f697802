#pragma once
// The HTML stage: doc::Document -> one self-contained, accessible HTML file
// (the national web guidelines ask for HTML first; DOS-lagen 2018:1937 and
// WCAG 2.1 AA ask for it to be accessible). Made from the same tree as the
// PDF, never from the PDF: real headings h1–h6, lists, tables with <th
// scope>, the letterhead and signatures as marked-up blocks, lang and title
// from the metadata, and an embedded style close to the PDF's look. No
// script, no external file: it works opened from disk, and it prints.
#include <cstddef>
#include <string>
#include <vector>

#include "document/node.hpp"

namespace html {

// The whole file, UTF-8. Deterministic: the same tree gives the same bytes.
std::string render(const doc::Document& document);

// The document's body blocks alone (what goes inside <main>), for tests.
std::string render_blocks(const doc::Blocks& blocks);
// Appends blocks [first, last) of `blocks`, written as render_blocks writes
// a vector of just those blocks. With `pieces`, `html` is moved there
// whenever it has grown past about a megabyte (between blocks).
void append_blocks(std::string& html, const doc::Blocks& blocks, std::size_t first, std::size_t last,
                   std::vector<std::string>* pieces = nullptr);

// The whole file as render gives it, in pieces of about a megabyte: a long
// appendix's HTML is written out without ever being held in one buffer
// that doubles as it grows (docs/memory.md).
std::vector<std::string> render_pieces(const doc::Document& document);

// The list of the blocks' footnotes, for the end of the document; "" when
// there are none.
std::string render_notes(const doc::Blocks& blocks);

}  // namespace html
