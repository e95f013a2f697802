#include "layout/font_metrics.hpp"

#include <unicode/utf8.h>

#include "core/messages.hpp"

namespace layout {

const char* to_string(FontId font) {
    switch (font) {
        case FontId::SerifRegular: return "SerifRegular";
        case FontId::SerifBold: return "SerifBold";
        case FontId::SerifItalic: return "SerifItalic";
        case FontId::SerifBoldItalic: return "SerifBoldItalic";
        case FontId::SansRegular: return "SansRegular";
        case FontId::SansBold: return "SansBold";
        case FontId::SansItalic: return "SansItalic";
        case FontId::SansBoldItalic: return "SansBoldItalic";
    }
    return "?";
}

std::string describe(FontId font) {
    const auto index = static_cast<unsigned>(font);
    const bool serif = index < static_cast<unsigned>(FontId::SansRegular);
    const char* family = serif ? "Liberation Serif" : "Liberation Sans";
    switch (index % 4) {
        case 1: return core::tr("{1}, bold", family);
        case 2: return core::tr("{1}, italic", family);
        case 3: return core::tr("{1}, bold italic", family);
        default: return family;
    }
}

double text_width(const FontMetrics& metrics, FontId font, std::string_view utf8, double size) {
    double units = 0;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        // An invalid sequence is measured as the replacement the writer shows.
        if (c < 0) c = 0xFFFD;
        units += metrics.advance(font, static_cast<char32_t>(c));
    }
    return units * size / 1000.0;
}

}  // namespace layout
