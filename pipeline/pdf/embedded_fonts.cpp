#include "pdf/embedded_fonts.hpp"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include <map>
#include <string>
#include <variant>

#include <unicode/utf8.h>

#include "pdf/font_cmap.hpp"
#include "pdf/to_unicode.hpp"

namespace pdf {

namespace {

// The code points each face's text uses; a face with none is not used.
struct FacesUsed {
    std::array<bool, layout::kFontCount> used{};
    std::array<CodePoints, layout::kFontCount> code_points;
};

FacesUsed faces_used(const layout::PagedDocument& document) {
    FacesUsed faces;
    for (const layout::Page& page : document.pages) {
        for (const layout::Item& item : page.items) {
            const auto* run = std::get_if<layout::TextRun>(&item.content);
            if (run == nullptr || run->text.empty()) continue;
            const auto face = static_cast<std::size_t>(run->font);
            faces.used[face] = true;
            CodePoints& code_points = faces.code_points[face];
            const char* text = run->text.data();
            const auto length = static_cast<std::int32_t>(run->text.size());
            for (std::int32_t i = 0; i < length;) {
                UChar32 c = 0;
                U8_NEXT(text, i, length, c);
                if (c >= 0 && c < 0x10000) code_points.set(static_cast<std::size_t>(c));
            }
        }
    }
    return faces;
}

// Measures each code point the text uses as libharu's text width does
// (HPDF_TTFontDef_GetCharWidth, which TextWidth calls per character): that
// marks its glyph, and the glyphs a composite glyph is made of, as used, so
// that the subset and the CIDSet keep them. Returns the code points whose
// width is 0.
CodePoints mark_glyphs(HPDF_Font font, const CodePoints& used) {
    HPDF_FontDef def = static_cast<HPDF_FontAttr>(font->attr)->fontdef;
    CodePoints zero;
    for (std::size_t c = used._Find_first(); c < used.size(); c = used._Find_next(c))
        if (HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(c)) == 0) zero.set(c);
    return zero;
}

HPDF_Font load_font(HaruDocument& doc, const std::string& path, const CodePoints& used) {
    const std::string step = "embed font file '" + path + "'";
    const char* name = load_font_definition(doc, font_file(path));
    doc.check(step);
    restrict_cmap(name != nullptr ? HPDF_Doc_FindFontDef(doc.get(), name) : nullptr, used);
    doc.check(step + ": cut its character map to the text");
    HPDF_Font font = HPDF_GetFont(doc.get(), name, "UTF-8");
    doc.check(step);
    replace_to_unicode(font);
    doc.check(step + ": replace its ToUnicode CMap");
    return font;
}

}  // namespace

EmbeddedFonts::EmbeddedFonts(HaruDocument& doc, const FontFiles& files, const layout::PagedDocument& document) {
    const FacesUsed faces = faces_used(document);
    const auto& used = faces.used;
    // Faces may share a file: its character map keeps what all of them use.
    std::map<std::string, CodePoints> code_points;
    for (std::size_t i = 0; i < used.size(); ++i)
        if (used[i]) code_points[files.paths[i]] |= faces.code_points[i];
    // libharu refuses to register one font file twice in a document: a
    // file is loaded for the first face that uses it.
    std::map<std::string, std::size_t> loaded_for;
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) {
            continue;
        }
        const std::string& path = files.paths[i];
        auto it = loaded_for.find(path);
        if (it == loaded_for.end()) {
            HPDF_Font font = load_font(doc, path, code_points[path]);
            zero_width_[i] = mark_glyphs(font, code_points[path]);
            doc.check("measure the text in font file '" + path + "'");
            it = loaded_for.emplace(path, i).first;
            distinct_.push_back({font, &font_file(path)});
            fonts_[i] = font;
        } else {
            fonts_[i] = fonts_[it->second];
            zero_width_[i] = zero_width_[it->second];
        }
    }
}

}  // namespace pdf
