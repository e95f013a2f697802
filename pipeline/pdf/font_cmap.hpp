#pragma once
// A loaded font's character map cut down to the code points a document
// uses. Internal to the PDF stage.
//
// libharu 2.3.0 makes a Type0 font (HPDF_GetFont with the UTF-8 encoder) by
// looking up every one of the encoder's 65 536 codes in the font's format-4
// cmap, one linear scan of its segments each (HPDF_TTFontDef_GetGlyphid),
// and lists the width of every code that has a glyph in /W. For the four
// Liberation faces a document embeds this took most of the PDF stage of a
// short document: about 15 ms a face, where the pages themselves took a few
// milliseconds. The cmap libharu parsed is only its lookup table: the font
// program it embeds copies the file's own cmap table. So before the font is
// made, the lookup table is replaced by one with only the code points the
// document's text uses, each mapped to the glyph the full table gives it:
// the same glyphs, widths and subset for the text that is there, a /W of
// only those widths, and a lookup that stops at the first or second
// segment: one segment spans the text's code points through the glyph
// index array (a segment per run of used codes made each of the 65 536
// lookups a scan of dozens of segments).
#include <hpdf.h>

#include <bitset>

namespace pdf {

using CodePoints = std::bitset<0x10000>;  // BMP code points; libharu's UTF-8 encoder has no others

// Replaces `def`'s format-4 lookup table (a TrueType font definition just
// loaded, before HPDF_GetFont makes a font of it) with one for `used`.
// A format-0 table, a direct lookup already, is left as it is.
void restrict_cmap(HPDF_FontDef def, const CodePoints& used);

}  // namespace pdf
