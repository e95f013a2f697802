#include "pdf/font_library.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <bit>
#include <map>
#include <string>
#include <utility>

#include "pdf/font_file.hpp"
#include "pdf/font_kerning.hpp"
#include "pdf/haru_document.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

using Face = FontLibrary::Face;

void record(Face& face, HPDF_FontDef def, char32_t code_point) {
    const HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(code_point));
    const auto* attr = static_cast<const HPDF_TTFontDefAttr_Rec*>(def->attr);
    if (gid == 0 || gid >= attr->num_glyphs) {
        return;  // glyph 0 is .notdef: the default entry already holds its width
    }
    face.advances[code_point] = static_cast<std::uint16_t>(HPDF_TTFontDef_GetGidWidth(def, gid));
    face.mapped[code_point >> 6] |= std::uint64_t{1} << (code_point & 63);
}

// The glyph lookup is libharu's own (HPDF_TTFontDef_GetGlyphid), so that the
// table agrees with the /W array and the CIDToGIDMap it writes. Asking it for
// all 65 536 code points costs about 3 ms per font, because each lookup scans
// the cmap segments from the start; asking only for the code points inside a
// segment (about 2 300 for Liberation) gives the same answer, since libharu
// returns 0 for everything between segments.
Face read_face(HPDF_FontDef def) {
    const auto* attr = static_cast<const HPDF_TTFontDefAttr_Rec*>(def->attr);
    Face face;
    face.advances.assign(Face::kBmpSize, static_cast<std::uint16_t>(HPDF_TTFontDef_GetGidWidth(def, 0)));
    face.mapped.assign(Face::kBmpSize / 64, 0);
    face.ascent = def->ascent;
    face.descent = def->descent;

    const HPDF_TTF_CmapRange& cmap = attr->cmap;
    if (cmap.format != 4) {  // format 0: libharu masks the code to 8 bits
        for (char32_t cp = 0; cp < Face::kBmpSize; ++cp) {
            record(face, def, cp);
        }
        return face;
    }
    const unsigned segments = cmap.seg_count_x2 / 2U;
    for (unsigned i = 0; i < segments; ++i) {
        for (char32_t cp = cmap.start_count[i]; cp <= cmap.end_count[i]; ++cp) {
            record(face, def, cp);
        }
    }
    return face;
}

}  // namespace

FontFiles FontFiles::liberation() {
    // fonts-liberation2; the order is layout::FontId's.
    const std::string dir = "/usr/share/fonts/truetype/liberation2/";
    return FontFiles{{
        dir + "LiberationSerif-Regular.ttf",
        dir + "LiberationSerif-Bold.ttf",
        dir + "LiberationSerif-Italic.ttf",
        dir + "LiberationSerif-BoldItalic.ttf",
        dir + "LiberationSans-Regular.ttf",
        dir + "LiberationSans-Bold.ttf",
        dir + "LiberationSans-Italic.ttf",
        dir + "LiberationSans-BoldItalic.ttf",
    }};
}

FontLibrary FontLibrary::load(const FontFiles& files) {
    std::array<Face, layout::kFontCount> faces;
    std::array<Shaper, layout::kFontCount> shapers;
    // A file set may well use one file for several faces.
    std::map<std::string, std::size_t> read;
    for (std::size_t i = 0; i < files.paths.size(); ++i) {
        const std::string& path = files.paths[i];
        if (auto it = read.find(path); it != read.end()) {
            faces[i] = faces[it->second];
            shapers[i] = shapers[it->second];
            continue;
        }
        // The definition every document's fonts are copied from (font_file.hpp).
        faces[i] = read_face(font_file(path).parsed);
        shapers[i] = load_shaper(path);
        read.emplace(path, i);
    }
    return FontLibrary(std::move(faces), std::move(shapers));
}

double FontLibrary::advance(layout::FontId font, char32_t code_point) const {
    const Face& f = face(font);
    // libharu's UTF-8 encoder writes a space for anything beyond the BMP
    // (docs/libraries.md §1.1), so that is the width the viewer will draw.
    if (code_point >= Face::kBmpSize) {
        return f.advances[U' '];
    }
    return f.advances[code_point];
}

bool FontLibrary::has_glyph(layout::FontId font, char32_t code_point) const { return face(font).has(code_point); }

FontLibrary::KerningCache::KerningCache()
    : pairs_(new std::atomic<std::uint16_t>[layout::kFontCount * kSlots * kSlots]()) {}

double FontLibrary::kerning(layout::FontId font, char32_t left, char32_t right) const {
    // A glyph libharu cannot address is drawn as a substitute: no kerning.
    if (!has_glyph(font, left) || !has_glyph(font, right)) {
        return 0;
    }
    return kerning_->get(font, left, right,
                         [&] { return pair_kerning(shapers_[static_cast<std::size_t>(font)].get(), left, right); });
}

double FontLibrary::ascent(layout::FontId font) const { return face(font).ascent; }

double FontLibrary::descent(layout::FontId font) const { return face(font).descent; }

std::size_t FontLibrary::glyph_count(layout::FontId font) const {
    std::size_t count = 0;
    for (std::uint64_t word : face(font).mapped) {
        count += static_cast<std::size_t>(std::popcount(word));
    }
    return count;
}

}  // namespace pdf
