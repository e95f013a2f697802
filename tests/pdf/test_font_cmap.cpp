// The character map cut to a document's code points (pdf/font_cmap.hpp):
// the glyphs of the code points kept are the full table's, every other code
// point has none, and the table is two segments.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include <string>
#include <vector>

#include "layout/font_metrics.hpp"
#include "pdf/font_cmap.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/writer.hpp"

namespace {

HPDF_FontDef load(pdf::HaruDocument& doc) {
    const std::string path = pdf::FontFiles::liberation().paths[static_cast<std::size_t>(layout::FontId::SerifRegular)];
    const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE);
    REQUIRE(name != nullptr);
    HPDF_FontDef def = HPDF_Doc_FindFontDef(doc.get(), name);
    REQUIRE(def != nullptr);
    return def;
}

unsigned segments(HPDF_FontDef def) { return static_cast<HPDF_TTFontDefAttr>(def->attr)->cmap.seg_count_x2 / 2U; }

}  // namespace

TEST_CASE("a font's character map cut to the text keeps the text's glyphs and no others", "[fonts]") {
    pdf::HaruDocument doc;
    HPDF_FontDef def = load(doc);
    const unsigned full_segments = segments(def);
    std::vector<HPDF_UINT16> full(0x10000);
    for (unsigned c = 0; c < 0xFFFF; ++c) full[c] = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));

    // Swedish letters, digits, a no-break space, an en dash, and U+4E00,
    // which Liberation Serif does not have.
    const std::u16string text = u"Fördelning av medel 2024\u00A04 000 kr \u2013 Å ä \u4E00";
    pdf::CodePoints used;
    for (const char16_t c : text) used.set(c);
    REQUIRE(!used['x']);
    REQUIRE(full[0x4E00] == 0);
    REQUIRE(full['x'] != 0);  // in the font, between code points the text uses, and not used
    pdf::restrict_cmap(def, used);
    doc.check("restrict");

    unsigned kept = 0, dropped = 0;
    for (unsigned c = 0; c < 0xFFFF; ++c) {
        const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(c));
        if (used[c]) {
            CHECK(glyph == full[c]);
            kept += glyph != 0;
        } else {
            if (glyph != 0) FAIL("code point " << c << " kept a glyph it was not asked for");
            dropped += full[c] != 0;
        }
    }
    CHECK(kept == used.count() - 1);  // all but U+4E00
    CHECK(dropped > 1000);            // the rest of the font's repertoire
    CHECK(HPDF_TTFontDef_GetGlyphid(def, 0xFFFF) == 0);
    // Two segments, the text's code points and the one for 0xFFFF the
    // format requires: every lookup stops at the first or the second.
    CHECK(segments(def) == 2);
    CHECK(segments(def) < full_segments);
}
