#include "pdf/page_painter.hpp"

#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <type_traits>
#include <variant>

namespace pdf {

namespace {

// Paints the items of one kind in page order, each inside its marked
// content; the phase ends with its last sequence closed.
template <typename T, typename F>
void for_each(const layout::Page& page, PageMarks& marks, F&& paint) {
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const layout::Item& item = page.items[i];
        const T* content = std::get_if<T>(&item.content);
        if (content == nullptr) {
            continue;
        }
        if constexpr (std::is_same_v<T, layout::TextRun>) {
            // Nothing to show, but an element's only content (an empty
            // table cell) still gets its marked-content sequence, so that
            // the element is on its page: paint_text marks it, shows nothing.
            if (content->text.empty() && (item.artifact || item.structure == layout::kNoElement)) {
                continue;
            }
        }
        paint(*content, [&] { marks.mark(i, item); });
    }
    marks.close();
}

void paint_fills(HPDF_Page target, const layout::Page& page, const PageSpace& space, PageMarks& marks) {
    bool painted = false;
    for_each<layout::Fill>(page, marks, [&](const layout::Fill& fill, auto&& mark) {
        mark();
        HPDF_Page_SetGrayFill(target, static_cast<HPDF_REAL>(fill.gray));
        HPDF_Page_Rectangle(target, space.x(fill.x), space.y(fill.y + fill.height), static_cast<HPDF_REAL>(fill.width),
                            static_cast<HPDF_REAL>(fill.height));
        HPDF_Page_Fill(target);
        painted = true;
    });
    if (painted) {
        HPDF_Page_SetGrayFill(target, 0);  // the fill colour is also the text colour
    }
}

void paint_rules(HPDF_Page target, const layout::Page& page, const PageSpace& space, PageMarks& marks) {
    double width = -1;  // no width set yet on this page
    for_each<layout::Rule>(page, marks, [&](const layout::Rule& rule, auto&& mark) {
        mark();
        if (rule.thickness != width) {
            width = rule.thickness;
            HPDF_Page_SetLineWidth(target, static_cast<HPDF_REAL>(width));
        }
        HPDF_Page_MoveTo(target, space.x(rule.x1), space.y(rule.y1));
        HPDF_Page_LineTo(target, space.x(rule.x2), space.y(rule.y2));
        HPDF_Page_Stroke(target);
    });
}

// A chart's lines: each one path, stroked with round joins so that a sharp
// turn of the line does not end in a spike (ISO 32000-1 §8.4.3.4).
void paint_polylines(HPDF_Page target, const layout::Page& page, const PageSpace& space, PageMarks& marks) {
    bool painted = false;
    for_each<layout::Polyline>(page, marks, [&](const layout::Polyline& path, auto&& mark) {
        if (path.points.size() < 2) return;
        mark();
        if (!painted) HPDF_Page_SetLineJoin(target, HPDF_ROUND_JOIN);
        painted = true;
        HPDF_Page_SetLineWidth(target, static_cast<HPDF_REAL>(path.thickness));
        HPDF_Page_SetGrayStroke(target, static_cast<HPDF_REAL>(path.gray));
        HPDF_Page_MoveTo(target, space.x(path.points[0].x), space.y(path.points[0].y));
        for (std::size_t i = 1; i < path.points.size(); ++i)
            HPDF_Page_LineTo(target, space.x(path.points[i].x), space.y(path.points[i].y));
        HPDF_Page_Stroke(target);
    });
    if (painted) {
        HPDF_Page_SetGrayStroke(target, 0);
        HPDF_Page_SetLineJoin(target, HPDF_MITER_JOIN);
    }
}

// The text showing operator for a run: Tj (ISO 32000-1 §9.4.3) as libharu's
// HPDF_Page_ShowText writes it, or, for a kerned run, TJ, which libharu
// lacks. With the UTF-8 encoder and Identity-H, a glyph's code is its code
// point in two bytes, in upper-case hex as HPDF_Stream_WriteBinary writes it
// (docs/libraries.md §1.1); a TJ number is subtracted from the position in
// 1/1000 em, so a kern of -74 is written as 74. Empty when ShowText would
// write nothing: a Tj whose text libharu measures as no width at all.
std::string text_operator(const layout::TextRun& run, const EmbeddedFonts& fonts) {
    const bool kerned = !run.kerns.empty();
    std::string out = kerned ? "[<" : "<";
    out.reserve(run.text.size() * 4 + 16);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(run.text.data());
    const auto length = static_cast<std::int32_t>(run.text.size());
    std::size_t next_kern = 0;
    std::uint32_t index = 0;
    bool wide = false;
    char buffer[32];
    for (std::int32_t i = 0; i < length; ++index) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || c > 0xFFFF) c = 0x20;  // what libharu's encoder writes for them
        if (next_kern < run.kerns.size() && run.kerns[next_kern].index == index) {
            std::snprintf(buffer, sizeof buffer, "> %g <", static_cast<double>(-run.kerns[next_kern].amount));
            out += buffer;
            ++next_kern;
        }
        // Four upper-case hex digits, as "%04X" writes them: snprintf per
        // glyph was a twentieth of the PDF stage.
        static constexpr char kHex[] = "0123456789ABCDEF";
        const auto code = static_cast<unsigned>(c);
        const char digits[4] = {kHex[(code >> 12) & 0xF], kHex[(code >> 8) & 0xF], kHex[(code >> 4) & 0xF],
                                kHex[code & 0xF]};
        out.append(digits, sizeof digits);
        wide = wide || !fonts.zero_width(run.font, static_cast<char32_t>(c));
    }
    if (kerned) return out + ">] TJ\012";
    return wide ? out + "> Tj\012" : std::string();
}

