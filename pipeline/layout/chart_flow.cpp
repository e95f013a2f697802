// Charts (doc::Chart): the caption, a legend when there are several series,
// the value axis with its grid, and the bars or lines, as one slice that is
// never split over pages. The scale and every label come from the document
// stage; this file only maps values onto the page.
//
// Everything a chart places belongs to its Figure element, whose alternative
// text is the chart's (ISO 32000-1 §14.9.3; PDF/UA-1 §7.3): a screen reader
// reads the alternative text and skips the labels inside.
#include <algorithm>

#include "layout/block_flow.hpp"

namespace layout {

namespace {

// Where a label's baseline goes so that its digits are centred on `y`:
// Liberation Sans' digits are about 0.7 em high.
double centred_baseline(double y, double size) { return y + 0.35 * size; }

}  // namespace

void BlockFlow::chart(const doc::Chart& chart, const Frame& frame) {
    if (chart.categories.empty() || chart.series.empty() || chart.ticks.size() < 2) return;
    const FontMetrics& metrics = shaper_.metrics();
    const TextSetting label{Family::Sans, style_.chart_label_size, 1.2, false};
    const TextSetting caption{Family::Sans, style_.chart_caption_size, 1.2, true};
    const double line = label.line_height();
    const double gap = style_.chart_gap;
    const double low = chart.ticks.front().value;
    const double high = chart.ticks.back().value;
    const std::size_t n = chart.categories.size();

    const std::int32_t figure = structure_.open(Role::Figure);
    structure_.element(figure).alt = chart.alt;
    auto& items = builder_.items();
    auto add = [&](auto content) { items.push_back(Item{std::move(content), false, figure}); };
    auto gray = [&](std::size_t series) { return style_.chart_grays[series % style_.chart_grays.size()]; };
    auto measure = [&](const std::string& text) {
        shaper_.shape(text, label, marker_);
        return marker_.line_width(0, marker_.glyphs.size());
    };
    // One line of label text; `align` places it left of, right of or
    // centred on x.
    auto place = [&](const std::string& text, double x, double baseline, doc::Align align) {
        shaper_.shape(text, label, marker_);
        const auto count = static_cast<std::uint32_t>(marker_.glyphs.size());
        const double width = marker_.line_width(0, count);
        const double left = align == doc::Align::Right ? x - width : align == doc::Align::Center ? x - width / 2 : x;
        set_line(marker_, Line{0, count, width, false}, left, baseline, metrics, items, nullptr, 0, &structure_);
    };
    // A label that may wrap in `width`; returns its bottom.
    auto wrapped = [&](const std::string& text, double x, double width, double top, doc::Align align) {
        shaper_.shape(text, label, text_);
        if (text_.empty()) return top;
        break_lines(text_, std::max(1.0, width), lines_);
        set_lines(text_, lines_, 0, lines_.size(), x, width, top, align);
        return top + static_cast<double>(lines_.size()) * line;
    };

    builder_.begin_block(style_.table_space);
    builder_.begin_slice(baseline_offset(caption, metrics), true);
    double top = 0;
    if (!chart.title.empty()) {
        shaper_.shape(chart.title, caption, text_);
        top = stack(text_, frame.x, frame.width, 0) + gap;
    }
    if (chart.series.size() > 1) {
        double x = frame.x;
        for (std::size_t k = 0; k < chart.series.size(); ++k) {
            add(Fill{x, top + (line - style_.chart_swatch) / 2, style_.chart_swatch, style_.chart_swatch, gray(k)});
            x += style_.chart_swatch + 3;
            place(chart.series[k].name, x, top + baseline_offset(label, metrics), doc::Align::Left);
            x += measure(chart.series[k].name) + 12;
        }
        top += line + gap;
    }

    double bottom = top;
    if (chart.kind == doc::ChartKind::Bars) {
        // Categories down the left, values to the right: long names such as
        // "Hägersten-Liljeholmen" stay readable, and a sorted chart ranks.
        double label_width = 0, value_width = 0;
        for (const auto& category : chart.categories) label_width = std::max(label_width, measure(category));
        for (const auto& s : chart.series)
            for (const auto& v : s.labels) value_width = std::max(value_width, measure(v));
        label_width = std::min(label_width, 0.4 * frame.width);
        const double plot_x = frame.x + label_width + gap;
        const double plot_width = std::max(1.0, frame.x + frame.width - value_width - gap - plot_x);
        auto x_of = [&](double v) { return plot_x + (v - low) / (high - low) * plot_width; };
        const double thickness = (style_.chart_bar_row - 5) / static_cast<double>(chart.series.size());
        std::vector<Fill> bars;  // added after the grid, which they cover
        double y = top;
        for (std::size_t i = 0; i < n; ++i) {
            const double label_bottom = wrapped(chart.categories[i], frame.x, label_width, y + 1, doc::Align::Right);
            const double row = std::max(style_.chart_bar_row, label_bottom - y + 2);
            const double bars_top = y + (row - thickness * static_cast<double>(chart.series.size())) / 2;
            for (std::size_t k = 0; k < chart.series.size(); ++k) {
                const double v = chart.series[k].values[i];
                const double from = x_of(std::min(v, 0.0)), to = x_of(std::max(v, 0.0));
                const double bar_y = bars_top + thickness * static_cast<double>(k);
                bars.push_back(Fill{from, bar_y + 0.5, to - from, thickness - 1, gray(k)});
                place(chart.series[k].labels[i], to + 3, centred_baseline(bar_y + thickness / 2, label.size),
                      doc::Align::Left);
            }
            y += row;
        }
        for (const auto& tick : chart.ticks) {
            const double x = x_of(tick.value);
            if (tick.value == 0)
                add(Rule{x, top, x, y, style_.chart_axis_rule});
            else
                add(Fill{x - style_.chart_grid_rule / 2, top, style_.chart_grid_rule, y - top, style_.chart_grid_gray});
            place(tick.label, x, y + gap + baseline_offset(label, metrics), doc::Align::Center);
        }
        for (const Fill& bar : bars) add(bar);
        bottom = y + gap + line;
        if (!chart.unit.empty()) {
            place(chart.unit, plot_x + plot_width / 2, bottom + baseline_offset(label, metrics), doc::Align::Center);
            bottom += line;
        }
    } else {
        // Columns and lines: categories (often years) along the bottom, the
        // value axis on the left with its unit above it.
        double tick_width = 0;
        for (const auto& tick : chart.ticks) tick_width = std::max(tick_width, measure(tick.label));
        if (!chart.unit.empty()) {
            place(chart.unit, frame.x, top + baseline_offset(label, metrics), doc::Align::Left);
            top += line;
        }
        const double axis_x = frame.x + tick_width + gap;
        const double plot_width = std::max(1.0, frame.x + frame.width - axis_x);
        const double plot_top = top + line / 2;  // room for the top tick's label
        const double plot_bottom = plot_top + style_.chart_plot_height;
        auto y_of = [&](double v) { return plot_bottom - (v - low) / (high - low) * style_.chart_plot_height; };
        for (const auto& tick : chart.ticks) {
            const double y = y_of(tick.value);
            if (tick.value == 0)
                add(Rule{axis_x, y, axis_x + plot_width, y, style_.chart_axis_rule});
            else
                add(Fill{axis_x, y - style_.chart_grid_rule / 2, plot_width, style_.chart_grid_rule,
                         style_.chart_grid_gray});
            place(tick.label, axis_x - gap, centred_baseline(y, label.size), doc::Align::Right);
        }
        const double group = plot_width / static_cast<double>(n);
        const std::size_t count = chart.series.size();
        if (chart.kind == doc::ChartKind::Columns) {
            const double width = std::min(group * 0.7 / static_cast<double>(count), style_.chart_column_max);
            const double bars = width * static_cast<double>(count);
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t k = 0; k < count; ++k) {
                    const double v = chart.series[k].values[i];
                    const double x =
                        axis_x + group * static_cast<double>(i) + (group - bars) / 2 + width * static_cast<double>(k);
                    const double y0 = y_of(std::max(v, 0.0)), y1 = y_of(std::min(v, 0.0));
                    add(Fill{x + 0.5, y0, width - 1, y1 - y0, gray(k)});
                    // The value over its bar when it fits; the document's
                    // table has every number in any case.
                    const std::string& text = chart.series[k].labels[i];
                    if (measure(text) <= width + 2) place(text, x + width / 2, y0 - 2, doc::Align::Center);
                }
            }
        } else {
            for (std::size_t k = 0; k < count; ++k) {
                Polyline path{{}, style_.chart_line_width, gray(k)};
                for (std::size_t i = 0; i < n; ++i)
                    path.points.push_back(
                        {axis_x + group * (static_cast<double>(i) + 0.5), y_of(chart.series[k].values[i])});
                for (const Point& p : path.points) add(Fill{p.x - 2, p.y - 2, 4, 4, gray(k)});
                if (count == 1)
                    for (std::size_t i = 0; i < n; ++i)
                        place(chart.series[k].labels[i], path.points[i].x, path.points[i].y - 4, doc::Align::Center);
                add(std::move(path));
            }
        }
        bottom = plot_bottom;
        for (std::size_t i = 0; i < n; ++i)
            bottom = std::max(bottom, wrapped(chart.categories[i], axis_x + group * static_cast<double>(i), group,
                                              plot_bottom + gap, doc::Align::Center));
    }
    builder_.end_slice(bottom);
    builder_.end_block(style_.table_space);
    structure_.close();
}

}  // namespace layout
