#pragma once
// Greedy first-fit line breaking over the opportunities of ShapedText
// (UAX #14), with an emergency break between characters for a word wider
// than the line, so that no line ever runs past its margin.
#include <cstdint>
#include <vector>

#include "layout/text_shaping.hpp"

namespace layout {

struct Line {
    std::uint32_t begin = 0;  // first glyph
    std::uint32_t end = 0;    // past the last glyph drawn: trailing spaces and breaks excluded
    double width = 0;         // of the drawn glyphs, the hyphen included
    bool hyphen = false;      // ends at a soft hyphen, which is then shown
};

// Breaks `text` into lines no wider than `width`. `out` is cleared first.
void break_lines(const ShapedText& text, double width, std::vector<Line>& out);

// CSS's min-content and max-content widths: the widest unbreakable piece and
// the widest line when only forced breaks are taken.
struct ContentWidths {
    double min = 0;
    double max = 0;
};
ContentWidths content_widths(const ShapedText& text);

}  // namespace layout
