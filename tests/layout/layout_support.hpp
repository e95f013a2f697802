#pragma once
// Shared set-up for the layout tests: FixedWidthMetrics (every glyph 600/1000
// em, so at 10 pt a character is 6 pt wide), a style whose sizes are all 10 pt
// with 12 pt lines, small pages measured in characters and lines, and ways to
// read the pages back as text.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "layout/layout.hpp"

namespace layout_test {

using namespace layout;

constexpr double kChar = 6;   // 10 pt × 600 / 1000
constexpr double kLine = 12;  // 10 pt × 1.2
constexpr double kLeft = 10;  // left margin of the test pages
constexpr double kTop = 30;   // top margin: room for the furniture
// Baseline of the first line: top + half-leading (12 - 10) / 2 + ascent 8.
constexpr double kFirstBaseline = kTop + 1 + 8;

inline Style fixed_style() {
    Style s;
    s.body_size = 10;
    s.body_leading = 1.2;
    s.paragraph_space = 0;
    s.heading_leading = 1.2;
    for (auto& h : s.headings) h = HeadingStyle{10, 0, 0};
    s.list_gutter = 18;
    s.list_item_space = 0;
    s.table_size = 10;
    s.table_leading = 1.2;
    s.cell_padding_x = 4;
    s.cell_padding_y = 2;
    s.table_space = 0;
    s.letterhead_large_size = 10;
    s.letterhead_small_size = 10;
    s.letterhead_leading = 1.2;
    s.letterhead_block_gap = 12;
    s.letterhead_space_after = 12;
    s.signature_space_before = 0;
    s.signature_row_gap = 12;
    s.furniture_size = 10;
    s.furniture_leading = 1.2;
    s.furniture_rise = 14;
    s.contents_group_space = 0;
    return s;
}

// A page whose text area is `chars` characters wide and `lines` lines high.
inline doc::PageSetup small_page(int chars, int lines) {
    doc::PageSetup page;
    page.margin_left = kLeft;
    page.margin_right = 10;
    page.margin_top = kTop;
    page.margin_bottom = 10;
    page.width = kLeft + chars * kChar + 10;
    page.height = kTop + lines * kLine + 10;
    return page;
}

inline doc::Text text(std::string s, bool bold = false, bool italic = false, std::string link = {}) {
    return doc::Text{std::move(s), doc::TextStyle{bold, italic}, std::move(link)};
}

inline doc::Block para(doc::Inlines inlines, doc::Align align = doc::Align::Left) {
    return doc::Block{doc::Paragraph{std::move(inlines), align}};
}

inline doc::Block para(std::string s) { return para(doc::Inlines{text(std::move(s))}); }

inline doc::Block heading(int level, std::string title, std::string number = {}, std::string id = {}) {
    return doc::Block{doc::Heading{level, std::move(number), std::move(id), doc::Inlines{text(std::move(title))}}};
}

inline doc::Document document(doc::PageSetup page, doc::Blocks body) {
    doc::Document d;
    d.page = std::move(page);
    d.body = std::move(body);
    return d;
}

inline PagedDocument lay(const doc::Document& d, core::Diagnostics& diagnostics, const Style& style = fixed_style()) {
    static const FixedWidthMetrics metrics;
    return lay_out(d, metrics, diagnostics, style);
}

inline PagedDocument lay(const doc::Document& d) {
    core::Diagnostics diagnostics;
    return lay(d, diagnostics);
}

inline std::vector<const TextRun*> runs(const Page& page, bool artifacts = false) {
    std::vector<const TextRun*> out;
    for (const Item& item : page.items) {
        if (item.artifact && !artifacts) continue;
        if (const auto* run = std::get_if<TextRun>(&item.content)) out.push_back(run);
    }
    return out;
}

struct TextLine {
    double baseline = 0;
    double x = 0;      // of the first run
    double right = 0;  // end of the last run
    std::string text;  // runs joined; "|" marks a gap between runs
};

// The body text of a page line by line, top to bottom, runs in x order.
inline std::vector<TextLine> lines(const Page& page, bool artifacts = false) {
    auto all = runs(page, artifacts);
    std::stable_sort(all.begin(), all.end(), [](const TextRun* a, const TextRun* b) {
        if (std::abs(a->baseline - b->baseline) > 1e-6) return a->baseline < b->baseline;
        return a->x < b->x;
    });
    std::vector<TextLine> out;
    for (const TextRun* run : all) {
        if (out.empty() || std::abs(out.back().baseline - run->baseline) > 1e-6) {
            out.push_back(TextLine{run->baseline, run->x, run->x + run->width, run->text});
            continue;
        }
        if (run->x - out.back().right > 1e-6) {
            if (out.back().text.back() == ' ') out.back().text.pop_back();  // a cell's line end
            out.back().text += "|";
        }
        out.back().text += run->text;
        out.back().right = run->x + run->width;
    }
    // A line keeps the space it broke at for text extraction (not in its
    // width); the tests compare what is seen.
    for (TextLine& line : out)
        if (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
    return out;
}

inline std::vector<std::string> line_texts(const Page& page, bool artifacts = false) {
    std::vector<std::string> out;
    for (const auto& line : lines(page, artifacts)) out.push_back(line.text);
    return out;
}

inline const TextRun* find_run(const Page& page, const std::string& s, bool artifacts = true) {
    for (const TextRun* run : runs(page, artifacts))
        if (run->text == s || run->text == s + " ") return run;  // with or without its word break
    return nullptr;
}

template <class T>
std::vector<const T*> items_of(const Page& page) {
    std::vector<const T*> out;
    for (const Item& item : page.items)
        if (const auto* x = std::get_if<T>(&item.content)) out.push_back(x);
    return out;
}

// n paragraphs "p1" ... "pn", one line each.
inline doc::Blocks numbered_paragraphs(int n, const std::string& prefix = "p") {
    doc::Blocks out;
    for (int i = 1; i <= n; ++i) out.push_back(para(prefix + std::to_string(i)));
    return out;
}

}  // namespace layout_test
