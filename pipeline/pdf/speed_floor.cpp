#include "pdf/speed_floor.hpp"

#include <variant>

#include "pdf/haru_document.hpp"

namespace pdf {

namespace {

void write_page(HPDF_Doc pdf, HPDF_Font font, const layout::Page& page) {
    HPDF_Page target = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(target, static_cast<HPDF_REAL>(page.width));
    HPDF_Page_SetHeight(target, static_cast<HPDF_REAL>(page.height));
    HPDF_Page_BeginText(target);
    double size = 0;
    for (const layout::Item& item : page.items) {
        const auto* run = std::get_if<layout::TextRun>(&item.content);
        if (run == nullptr || run->text.empty()) {
            continue;
        }
        if (run->size != size) {
            size = run->size;
            HPDF_Page_SetFontAndSize(target, font, static_cast<HPDF_REAL>(size));
        }
        HPDF_Page_TextOut(target, static_cast<HPDF_REAL>(run->x), static_cast<HPDF_REAL>(page.height - run->baseline),
                          run->text.c_str());
    }
    HPDF_Page_EndText(target);
}

}  // namespace

std::vector<unsigned char> write_speed_floor(const layout::PagedDocument& document, const std::string& font_path,
                                             bool compress) {
    HaruDocument doc;
    HPDF_Doc pdf = doc.get();
    HPDF_SetCompressionMode(pdf, compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* name = HPDF_LoadTTFontFromFile(pdf, font_path.c_str(), HPDF_TRUE);
    doc.check("embed font file '" + font_path + "'");
    HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
    doc.check("get font '" + font_path + "'");
    for (const layout::Page& page : document.pages) {
        write_page(pdf, font, page);
    }
    doc.check("write the pages");
    HPDF_SaveToStream(pdf);
    doc.check("save to memory");
    std::vector<unsigned char> bytes(HPDF_GetStreamSize(pdf));
    HPDF_ResetStream(pdf);
    auto size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(pdf, bytes.data(), &size);
    doc.check("read the saved document");
    bytes.resize(size);
    return bytes;
}

}  // namespace pdf
