#pragma once
// Pair kerning read with HarfBuzz. Internal to the PDF stage (FontLibrary).
#include <string>

#include "pdf/font_library.hpp"

namespace pdf {

// An immutable HarfBuzz font for a TrueType file, scaled to its units per
// em. Throws pdf::Error naming the file when HarfBuzz cannot read it.
FontLibrary::Shaper load_shaper(const std::string& path);

// The kerning between two code points in 1/1000 em, rounded to whole units.
double pair_kerning(hb_font_t* font, char32_t left, char32_t right);

}  // namespace pdf
