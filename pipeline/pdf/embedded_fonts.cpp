#include "pdf/embedded_fonts.hpp"

#include <map>
#include <string>
#include <variant>

#include "pdf/to_unicode.hpp"

namespace pdf {

namespace {

std::array<bool, layout::kFontCount> fonts_used(const layout::PagedDocument& document) {
    std::array<bool, layout::kFontCount> used{};
    for (const layout::Page& page : document.pages) {
        for (const layout::Item& item : page.items) {
            if (const auto* run = std::get_if<layout::TextRun>(&item.content); run && !run->text.empty()) {
                used[static_cast<std::size_t>(run->font)] = true;
            }
        }
    }
    return used;
}

HPDF_Font load_font(HaruDocument& doc, const std::string& path) {
    const std::string step = "embed font file '" + path + "'";
    const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE);
    doc.check(step);
    HPDF_Font font = HPDF_GetFont(doc.get(), name, "UTF-8");
    doc.check(step);
    replace_to_unicode(font);
    doc.check(step + ": replace its ToUnicode CMap");
    return font;
}

}  // namespace

EmbeddedFonts::EmbeddedFonts(HaruDocument& doc, const FontFiles& files,
                             const layout::PagedDocument& document) {
    const auto used = fonts_used(document);
    // libharu refuses to register one font file twice in a document.
    std::map<std::string, HPDF_Font> by_path;
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) {
            continue;
        }
        const std::string& path = files.paths[i];
        auto it = by_path.find(path);
        if (it == by_path.end()) {
            it = by_path.emplace(path, load_font(doc, path)).first;
            distinct_.push_back(it->second);
        }
        fonts_[i] = it->second;
    }
}

}  // namespace pdf
