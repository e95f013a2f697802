// The embedded subset written from the file in memory (pdf/font_subset.hpp)
// is byte for byte the one libharu's HPDF_TTFontDef_SaveFontData writes,
// for every face, with few glyphs, a text's glyphs and every glyph.
#include <catch2/catch.hpp>

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <set>
#include <string>
#include <vector>

#include "pdf/font_file.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/writer.hpp"

namespace {

std::vector<unsigned char> saved_by_libharu(pdf::HaruDocument& doc, HPDF_FontDef def) {
    HPDF_Stream stream = HPDF_MemStream_New(doc.get()->mmgr, HPDF_STREAM_BUF_SIZ);
    REQUIRE(stream != nullptr);
    REQUIRE(HPDF_TTFontDef_SaveFontData(def, stream) == HPDF_OK);
    std::vector<unsigned char> bytes(stream->size);
    HPDF_UINT size = stream->size;
    REQUIRE(HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) == HPDF_OK);
    HPDF_Stream_Read(stream, bytes.data(), &size);
    HPDF_Stream_Free(stream);
    REQUIRE(size == bytes.size());
    return bytes;
}

}  // namespace

TEST_CASE("the embedded subset is the one libharu writes, for every face", "[fonts]") {
    const auto files = pdf::FontFiles::liberation();
    const std::u16string text = u"Fördelning av medel 2024: 4 000 kr \u2013 Åsa, Ängby, Öst";
    for (const std::string& path : std::set<std::string>(files.paths.begin(), files.paths.end())) {
        // .notdef only; a text's glyphs, composite ones among them; every glyph.
        for (const int glyphs : {0, 1, 2}) {
            INFO(path << ", glyph set " << glyphs);
            pdf::HaruDocument doc;
            // Another font first, so that the subset tag is not the first one.
            const std::string& other = files.paths.front() == path ? files.paths.back() : files.paths.front();
            REQUIRE(HPDF_LoadTTFontFromFile(doc.get(), other.c_str(), HPDF_TRUE) != nullptr);
            const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE);
            REQUIRE(name != nullptr);
            HPDF_FontDef def = HPDF_Doc_FindFontDef(doc.get(), name);
            REQUIRE(def != nullptr);
            auto* attr = static_cast<HPDF_TTFontDefAttr>(def->attr);
            const pdf::FontFile& file = pdf::font_file(path);
            REQUIRE(&file == &pdf::font_file(path));  // read once
            for (const char16_t c : glyphs == 1 ? text : std::u16string()) {
                const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(def, c);
                REQUIRE(glyph < attr->num_glyphs);
                attr->glyph_tbl.flgs[glyph] = 1;
            }
            if (glyphs == 2)
                for (unsigned g = 0; g < attr->num_glyphs; ++g) attr->glyph_tbl.flgs[g] = 1;

            const std::vector<unsigned char> ours = pdf::font_subset(def, file);
            const std::vector<unsigned char> theirs = saved_by_libharu(doc, def);
            REQUIRE(ours.size() == theirs.size());
            CHECK(ours == theirs);
            CHECK(attr->length1 == ours.size());
        }
    }
}

TEST_CASE("a font file that cannot be read is an error naming it", "[fonts]") {
    CHECK_THROWS_WITH(pdf::font_file("/nonexistent/font.ttf"), Catch::Contains("/nonexistent/font.ttf"));
}
