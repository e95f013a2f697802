// A chart as inline SVG (SVG 1.1), drawn from the same geometry as the
// PDF's (chart/geometry.hpp): the same scale, layout, settings and
// alternative text. The SVG is one image to assistive technology
// (role="img" with the alternative text as its name, WAI-ARIA's
// graphics-document pattern); its labels are for the eye.
//
// The viewBox is the chart's width in points on the default page, so its
// proportions are the PDF's. This stage loads no font metrics: labels are
// measured by an estimate (chart::estimated_width), and the browser sets
// them; the label column may then differ from the PDF's by a few points.
#include "html/chart_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart/geometry.hpp"
#include "html/escape.hpp"

namespace html {

namespace {

std::string n(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

// A grey (0 black, 1 white) as sRGB hex.
std::string hex(double gray) {
    char buffer[8];
    const int level = static_cast<int>(std::lround(std::clamp(gray, 0.0, 1.0) * 255));
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", level, level, level);
    return buffer;
}

const char* anchor(chart::Anchor a) {
    return a == chart::Anchor::Middle ? "middle" : a == chart::Anchor::End ? "end" : "start";
}

// The text width of the default page: the PDF's charts are this wide.
double default_width() {
    const doc::PageSetup page;
    return page.width - page.margin_left - page.margin_right;
}

}  // namespace

std::string chart_svg(const doc::Chart& chart) {
    const chart::Settings settings;
    const auto measure = [&](std::string_view text) { return chart::estimated_width(text, settings.label_size); };
    const chart::Geometry geometry = chart::lay_out(chart, default_width(), measure, settings);
    if (geometry.primitives.empty()) return {};
    std::string body;
    for (const chart::Primitive& primitive : geometry.primitives) {
        if (const auto* box = std::get_if<chart::Box>(&primitive)) {
            body += "<rect x=\"" + n(box->x) + "\" y=\"" + n(box->y) + "\" width=\"" + n(std::max(0.0, box->width)) +
                    "\" height=\"" + n(std::max(0.0, box->height)) + "\" fill=\"" + hex(settings.gray(box->tone)) +
                    "\"/>\n";
        } else if (const auto* stroke = std::get_if<chart::Stroke>(&primitive)) {
            body += "<line x1=\"" + n(stroke->x1) + "\" y1=\"" + n(stroke->y1) + "\" x2=\"" + n(stroke->x2) +
                    "\" y2=\"" + n(stroke->y2) + "\" stroke=\"" + (stroke->axis ? "#000" : hex(settings.grid_gray)) +
                    "\" stroke-width=\"" + n(stroke->axis ? settings.axis_rule : settings.grid_rule) + "\"/>\n";
        } else if (const auto* path = std::get_if<chart::Path>(&primitive)) {
            std::string points;
            for (const auto& p : path->points) points += (points.empty() ? "" : " ") + n(p.x) + "," + n(p.y);
            body += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + hex(settings.gray(path->tone)) +
                    "\" stroke-width=\"" + n(settings.line_width) + "\" stroke-linejoin=\"round\"/>\n";
        } else if (const auto* label = std::get_if<chart::Label>(&primitive)) {
            body += "<text x=\"" + n(label->x) + "\" y=\"" + n(label->baseline) + "\" text-anchor=\"" +
                    anchor(label->anchor) + "\">" + escape(label->text) + "</text>\n";
        }
    }
    return "<svg class=\"chart\" role=\"img\" aria-label=\"" + escape(chart.alt) + "\" viewBox=\"0 0 " +
           n(geometry.width) + " " + n(geometry.height + 2) +
           "\" font-family=\"'Liberation Sans', Arial, sans-serif\" font-size=\"" + n(settings.label_size) +
           "\">\n<title>" + escape(chart.alt) + "</title>\n" + body + "</svg>\n";
}

}  // namespace html
