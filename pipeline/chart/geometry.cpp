// Charts (doc::Chart) laid out once: a legend when there are several series,
// the value axis with its grid, and the bars or lines. The scale and every
// label come from the document stage; this file only maps values onto the
// plane. When the series differ by more than an order of magnitude the
// document stage gives each its own axis (doc::Chart::panel_ticks), and
// each series gets a panel of its own, stacked, so that no bar is a sliver.
#include "chart/geometry.hpp"

#include <algorithm>
#include <sstream>

namespace chart {

namespace {

class Builder {
public:
    Builder(double width, const Measure& measure, const Settings& settings, std::vector<Primitive>& out)
        : width_(width), measure_(measure), s_(settings), out_(out) {}

    // A legend: one swatch and name per series in `series`.
    double legend(const doc::Chart& chart, const std::vector<std::size_t>& series, double top) {
        double x = 0;
        for (const std::size_t k : series) {
            out_.push_back(Box{x, top + (s_.line - s_.swatch) / 2, s_.swatch, s_.swatch, static_cast<int>(k)});
            x += s_.swatch + 3;
            label(chart.series[k].name, x, top + s_.baseline, Anchor::Start);
            x += measure_(chart.series[k].name) + 12;
        }
        return top + s_.line + s_.gap;
    }

    // The plot of `series` against `ticks` from `top`; returns its bottom.
    double plot(const doc::Chart& chart, const std::vector<std::size_t>& series,
                const std::vector<doc::ChartTick>& ticks, double plot_height, double top) {
        if (chart.kind == doc::ChartKind::Bars) return bars(chart, series, ticks, top);
        return columns_or_lines(chart, series, ticks, plot_height, top);
    }

private:
    void label(const std::string& text, double x, double baseline, Anchor anchor) {
        out_.push_back(Label{x, baseline, anchor, text});
    }
    // Where a label's baseline goes so that its digits are centred on `y`:
    // Liberation Sans' digits are about 0.7 em high.
    double centred(double y) const { return y + 0.35 * s_.label_size; }

    // Words into lines no wider than `width`; a word wider than that
    // stands alone on its line.
    std::vector<std::string> wrap(const std::string& text, double width) const {
        std::vector<std::string> lines;
        std::istringstream words(text);
        for (std::string word; words >> word;) {
            if (!lines.empty() && measure_(lines.back() + " " + word) <= width)
                lines.back() += " " + word;
            else
                lines.push_back(word);
        }
        return lines;
    }
    // A label wrapped in `width` from `top`, each line placed by `anchor` at x;
    // returns its bottom.
    double wrapped(const std::string& text, double x, double width, double top, Anchor anchor) {
        const auto lines = wrap(text, width);
        for (std::size_t i = 0; i < lines.size(); ++i)
            label(lines[i], x, top + s_.baseline + static_cast<double>(i) * s_.line, anchor);
        return top + static_cast<double>(lines.size()) * s_.line;
    }

    // Categories down the left, values to the right: long names such as
    // "Hägersten-Liljeholmen" stay readable, and a sorted chart ranks.
    double bars(const doc::Chart& chart, const std::vector<std::size_t>& series,
                const std::vector<doc::ChartTick>& ticks, double top) {
        const double low = ticks.front().value, high = ticks.back().value;
        double label_width = 0, value_width = 0;
        for (const auto& category : chart.categories) label_width = std::max(label_width, measure_(category));
        for (const std::size_t k : series)
            for (const auto& v : chart.series[k].labels) value_width = std::max(value_width, measure_(v));
        label_width = std::min(label_width, 0.4 * width_);
        const double plot_x = label_width + s_.gap;
        const double plot_width = std::max(1.0, width_ - value_width - s_.gap - plot_x);
        auto x_of = [&](double v) { return plot_x + (v - low) / (high - low) * plot_width; };
        const auto count = static_cast<double>(series.size());
        const double thickness = (s_.bar_row - 5) / count;
        std::vector<Primitive> bars;  // painted after the grid, which they cover
        double y = top;
        for (std::size_t i = 0; i < chart.categories.size(); ++i) {
            const double label_bottom = wrapped(chart.categories[i], label_width, label_width, y + 1, Anchor::End);
            const double row = std::max(s_.bar_row, label_bottom - y + 2);
            const double bars_top = y + (row - thickness * count) / 2;
            for (std::size_t n = 0; n < series.size(); ++n) {
                const auto& data = chart.series[series[n]];
                const double v = data.values[i];
                const double from = x_of(std::min(v, 0.0)), to = x_of(std::max(v, 0.0));
                const double bar_y = bars_top + thickness * static_cast<double>(n);
                bars.push_back(Box{from, bar_y + 0.5, to - from, thickness - 1, static_cast<int>(series[n])});
                label(data.labels[i], to + 3, centred(bar_y + thickness / 2), Anchor::Start);
            }
            y += row;
        }
        for (const auto& tick : ticks) {
            const double x = x_of(tick.value);
            out_.push_back(Stroke{x, top, x, y, tick.value == 0});
            label(tick.label, x, y + s_.gap + s_.baseline, Anchor::Middle);
        }
        out_.insert(out_.end(), bars.begin(), bars.end());
        double bottom = y + s_.gap + s_.line;
        if (!chart.unit.empty()) {
            label(chart.unit, plot_x + plot_width / 2, bottom + s_.baseline, Anchor::Middle);
            bottom += s_.line;
        }
        return bottom;
    }

