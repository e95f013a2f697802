#include "pdf/font_kerning.hpp"
#include "core/messages.hpp"

#include <hb.h>

#include <array>
#include <cmath>
#include <memory>

namespace pdf {

namespace {

using Buffer = std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)>;

// Only kerning: ligatures and contextual forms would change the glyphs,
// which libharu cannot address (docs/libraries.md §2).
const hb_feature_t* features(unsigned& count) {
    static const auto table = [] {
        std::array<hb_feature_t, 5> f{};
        const char* names[] = {"kern", "-liga", "-clig", "-calt", "-dlig"};
        for (std::size_t i = 0; i < f.size(); ++i) hb_feature_from_string(names[i], -1, &f[i]);
        return f;
    }();
    count = static_cast<unsigned>(table.size());
    return table.data();
}

}  // namespace

FontLibrary::Shaper load_shaper(const std::string& path) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (blob == nullptr) throw Error(core::tr("HarfBuzz cannot read the font file '{1}'", path));
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_font_t* font = hb_font_create(face);
    const auto upem = static_cast<int>(hb_face_get_upem(face));
    hb_face_destroy(face);
    hb_font_set_scale(font, upem, upem);  // positions in font units
    hb_font_make_immutable(font);         // shared by every thread
    return FontLibrary::Shaper(font, &hb_font_destroy);
}

// Shapes the pair alone and compares with the glyphs' own advances: what
// the font's kerning (GPOS pair adjustment, or the kern table when there is
// no GPOS kerning) adds between them.
double pair_kerning(hb_font_t* font, char32_t left, char32_t right) {
    Buffer buffer(hb_buffer_create(), &hb_buffer_destroy);
    const hb_codepoint_t text[] = {left, right};
    hb_buffer_add_codepoints(buffer.get(), text, 2, 0, 2);
    hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer.get(), HB_SCRIPT_LATIN);
    hb_buffer_set_language(buffer.get(), hb_language_from_string("sv", -1));
    unsigned count = 0;
    const hb_feature_t* list = features(count);
    hb_shape(font, buffer.get(), list, count);
    unsigned glyphs = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &glyphs);
    const hb_glyph_position_t* position = hb_buffer_get_glyph_positions(buffer.get(), &glyphs);
    if (glyphs != 2) return 0;
    const hb_position_t shaped = position[0].x_advance + position[1].x_advance;
    const hb_position_t nominal =
        hb_font_get_glyph_h_advance(font, info[0].codepoint) + hb_font_get_glyph_h_advance(font, info[1].codepoint);
    int x_scale = 0;
    int y_scale = 0;
    hb_font_get_scale(font, &x_scale, &y_scale);
    return x_scale > 0 ? std::round((shaped - nominal) * 1000.0 / x_scale) : 0.0;
}

}  // namespace pdf
