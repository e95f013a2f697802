#include "layout/line_breaking.hpp"

#include <algorithm>

#include <unicode/uchar.h>

namespace layout {

namespace {

// Widths are sums of floats: a line that fits exactly must not be refused
// because of rounding.
constexpr double kTolerance = 1e-6;

bool collapses(GlyphKind kind) {
    return kind == GlyphKind::Space || kind == GlyphKind::HardBreak || kind == GlyphKind::Invisible;
}

// Past the last glyph to draw when a line runs from `begin` to the break
// before `end`: trailing spaces at a line end do not count.
std::uint32_t content_end(const ShapedText& text, std::uint32_t begin, std::uint32_t end) {
    while (end > begin && collapses(text.glyphs[end - 1].kind)) --end;
    return end;
}

Line make_line(const ShapedText& text, std::uint32_t begin, std::uint32_t end) {
    Line line{begin, content_end(text, begin, end), 0, false};
    line.width = text.width(line.begin, line.end);
    // A soft hyphen shows only where the line actually breaks.
    if (end < text.glyphs.size() && line.end > begin && text.glyphs[line.end - 1].kind == GlyphKind::SoftHyphen) {
        line.hyphen = true;
        line.width += text.spans[text.glyphs[line.end - 1].span].hyphen;
    }
    return line;
}

bool is_mark(char32_t cp) {
    return u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
           u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

// The longest head of [begin, end) that fits, at least one character with its
// combining marks so that the loop always advances.
std::uint32_t emergency_end(const ShapedText& text, std::uint32_t begin, std::uint32_t end, double width) {
    std::uint32_t k = begin + 1;
    while (k < end && is_mark(text.glyphs[k].code_point)) ++k;
    while (k < end) {
        std::uint32_t next = k + 1;
        while (next < end && is_mark(text.glyphs[next].code_point)) ++next;
        if (text.width(begin, next) > width + kTolerance) break;
        k = next;
    }
    return k;
}

}  // namespace

// Greedy first fit: take every opportunity while the line still fits, as
// TeX's \emergencystretch-free first pass and every word processor do.
void break_lines(const ShapedText& text, double width, std::vector<Line>& out) {
    out.clear();
    const auto n = static_cast<std::uint32_t>(text.glyphs.size());
    std::uint32_t begin = 0;
    std::uint32_t fit = 0;  // last opportunity that fits; 0 = none yet on this line
    std::uint32_t o = 1;
    while (o <= n && begin < n) {
        if (text.breaks[o] == Break::None && o < n) {
            ++o;
            continue;
        }
        const Line candidate = make_line(text, begin, o);
        if (candidate.width <= width + kTolerance) {
            if (text.breaks[o] == Break::Mandatory || o == n) {
                out.push_back(candidate);
                begin = o;
                fit = 0;
            } else {
                fit = o;
            }
            ++o;
        } else if (fit > begin) {
            out.push_back(make_line(text, begin, fit));
            begin = fit;
            fit = 0;
        } else {
            // A soft hyphen at the end would widen the line again: cut before it.
            const std::uint32_t limit =
                o - 1 > begin && text.glyphs[o - 1].kind == GlyphKind::SoftHyphen ? o - 1 : o;
            const std::uint32_t cut = emergency_end(text, begin, limit, width);
            out.push_back(make_line(text, begin, cut));
            begin = cut;
        }
    }
}

ContentWidths content_widths(const ShapedText& text) {
    ContentWidths widths;
    const auto n = static_cast<std::uint32_t>(text.glyphs.size());
    std::uint32_t piece = 0;  // start of the current unbreakable piece
    std::uint32_t line = 0;   // start of the current forced line
    for (std::uint32_t o = 1; o <= n; ++o) {
        if (text.breaks[o] == Break::None && o < n) continue;
        widths.min = std::max(widths.min, make_line(text, piece, o).width);
        piece = o;
        if (text.breaks[o] == Break::Mandatory || o == n) {
            widths.max = std::max(widths.max, make_line(text, line, o).width);
            line = o;
        }
    }
    return widths;
}

}  // namespace layout
