#pragma once
// Greedy first-fit line breaking over the opportunities of ShapedText
// (UAX #14), with hyphenation where the caller asks for it and an emergency
// break between characters for a word wider than the line that has no
// hyphenation point, so that no line ever runs past its margin.
#include <cstdint>
#include <vector>

#include "layout/hyphenation.hpp"
#include "layout/text_shaping.hpp"

namespace layout {

struct Line {
    std::uint32_t begin = 0;  // first glyph
    std::uint32_t end = 0;    // past the last glyph drawn: trailing spaces and breaks excluded
    double width = 0;         // of the drawn glyphs, the hyphen included
    bool hyphen = false;      // a hyphen is shown at the end: a soft hyphen, or a hyphenation point
};

struct BreakOptions {
    // nullptr: never hyphenate (ragged-right body text, the house style).
    // Otherwise a word wider than the whole line is hyphenated at a proper
    // point before it is cut between letters (narrow table cells).
    const Hyphenator* hyphenator = nullptr;
    // Justified text: the word after a line is also hyphenated when the
    // line's word spaces would otherwise stretch by more than this fraction
    // of their width (Style::hyphenate_stretch).
    bool justify = false;
    double hyphenate_stretch = 0.5;
    // At most this many hyphenated lines in a row for a loose line
    // (Style::max_consecutive_hyphens); a word wider than the line is still
    // hyphenated.
    int max_consecutive_hyphens = 2;
};

// Breaks `text` into lines no wider than `width`. `out` is cleared first.
void break_lines(const ShapedText& text, double width, std::vector<Line>& out, const BreakOptions& options = {});

// Whether line `k` of `lines` is stretched to the full width when its
// paragraph is justified: every line but the last and those that end at a
// forced break.
bool stretches(const ShapedText& text, const std::vector<Line>& lines, std::size_t k);

// CSS's min-content and max-content widths: the widest unbreakable piece and
// the widest line when only forced breaks are taken.
struct ContentWidths {
    double min = 0;
    double max = 0;
};
ContentWidths content_widths(const ShapedText& text);

// The min-content width a table column must give this text: its widest
// unbreakable piece, except that a long token (a piece wider than
// `long_token`: an e-mail address, a URL, a 300-letter word) counts only
// with its widest part between punctuation, and at most `long_token`,
// because break_lines may break such a token inside its own cell. Amounts,
// ids and dates are shorter and count whole: they never break.
double firm_min_width(const ShapedText& text, double long_token);

}  // namespace layout