// HPDF_Page_MoveTextPos (hpdf_page_operator.c, 2.3.0), which clears a
// 512-byte buffer byte by byte for each Td: the same operator, written
// with libharu's own number format, and the same move of the text matrix.
void move_text(HPDF_Page target, HPDF_REAL x, HPDF_REAL y) {
    if (HPDF_Page_CheckState(target, HPDF_GMODE_TEXT_OBJECT) != HPDF_OK) return;
    auto* attr = static_cast<HPDF_PageAttr>(target->attr);
    char buffer[64] = {};  // HPDF_FToA does not end what it writes
    char* const end = buffer + sizeof buffer - 1;
    char* at = HPDF_FToA(buffer, x, end);
    *at++ = ' ';
    at = HPDF_FToA(at, y, end);
    std::memcpy(at, " Td\012", 5);
    HPDF_Stream_WriteStr(attr->stream, buffer);
    HPDF_TransMatrix& matrix = attr->text_matrix;
    matrix.x += x * matrix.a + y * matrix.c;
    matrix.y += y * matrix.d + x * matrix.b;
    attr->text_pos.x = matrix.x;
    attr->text_pos.y = matrix.y;
}

// HPDF_Page_TextOut, written here: a Td relative to the text matrix, as
// TextOut computes it for a matrix that is only ever moved, then the text.
// libharu's ShowText measured each text again, character by character
// through its encoder, to mark the glyphs as used and move a current point
// nothing here reads: most of the PDF stage's time per page. The glyphs are
// marked once per code point instead, when the fonts are loaded
// (EmbeddedFonts); the bytes are the same.
void show(HPDF_Page target, const EmbeddedFonts& fonts, const layout::TextRun& run, HPDF_REAL x, HPDF_REAL y) {
    const HPDF_TransMatrix matrix = HPDF_Page_GetTextMatrix(target);
    const bool moved_only = matrix.a == 1 && matrix.b == 0 && matrix.c == 0 && matrix.d == 1;
    if (!moved_only && run.kerns.empty()) {  // never set here (no Tm); TextOut knows the general case
        HPDF_Page_TextOut(target, x, y, run.text.c_str());
        return;
    }
    move_text(target, x - matrix.x, y - matrix.y);
    const std::string text = text_operator(run, fonts);
    if (!text.empty()) HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(target->attr)->stream, text.c_str());
}

// All runs go into one BT/ET block, and Tf is written only when the font or
// size changes: most consecutive runs share both.
// The marked-content sequences nest inside the one text object.
void paint_text(HPDF_Page target, const layout::Page& page, const PageSpace& space, const EmbeddedFonts& fonts,
                PageMarks& marks) {
    bool in_text = false;
    HPDF_Font current_font = nullptr;
    double current_size = 0;
    for_each<layout::TextRun>(page, marks, [&](const layout::TextRun& run, auto&& mark) {
        if (!in_text) {
            HPDF_Page_BeginText(target);
            in_text = true;
        }
        mark();
        if (run.text.empty()) {
            return;
        }
        HPDF_Font font = fonts.get(run.font);
        if (font != current_font || run.size != current_size) {
            HPDF_Page_SetFontAndSize(target, font, static_cast<HPDF_REAL>(run.size));
            current_font = font;
            current_size = run.size;
        }
        show(target, fonts, run, space.x(run.x), space.y(run.baseline));
    });
    marks.close();
    if (in_text) {
        HPDF_Page_EndText(target);
    }
}

}  // namespace

HPDF_Page paint_page(HaruDocument& doc, const layout::Page& page, std::size_t index, const EmbeddedFonts& fonts,
                     StructureTree& tree) {
    const std::string where = " of page " + std::to_string(index + 1);
    HPDF_Page target = HPDF_AddPage(doc.get());
    HPDF_Page_SetWidth(target, static_cast<HPDF_REAL>(page.width));
    HPDF_Page_SetHeight(target, static_cast<HPDF_REAL>(page.height));
    doc.check("add page " + std::to_string(index + 1));
    const PageSpace space{page.height};
    PageMarks marks(target, index, tree);
    paint_fills(target, page, space, marks);
    doc.check("paint the shading" + where);
    paint_rules(target, page, space, marks);
    doc.check("paint the rules" + where);
    paint_polylines(target, page, space, marks);
    doc.check("paint the lines" + where);
    paint_text(target, page, space, fonts, marks);
    doc.check("paint the text" + where);
    return target;
}

}  // namespace pdf
