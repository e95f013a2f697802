#pragma once
// The Word stage: doc::Document -> one .docx (Office Open XML,
// ECMA-376 / ISO/IEC 29500), made from the same tree as the PDF and HTML,
// never from the PDF. Word's own structures, so that the file behaves like
// one a case officer made: the built-in heading styles, numbered and bulleted
// lists, tables with a repeated header row, footnotes, the letterhead in the
// first page's header and the page mark as PAGE / NUMPAGES fields, A4 with
// the PDF's margins, the document properties and sv-SE on the text, and
// charts as DrawingML charts with their data. Deterministic: the same tree
// gives the same bytes (fixed part order and zip timestamps, no clock).
#include <stdexcept>
#include <string>

#include "document/node.hpp"

namespace docx {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The whole package, as the bytes of a zip file. Throws Error when the
// container cannot be written.
std::string render(const doc::Document& document);

}  // namespace docx
