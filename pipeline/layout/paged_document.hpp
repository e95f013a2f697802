#pragma once
// layout::PagedDocument: the pages of a document as positioned items, ready to
// be painted. Coordinates are in points with the origin at the TOP-LEFT of the
// page and y growing downwards; the flip to PDF space happens once, in pdf/.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "document/node.hpp"
#include "layout/font_metrics.hpp"
#include "layout/structure.hpp"

namespace layout {

// A pair-kerning adjustment inside a run: before code point `index` of the
// text, in 1/1000 em (negative: closer). The PDF writer paints it with TJ.
struct Kern {
    std::uint32_t index = 0;
    float amount = 0;
};

// One run of text on one line, in one font. (x, baseline) is where the run
// starts; the baseline is measured from the top of the page.
struct TextRun {
    double x = 0;
    double baseline = 0;
    FontId font = FontId::SerifRegular;
    double size = 11;
    std::string text;         // UTF-8, already substituted for glyphs the font lacks
    double width = 0;         // measured advance, for links and tests
    std::vector<Kern> kerns;  // in index order; empty: no kerning
};

// A straight line (table rules, signature lines).
struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thickness = 0.5;
};

// A filled rectangle in grey (0 black .. 1 white): table header shading.
struct Fill {
    double x = 0, y = 0, width = 0, height = 0;
    double gray = 0.9;
};

// An open path of straight segments, stroked in grey (0 black .. 1 white):
// the line of a line chart, painted as one path so that its joins are
// joined, not overlapping segment ends.
struct Point {
    double x = 0, y = 0;
};

struct Polyline {
    std::vector<Point> points;
    double thickness = 1;
    double gray = 0;
};

// A clickable area: an internal target ("#id") or a URL.
struct Link {
    double x = 0, y = 0, width = 0, height = 0;
    std::string target;
};

struct Item {
    std::variant<TextRun, Rule, Fill, Link, Polyline> content;
    // Page furniture (running header, page mark): not part of the reading
    // order; a tagged PDF marks it as an artifact.
    bool artifact = false;
    // The element of PagedDocument::structure this item belongs to, or
    // kNoElement (artifacts).
    std::int32_t structure = kNoElement;
};

struct Page {
    double width = 595.276;
    double height = 841.89;
    std::vector<Item> items;
};

// Where a heading (or other anchor) landed, for bookmarks and links.
struct Anchor {
    std::string id;
    std::string title;  // plain text of the heading, with its number
    int level = 1;
    int page = 0;  // 0-based page index
    double y = 0;  // top of the heading, from the top of the page
};

struct PagedDocument {
    doc::Metadata meta;
    std::vector<Page> pages;
    std::vector<Anchor> anchors;
    // The logical structure in reading order; [0] is the Document root.
    std::vector<StructElement> structure;
};

// Stable text dump for golden tests: one item per line, numbers rounded to
// 0.01 pt.
std::string dump(const PagedDocument& document);

}  // namespace layout
