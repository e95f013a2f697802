#pragma once
// A valid /ToUnicode CMap for libharu's UTF-8 fonts. Internal to the PDF stage.
#include <hpdf.h>

#include <string>

namespace pdf {

// The identity map from 2-byte codes to UTF-16 (the UTF-8 encoder writes each
// BMP code point as its own code), as a ToUnicode CMap program.
const std::string& identity_to_unicode_cmap();

// libharu 2.3.0 writes its encoding CMap (a `begincidrange` block) as the
// font's /ToUnicode stream, which is not a valid ToUnicode CMap
// (docs/libraries.md §1.2). Replaces that stream's contents with the identity
// map. Call right after HPDF_GetFont; errors are left in the document's error
// state for HaruDocument::check, or thrown when libharu's objects are not laid
// out as in 2.3.0.
void replace_to_unicode(HPDF_Font font);

}  // namespace pdf
