// The chart geometry: laid out once, drawn by both the PDF (through layout)
// and the HTML's SVG; one panel per series when they differ by more than an
// order of magnitude.
#include <catch2/catch.hpp>

#include <regex>

#include "chart/geometry.hpp"
#include "document/fenced_blocks.hpp"
#include "html/chart_svg.hpp"
#include "layout/layout.hpp"

namespace {

doc::Chart chart_of(const std::string& body) {
    std::vector<std::string> errors;
    auto chart = doc::parse_chart(body, errors);
    REQUIRE(errors.empty());
    return chart;
}

double measure(std::string_view text) { return chart::estimated_width(text, chart::Settings{}.label_size); }

std::vector<chart::Box> boxes(const chart::Geometry& g) {
    std::vector<chart::Box> out;
    for (const auto& p : g.primitives)
        if (const auto* b = std::get_if<chart::Box>(&p)) out.push_back(*b);
    return out;
}

// Heights of the SVG's rects, in document order.
std::vector<double> svg_rect_heights(const std::string& svg) {
    std::vector<double> out;
    const std::regex rect("<rect [^>]*height=\"([0-9.]+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[1]));
    return out;
}

}  // namespace

TEST_CASE("chart: series of the same order share one axis, the bars in proportion") {
    const auto c = chart_of("kind: columns\nseries: LUM | MUL\ndata:\n2024 | 100 | 20\n2025 | 120 | 30\n");
    CHECK(c.panel_ticks.empty());
    const auto g = chart::lay_out(c, 400, measure);
    const auto b = boxes(g);
    REQUIRE(b.size() == 6);  // two swatches, four columns
    CHECK(b[2].height / b[3].height == Approx(100.0 / 20));
}

TEST_CASE("chart: series more than an order of magnitude apart get one panel each, none a sliver") {
    const auto c =
        chart_of("kind: columns\nseries: LUM | MUL\ndata:\n2024 | 3000000 | 40000\n2025 | 3500000 | 52000\n");
    REQUIRE(c.panel_ticks.size() == 2);
    const chart::Settings settings;
    const auto g = chart::lay_out(c, 400, measure, settings);
    const auto b = boxes(g);
    REQUIRE(b.size() == 6);  // per panel a swatch and two columns
    // The smaller series' tallest column is most of its panel, not a few points.
    const double tallest_small = std::max(b[4].height, b[5].height);
    CHECK(tallest_small > settings.panel_height / 2);
    CHECK(b[3].y > b[1].y + b[1].height);  // the second panel is below the first
}

TEST_CASE("chart: the PDF draws the shared geometry, and the SVG the same settings") {
    const auto c = chart_of("kind: columns\ndata:\n2024 | 10\n2025 | 12\n2026 | 6\n");
    // Layout with fixed-width metrics: every glyph 0.6 em.
    const layout::FixedWidthMetrics metrics;
    core::Diagnostics diagnostics;
    doc::Document d;
    d.page.width = 500;
    d.page.margin_left = d.page.margin_right = 50;
    d.body = {doc::Block{c}};
    const auto paged = layout::lay_out(d, metrics, diagnostics);
    std::vector<const layout::Fill*> fills;
    for (const auto& item : paged.pages[0].items)
        if (const auto* f = std::get_if<layout::Fill>(&item.content); f && f->gray != chart::Settings{}.grid_gray)
            fills.push_back(f);
    const auto fixed = [](std::string_view text) {
        const auto n = std::count_if(text.begin(), text.end(), [](char ch) { return (ch & 0xC0) != 0x80; });
        return 0.6 * chart::Settings{}.label_size * static_cast<double>(n);
    };
    layout::Style style;
    chart::Settings settings;
    settings.label_size = style.chart_label_size;
    const auto b = boxes(chart::lay_out(c, 400, fixed, settings));
    REQUIRE(fills.size() == b.size());
    const double dx = fills[0]->x - b[0].x, dy = fills[0]->y - b[0].y;
    for (std::size_t i = 0; i < b.size(); ++i) {
        CHECK(fills[i]->x - b[i].x == Approx(dx));
        CHECK(fills[i]->y - b[i].y == Approx(dy));
        CHECK(fills[i]->width == Approx(b[i].width));
        CHECK(fills[i]->height == Approx(b[i].height));
    }
    CHECK(dx == Approx(50));
    // The SVG's columns have the PDF's heights: one plot height for both.
    const auto heights = svg_rect_heights(html::chart_svg(c));
    REQUIRE(heights.size() == b.size());
    for (std::size_t i = 0; i < b.size(); ++i) CHECK(heights[i] == Approx(b[i].height).margin(0.05));
}
