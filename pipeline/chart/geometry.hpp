#pragma once
// One chart geometry for every writer: a doc::Chart laid out once into
// primitives (boxes, strokes, paths and labels with their positions), which
// the PDF painter (through layout) and the HTML writer's SVG both draw. The
// settings live here alone, so the two pictures cannot drift apart.
//
// Coordinates are points, from the chart's top left corner, y downwards.
// The caption is not part of the geometry: each writer sets it as its own
// text (a paragraph in the PDF, a figcaption in HTML).
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "document/node.hpp"

namespace chart {

struct Settings {
    double label_size = 8.5;  // a size below the tables' text, still read on paper
    double line = 8.5 * 1.2;  // pitch of label lines
    // Below the top of a label line, its baseline: half-leading plus the
    // ascent (Liberation Sans: 0.905 em); layout passes its font's value.
    double baseline = 0.1 * 8.5 + 0.905 * 8.5;
    double plot_height = 150;  // columns and lines: about a fifth of an A4 text area
    double panel_height = 90;  // each panel when every series has its own axis
    double bar_row = 15;       // bars: one row per category
    double gap = 4;            // between labels and the plot
    double column_max = 48;    // a column wider than this reads as an area
    double swatch = 8;         // legend square
    // Grid lines thin and light, drawn under the bars: they help read a
    // value off the axis without crossing the shapes that carry it.
    double grid_rule = 0.4;
    double grid_gray = 0.75;
    double axis_rule = 0.75;  // the zero line
    double line_width = 1.5;
    // The series' greys (0 black, 1 white). WCAG 2.1 SC 1.4.11 asks 3:1
    // against white for the graphics that carry meaning: grey 0.25 is 11:1,
    // grey 0.55 is 3.6:1, and the two are far enough apart to be told from
    // each other in print.
    std::array<double, 3> grays = {0.25, 0.55, 0.4};
    double gray(int tone) const { return grays[static_cast<std::size_t>(tone) % grays.size()]; }
};

// How wide `text` is set at the label size.
using Measure = std::function<double(std::string_view text)>;

enum class Anchor { Start, Middle, End };

// A filled rectangle in a series' tone (`tone` = series index).
struct Box {
    double x = 0, y = 0, width = 0, height = 0;
    int tone = 0;
};
// A straight line: the zero axis (black, axis_rule) or a grid line (light).
struct Stroke {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    bool axis = false;
};
struct Point {
    double x = 0, y = 0;
};
// A series' line through its values.
struct Path {
    std::vector<Point> points;
    int tone = 0;
};
// One line of label text; `x` is its start, middle or end by `anchor`.
struct Label {
    double x = 0, baseline = 0;
    Anchor anchor = Anchor::Start;
    std::string text;
};

using Primitive = std::variant<Box, Stroke, Path, Label>;

struct Geometry {
    double width = 0;
    double height = 0;
    std::vector<Primitive> primitives;  // in painting order: grid under bars
};

// Lays `chart` out `width` points wide. Empty for a chart without data.
Geometry lay_out(const doc::Chart& chart, double width, const Measure& measure, const Settings& settings = {});

// The width of a label by an estimate (0.55 em a character, Liberation
// Sans' average), for a writer without font metrics.
double estimated_width(std::string_view text, double size);

}  // namespace chart
