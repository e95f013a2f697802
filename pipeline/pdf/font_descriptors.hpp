#pragma once
// Completes the font descriptors libharu 2.3.0 writes for its embedded
// TrueType subsets. Internal to the PDF stage.
#include <hpdf.h>

#include <cstdint>
#include <vector>

#include "pdf/font_file.hpp"
#include "pdf/haru_document.hpp"

namespace pdf {

// The CIDs whose glyphs the embedded subset of `font` holds, as a CIDSet bit
// string (ISO 32000-1 §9.8.3, Table 124): bit i, counted from the high bit of
// the first byte, is set when CID i is present. With libharu's UTF-8 encoder
// a CID is the BMP code point; CID 0 (.notdef) is always present. Call only
// after every page is painted: libharu marks glyphs as used while drawing.
std::vector<std::uint8_t> cid_set(HPDF_Font font);

// Builds the font's descriptor and subset now rather than at save time
// (libharu's before-write hook, which is written to run more than once), then
// adds what 2.3.0 leaves out: /CapHeight (ISO 32000-1 Table 122 requires it
// for fonts with Latin text) and, when `with_cid_set`, the /CIDSet stream
// PDF/A-1 requires for a CIDFont subset (ISO 19005-1 §6.3.5). Call after
// every page is painted.
// `file` is the file the font was loaded from (its subset is written from
// it: font_subset.hpp).
void complete_font_descriptor(HaruDocument& doc, HPDF_Font font, const FontFile& file, bool with_cid_set);

// The embedded subset's /FontFile2 stream, made by complete_font_descriptor;
// nullptr before.
HPDF_Dict font_program(HPDF_Font font);

}  // namespace pdf
