#pragma once
// The fonts one document embeds. Internal to the PDF stage.
#include <hpdf.h>

#include <array>
#include <vector>

#include "layout/font_metrics.hpp"
#include "layout/paged_document.hpp"
#include "pdf/font_cmap.hpp"
#include "pdf/font_file.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/writer.hpp"

namespace pdf {

class EmbeddedFonts {
public:
    // Loads, as subsets with the UTF-8 encoder, exactly the fonts the pages
    // use, in FontId order, so that the subset tags (HPDFAA+, HPDFAB+, ...)
    // and object numbers do not depend on the order of the items. Every
    // glyph the pages' text uses is marked as used in its font here, once
    // per code point, as libharu marks it when it measures a text it shows
    // (the page painter writes the text operators itself).
    EmbeddedFonts(HaruDocument& doc, const FontFiles& files, const layout::PagedDocument& document);

    // The font for a face the pages use; nullptr for one they do not.
    HPDF_Font get(layout::FontId font) const { return fonts_[static_cast<std::size_t>(font)]; }

    // Whether libharu measures `code_point` in the face's font as no wider
    // than nothing (HPDF_TTFontDef_GetCharWidth), for a code point the
    // pages use: HPDF_Page_ShowText writes nothing for a text of no width.
    bool zero_width(layout::FontId font, char32_t code_point) const {
        return code_point < 0x10000 && zero_width_[static_cast<std::size_t>(font)][code_point];
    }

    // A loaded font and the file it was loaded from.
    struct Loaded {
        HPDF_Font font;
        const FontFile* file;
    };

    // Each loaded font once (faces may share a file), in loading order.
    const std::vector<Loaded>& distinct() const { return distinct_; }

private:
    std::array<HPDF_Font, layout::kFontCount> fonts_{};
    std::vector<Loaded> distinct_;
    std::vector<CodePoints> zero_width_ = std::vector<CodePoints>(layout::kFontCount);
};

}  // namespace pdf
