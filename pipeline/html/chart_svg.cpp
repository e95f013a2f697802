// A chart as inline SVG (SVG 1.1), drawn from the same doc::Chart as the
// PDF's: the same scale, labels and alternative text. The SVG is one image
// to assistive technology (role="img" with the alternative text as its
// name, WAI-ARIA's graphics-document pattern); its labels are for the eye.
//
// The browser measures the labels, so the label column is sized from an
// estimate (0.6 em per character, Liberation Sans' average is about 0.55)
// rather than from the PDF's font metrics, which this stage does not load.
#include "html/chart_svg.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "html/escape.hpp"

namespace html {

namespace {

constexpr double kWidth = 640;  // the viewBox; the CSS scales it to the column
constexpr double kFont = 11;    // label size in viewBox units
constexpr double kLine = 14;
constexpr double kGap = 5;
constexpr double kPlotHeight = 200;
constexpr double kBarRow = 18;
// The PDF's greys (layout::Style::chart_grays), as sRGB.
constexpr const char* kFills[] = {"#404040", "#8c8c8c", "#666666"};

std::string n(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

std::size_t code_points(const std::string& utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

double estimate(const std::string& text) { return 0.6 * kFont * static_cast<double>(code_points(text)); }

std::string text(double x, double y, const std::string& anchor, const std::string& content) {
    return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\">" + escape(content) +
           "</text>\n";
}

std::string rect(double x, double y, double w, double h, std::size_t series) {
    return "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(std::max(0.0, w)) + "\" height=\"" +
           n(std::max(0.0, h)) + "\" fill=\"" + kFills[series % 3] + "\"/>\n";
}

std::string line(double x1, double y1, double x2, double y2, bool axis) {
    return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\"" +
           (axis ? "#000" : "#bfbfbf") + "\" stroke-width=\"" + (axis ? "1" : "0.5") + "\"/>\n";
}

// Words into lines of at most `width` by the estimate; a word longer than
// the line stands alone on its line.
std::vector<std::string> wrapped(const std::string& label, double width) {
    std::vector<std::string> lines;
    std::string word;
    std::istringstream words(label);
    while (words >> word) {
        if (!lines.empty() && estimate(lines.back() + " " + word) <= width)
            lines.back() += " " + word;
        else
            lines.push_back(word);
    }
    return lines;
}

}  // namespace

std::string chart_svg(const doc::Chart& chart) {
    if (chart.categories.empty() || chart.series.empty() || chart.ticks.size() < 2) return {};
    const double low = chart.ticks.front().value, high = chart.ticks.back().value;
    const std::size_t count = chart.series.size();
    const std::size_t categories = chart.categories.size();
    std::string body;
    double top = 0;
    if (count > 1) {
        double x = 0;
        for (std::size_t k = 0; k < count; ++k) {
            body += rect(x, top + 3, 9, 9, k);
            body += text(x + 13, top + 11, "start", chart.series[k].name);
            x += 13 + estimate(chart.series[k].name) + 16;
        }
        top += kLine + kGap;
    }
    double bottom = top;
    if (chart.kind == doc::ChartKind::Bars) {
        double label_width = 0, value_width = 0;
        for (const auto& c : chart.categories) label_width = std::max(label_width, estimate(c));
        for (const auto& s : chart.series)
            for (const auto& v : s.labels) value_width = std::max(value_width, estimate(v));
        label_width = std::min(label_width, 0.4 * kWidth);
        const double plot_x = label_width + kGap;
        const double plot_width = std::max(1.0, kWidth - value_width - kGap - plot_x);
        auto x_of = [&](double v) { return plot_x + (v - low) / (high - low) * plot_width; };
        const double thickness = (kBarRow - 5) / static_cast<double>(count);
        std::string bars;  // after the grid, which they cover
        double y = top;
        for (std::size_t i = 0; i < categories; ++i) {
            const auto lines = wrapped(chart.categories[i], label_width);
            const double row = std::max(kBarRow, static_cast<double>(lines.size()) * kLine + 4);
            const double first = y + (row - static_cast<double>(lines.size()) * kLine) / 2 + kFont - 1;
            for (std::size_t l = 0; l < lines.size(); ++l)
                body += text(label_width, first + kLine * static_cast<double>(l), "end", lines[l]);
            for (std::size_t k = 0; k < count; ++k) {
                const double v = chart.series[k].values[i];
                const double from = x_of(std::min(v, 0.0)), to = x_of(std::max(v, 0.0));
                const double bar_y =
                    y + (row - thickness * static_cast<double>(count)) / 2 + thickness * static_cast<double>(k);
                bars += rect(from, bar_y, to - from, thickness - 1, k);
                body += text(to + 3, bar_y + thickness / 2 + 4, "start", chart.series[k].labels[i]);
            }
            y += row;
        }
        const double rows_bottom = y;
        for (const auto& tick : chart.ticks) {
            body += line(x_of(tick.value), top, x_of(tick.value), rows_bottom, tick.value == 0);
            body += text(x_of(tick.value), rows_bottom + kGap + kFont, "middle", tick.label);
        }
        body += bars;
        bottom = rows_bottom + kGap + kLine;
        if (!chart.unit.empty()) {
            body += text(plot_x + plot_width / 2, bottom + kFont, "middle", chart.unit);
            bottom += kLine;
        }
    } else {
        double tick_width = 0;
        for (const auto& tick : chart.ticks) tick_width = std::max(tick_width, estimate(tick.label));
        if (!chart.unit.empty()) {
            body += text(0, top + kFont, "start", chart.unit);
            top += kLine;
        }
        const double axis_x = tick_width + kGap;
        const double plot_width = kWidth - axis_x;
        const double plot_top = top + kLine / 2, plot_bottom = plot_top + kPlotHeight;
        auto y_of = [&](double v) { return plot_bottom - (v - low) / (high - low) * kPlotHeight; };
        for (const auto& tick : chart.ticks) {
            body += line(axis_x, y_of(tick.value), kWidth, y_of(tick.value), tick.value == 0);
            body += text(axis_x - kGap, y_of(tick.value) + 4, "end", tick.label);
        }
        const double group = plot_width / static_cast<double>(categories);
        if (chart.kind == doc::ChartKind::Columns) {
            const double width = std::min(group * 0.7 / static_cast<double>(count), 60.0);
            const double bars = width * static_cast<double>(count);
            for (std::size_t i = 0; i < categories; ++i)
                for (std::size_t k = 0; k < count; ++k) {
                    const double v = chart.series[k].values[i];
                    const double x =
                        axis_x + group * static_cast<double>(i) + (group - bars) / 2 + width * static_cast<double>(k);
                    const double y0 = y_of(std::max(v, 0.0)), y1 = y_of(std::min(v, 0.0));
                    body += rect(x + 0.5, y0, width - 1, y1 - y0, k);
                    if (estimate(chart.series[k].labels[i]) <= width + 2)
                        body += text(x + width / 2, y0 - 3, "middle", chart.series[k].labels[i]);
                }
        } else {
            for (std::size_t k = 0; k < count; ++k) {
                std::string points;
                for (std::size_t i = 0; i < categories; ++i) {
                    const double x = axis_x + group * (static_cast<double>(i) + 0.5);
                    const double y = y_of(chart.series[k].values[i]);
                    points += (i > 0 ? " " : "") + n(x) + "," + n(y);
                    body += rect(x - 2.5, y - 2.5, 5, 5, k);
                    if (count == 1) body += text(x, y - 6, "middle", chart.series[k].labels[i]);
                }
                body += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + kFills[k % 3] +
                        "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n";
            }
        }
        for (std::size_t i = 0; i < categories; ++i)
            body += text(axis_x + group * (static_cast<double>(i) + 0.5), plot_bottom + kGap + kFont, "middle",
                         chart.categories[i]);
        bottom = plot_bottom + kGap + kLine;
    }
    return "<svg class=\"chart\" role=\"img\" aria-label=\"" + escape(chart.alt) + "\" viewBox=\"0 0 " + n(kWidth) +
           " " + n(bottom + 2) + "\" font-family=\"'Liberation Sans', Arial, sans-serif\" font-size=\"" + n(kFont) +
           "\">\n<title>" + escape(chart.alt) + "</title>\n" + body + "</svg>\n";
}

}  // namespace html
