#include "sample_documents.hpp"

namespace pdf_test {

namespace {

// Width of a UTF-8 string by the font library; the sample needs the measure
// only to size its links.
double measure(layout::FontId font, const std::string& utf8, double size) {
    double total = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
        for (int k = 1; k < length; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3F);
        }
        total += liberation().advance(font, cp);
        i += static_cast<std::size_t>(length);
    }
    return total * size / 1000;
}

}  // namespace

const pdf::FontLibrary& liberation() {
    static const pdf::FontLibrary library = pdf::FontLibrary::load(pdf::FontFiles::liberation());
    return library;
}

layout::Item text(double x, double baseline, layout::FontId font, double size, const std::string& utf8) {
    layout::TextRun run;
    run.x = x;
    run.baseline = baseline;
    run.font = font;
    run.size = size;
    run.text = utf8;
    run.width = measure(font, utf8, size);
    return layout::Item{run, false};
}

layout::Item tagged(layout::Item item, std::int32_t element) {
    item.structure = element;
    return item;
}

layout::PagedDocument two_page_report() {
    using layout::FontId;
    using layout::Role;
    layout::PagedDocument document;
    document.meta.title = kTitle;
    document.meta.author = "Socialförvaltningen, Örebro kommun";
    document.meta.subject = "Beslut om fördelning – LUM/MUL";
    document.meta.language = "sv-SE";
    document.meta.date = "2024-12-10";

    // The structure as layout would give it: #0 Document, #1 H1, #2 P with
    // #3 Link and #4 Link, #5 H1, #6 H2, #7 P.
    document.structure = {{Role::Document, -1, {}, {}}, {Role::H1, 0, {}, {}},   {Role::P, 0, {}, {}},
                          {Role::Link, 2, {}, {}},      {Role::Link, 2, {}, {}}, {Role::H1, 0, {}, {}},
                          {Role::H2, 0, {}, {}},        {Role::P, 0, {}, {}}};
    layout::Page first;
    first.items.push_back({layout::Fill{70, 90, 455, 30, 0.85}, true});
    first.items.push_back(tagged(text(72, 112, FontId::SansBold, 16, "1 Ärenden"), 1));
    first.items.push_back({layout::Rule{70, 125, 525, 125, 0.5}, true});
    first.items.push_back(tagged(text(72, 150, FontId::SerifRegular, 11, std::string(kSwedishLine) + " "), 2));
    first.items.push_back(tagged(text(72, 166, FontId::SerifRegular, 11, "Belopp: 1\u00A0234\u00A0567 kr "), 2));
    first.items.push_back(tagged(text(72, 182, FontId::SerifItalic, 11, "Se avsnitt 2 – Beslut"), 3));
    const double link_width = measure(FontId::SerifItalic, "Se avsnitt 2 – Beslut", 11);
    first.items.push_back({layout::Link{72, 172, link_width, 13, "#beslut"}, false, 3});
    first.items.push_back(tagged(text(72, 198, FontId::SerifRegular, 11, "https://www.example.se/fond"), 4));
    first.items.push_back({layout::Link{72, 188, 150, 13, "https://www.example.se/fond"}, false, 4});
    first.items.push_back(text(450, 40, FontId::SansRegular, 9, "Sida 1 (2)"));
    first.items.back().artifact = true;

    layout::Page second;
    second.items.push_back(tagged(text(72, 112, FontId::SansBold, 16, "2 Beslut"), 5));
    second.items.push_back(tagged(text(72, 140, FontId::SansBold, 12, "2.1 Östermalms ansökan"), 6));
    second.items.push_back(tagged(text(72, 160, FontId::SerifRegular, 11, "Nämnden beslutar att bevilja medel."), 7));
    second.items.push_back(text(450, 40, FontId::SansRegular, 9, "Sida 2 (2)"));
    second.items.back().artifact = true;

    document.pages = {first, second};
    document.anchors = {
        {"arenden", "1 Ärenden", 1, 0, 96},
        {"beslut", "2 Beslut", 1, 1, 96},
        {"ostermalm", "2.1 Östermalms ansökan", 2, 1, 128},
    };
    return document;
}

}  // namespace pdf_test