    // Columns and lines: categories (often years) along the bottom, the
    // value axis on the left with its unit above it.
    double columns_or_lines(const doc::Chart& chart, const std::vector<std::size_t>& series,
                            const std::vector<doc::ChartTick>& ticks, double plot_height, double top) {
        const double low = ticks.front().value, high = ticks.back().value;
        const std::size_t n = chart.categories.size();
        double tick_width = 0;
        for (const auto& tick : ticks) tick_width = std::max(tick_width, measure_(tick.label));
        if (!chart.unit.empty()) {
            label(chart.unit, 0, top + s_.baseline, Anchor::Start);
            top += s_.line;
        }
        const double axis_x = tick_width + s_.gap;
        const double plot_width = std::max(1.0, width_ - axis_x);
        const double plot_top = top + s_.line / 2;  // room for the top tick's label
        const double plot_bottom = plot_top + plot_height;
        auto y_of = [&](double v) { return plot_bottom - (v - low) / (high - low) * plot_height; };
        for (const auto& tick : ticks) {
            const double y = y_of(tick.value);
            out_.push_back(Stroke{axis_x, y, axis_x + plot_width, y, tick.value == 0});
            label(tick.label, axis_x - s_.gap, centred(y), Anchor::End);
        }
        const double group = plot_width / static_cast<double>(n);
        const std::size_t count = series.size();
        if (chart.kind == doc::ChartKind::Columns) {
            const double width = std::min(group * 0.7 / static_cast<double>(count), s_.column_max);
            const double bars = width * static_cast<double>(count);
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t k = 0; k < count; ++k) {
                    const auto& data = chart.series[series[k]];
                    const double v = data.values[i];
                    const double x =
                        axis_x + group * static_cast<double>(i) + (group - bars) / 2 + width * static_cast<double>(k);
                    const double y0 = y_of(std::max(v, 0.0)), y1 = y_of(std::min(v, 0.0));
                    out_.push_back(Box{x + 0.5, y0, width - 1, y1 - y0, static_cast<int>(series[k])});
                    // The value over its bar when it fits; the document's
                    // table has every number in any case.
                    if (measure_(data.labels[i]) <= width + 2)
                        label(data.labels[i], x + width / 2, y0 - 2, Anchor::Middle);
                }
            }
        } else {
            for (std::size_t k = 0; k < count; ++k) {
                const auto& data = chart.series[series[k]];
                Path path{{}, static_cast<int>(series[k])};
                for (std::size_t i = 0; i < n; ++i)
                    path.points.push_back({axis_x + group * (static_cast<double>(i) + 0.5), y_of(data.values[i])});
                for (const Point& p : path.points) out_.push_back(Box{p.x - 2, p.y - 2, 4, 4, path.tone});
                if (count == 1)
                    for (std::size_t i = 0; i < n; ++i)
                        label(data.labels[i], path.points[i].x, path.points[i].y - 4, Anchor::Middle);
                out_.push_back(std::move(path));
            }
        }
        double bottom = plot_bottom;
        for (std::size_t i = 0; i < n; ++i)
            bottom = std::max(bottom, wrapped(chart.categories[i], axis_x + group * (static_cast<double>(i) + 0.5),
                                              group, plot_bottom + s_.gap, Anchor::Middle));
        return bottom;
    }

    double width_;
    const Measure& measure_;
    const Settings& s_;
    std::vector<Primitive>& out_;
};

}  // namespace

Geometry lay_out(const doc::Chart& chart, double width, const Measure& measure, const Settings& settings) {
    Geometry geometry;
    if (chart.categories.empty() || chart.series.empty() || chart.ticks.size() < 2) return geometry;
    geometry.width = width;
    Builder builder(width, measure, settings, geometry.primitives);
    std::vector<std::size_t> all(chart.series.size());
    for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
    const bool panels = chart.panel_ticks.size() == chart.series.size() && chart.series.size() > 1;
    if (!panels) {
        const double top = all.size() > 1 ? builder.legend(chart, all, 0) : 0;
        geometry.height = builder.plot(chart, all, chart.ticks, settings.plot_height, top);
        return geometry;
    }
    // One panel per series, each under its own legend line, on its own axis.
    double top = 0;
    for (std::size_t k = 0; k < all.size(); ++k) {
        if (chart.panel_ticks[k].size() < 2) continue;
        if (k > 0) top += 3 * settings.gap;
        top = builder.legend(chart, {k}, top);
        top = builder.plot(chart, {k}, chart.panel_ticks[k], settings.panel_height, top);
    }
    geometry.height = top;
    return geometry;
}

double estimated_width(std::string_view text, double size) {
    const auto code_points =
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return 0.55 * size * static_cast<double>(code_points);
}

}  // namespace chart
