#pragma once
// The TrueType subset libharu 2.3.0 embeds as a font's /FontFile2, written
// from the font file's bytes in memory. Internal to the PDF stage.
//
// libharu writes it in HPDF_TTFontDef_SaveFontData, reading the file four
// bytes a call through its stream layer and copying byte by byte: for a
// short document that was about a quarter of the PDF stage. This writes the
// same bytes from the file held in memory (font_file.hpp): the same tables
// in the same order, the same glyph and name rewriting, the same checksums.
// tests/pdf/test_font_subset.cpp compares the two for every face.
#include <hpdf.h>

#include <vector>

#include "pdf/font_file.hpp"

namespace pdf {

// The subset of `def` (a TrueType font definition libharu parsed from
// `file`, its glyphs marked as used while the pages were painted), as
// HPDF_TTFontDef_SaveFontData writes it. Its size is the stream's /Length1.
// Throws pdf::Error when the font's tables lie outside the file.
std::vector<unsigned char> font_subset(HPDF_FontDef def, const FontFile& file);

}  // namespace pdf
