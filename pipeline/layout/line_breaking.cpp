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
    line.width = text.line_width(line.begin, line.end);
    // A soft hyphen shows only where the line actually breaks.
    if (end < text.glyphs.size() && line.end > begin && text.glyphs[line.end - 1].kind == GlyphKind::SoftHyphen) {
        line.hyphen = true;
        line.width += text.spans[text.glyphs[line.end - 1].span].hyphen;
    }
    return line;
}

// A line that ends at hyphenation point `cut` (between glyphs cut-1 and cut),
// with the hyphen drawn in the face of the letter before it.
Line hyphenated_line(const ShapedText& text, std::uint32_t begin, std::uint32_t cut) {
    return Line{begin, cut, text.line_width(begin, cut) + text.spans[text.glyphs[cut - 1].span].hyphen, true};
}

bool is_letter(const Glyph& glyph) {
    return glyph.kind == GlyphKind::Visible && u_isalpha(static_cast<UChar32>(glyph.code_point));
}

// The last hyphenation point in the piece [piece_begin, piece_end) at which
// the line from `line_begin`, hyphen included, still fits; 0 if none. Only
// runs of letters are hyphenated: "(stadsdelsförvaltningarna)," keeps its
// punctuation on either side. A line that starts inside a word (after an
// earlier hyphen) still hyphenates the whole word: the patterns need it.
std::uint32_t hyphen_cut(const ShapedText& text, std::uint32_t line_begin, std::uint32_t piece_begin,
                         std::uint32_t piece_end, double width, const Hyphenator& hyphenator) {
    std::uint32_t best = 0;
    std::u32string word;
    std::vector<bool> points;
    std::uint32_t i = piece_begin;
    while (i > 0 && is_letter(text.glyphs[i]) && is_letter(text.glyphs[i - 1])) --i;
    while (i < piece_end) {
        if (!is_letter(text.glyphs[i])) {
            ++i;
            continue;
        }
        const std::uint32_t run = i;
        word.clear();
        while (i < piece_end && is_letter(text.glyphs[i])) word += text.glyphs[i++].code_point;
        hyphenator.points(word, points);
        // Two letters of the word at least on this line, also after an
        // earlier hyphen in the same word.
        const std::uint32_t first = std::max(run, line_begin) + 2;
        for (std::uint32_t k = 1; k < word.size(); ++k) {
            if (points[k] && run + k >= first && hyphenated_line(text, line_begin, run + k).width <= width + kTolerance)
                best = run + k;
        }
    }
    return best;
}

// Justified text: whether the line's spaces would stretch more than the
// options allow, so that hyphenating the next word is better.
bool too_loose(const ShapedText& text, const Line& line, double width, const BreakOptions& options) {
    double spaces = 0;
    int count = 0;
    for (std::uint32_t i = line.begin; i < line.end; ++i) {
        if (text.glyphs[i].kind != GlyphKind::Space) continue;
        spaces += text.glyphs[i].advance;
        ++count;
    }
    if (count == 0) return true;
    return (width - line.width) / count > options.hyphenate_stretch * spaces / count;
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
        if (text.line_width(begin, next) > width + kTolerance) break;
        k = next;
    }
    return k;
}

// Punctuation a long token (an e-mail address, a URL, a path or an id)
// may break after when it is wider than its line, before a hyphenation
// point or a cut between letters is tried: the parts stay readable.
bool breaks_after(char32_t cp) {
    switch (cp) {
        case U'.':
        case U'@':
        case U'/':
        case U'-':
        case U'_':
        case U':':
        case U'?':
        case U'&':
        case U'=':
        case U',':
        case U';': return true;
        default: return false;
    }
}

// The last cut after such punctuation in [begin, end) at which the line
// from `begin` still fits, with two characters at least before it; 0 if none.
std::uint32_t punctuation_cut(const ShapedText& text, std::uint32_t begin, std::uint32_t end, double width) {
    std::uint32_t best = 0;
    for (std::uint32_t k = begin + 2; k < end; ++k) {
        if (!breaks_after(text.glyphs[k - 1].code_point) || text.glyphs[k].kind != GlyphKind::Visible) continue;
        if (text.line_width(begin, k) > width + kTolerance) break;
        best = k;
    }
    return best;
}

}  // namespace

// Greedy first fit: take every opportunity while the line still fits, as
// TeX's \emergencystretch-free first pass and every word processor do.
void break_lines(const ShapedText& text, double width, std::vector<Line>& out, const BreakOptions& options) {
    out.clear();
    const auto n = static_cast<std::uint32_t>(text.glyphs.size());
    const Hyphenator* hyphenator = options.hyphenator;
    std::uint32_t begin = 0;
    std::uint32_t fit = 0;  // last opportunity that fits; 0 = none yet on this line
    std::uint32_t o = 1;
    auto hyphens_left = [&] {  // fewer than the limit of hyphenated lines just before
        int in_a_row = 0;
        for (auto it = out.rbegin(); it != out.rend() && it->hyphen; ++it) ++in_a_row;
        return in_a_row < options.max_consecutive_hyphens;
    };
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
            // The word [fit, o) does not fit: end the line before it, or
            // inside it at a hyphenation point if the line would be too loose.
            const Line line = make_line(text, begin, fit);
            const std::uint32_t cut =
                hyphenator && options.justify && hyphens_left() && too_loose(text, line, width, options)
                    ? hyphen_cut(text, begin, fit, o, width, *hyphenator)
                    : 0;
            out.push_back(cut ? hyphenated_line(text, begin, cut) : line);
            begin = cut ? cut : fit;
            fit = 0;
        } else if (const std::uint32_t cut = punctuation_cut(text, begin, o, width)) {
            out.push_back(make_line(text, begin, cut));  // a long token, at its punctuation
            begin = cut;
        } else if (const std::uint32_t cut = hyphenator ? hyphen_cut(text, begin, begin, o, width, *hyphenator) : 0) {
            out.push_back(hyphenated_line(text, begin, cut));  // a word wider than the line
            begin = cut;
        } else {
            // A soft hyphen at the end would widen the line again: cut before it.
            const std::uint32_t limit = o - 1 > begin && text.glyphs[o - 1].kind == GlyphKind::SoftHyphen ? o - 1 : o;
            const std::uint32_t end = emergency_end(text, begin, limit, width);
            out.push_back(make_line(text, begin, end));
            begin = end;
        }
    }
}

bool stretches(const ShapedText& text, const std::vector<Line>& lines, std::size_t k) {
    return k + 1 < lines.size() && text.breaks[lines[k + 1].begin] != Break::Mandatory;
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

double firm_min_width(const ShapedText& text, double long_token) {
    double firm = 0;
    const auto n = static_cast<std::uint32_t>(text.glyphs.size());
    std::uint32_t piece = 0;
    for (std::uint32_t o = 1; o <= n; ++o) {
        if (text.breaks[o] == Break::None && o < n) continue;
        double width = make_line(text, piece, o).width;
        if (width > long_token) {
            // Its widest part between the cuts break_lines would take.
            double part = 0;
            std::uint32_t from = piece;
            for (std::uint32_t k = piece + 1; k <= o; ++k) {
                if (k < o && !breaks_after(text.glyphs[k - 1].code_point)) continue;
                part = std::max(part, text.line_width(from, content_end(text, from, k)));
                from = k;
            }
            width = std::min(part, long_token);
        }
        firm = std::max(firm, width);
        piece = o;
    }
    return firm;
}

}  // namespace layout
