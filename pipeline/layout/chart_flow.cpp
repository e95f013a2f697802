// Charts (doc::Chart): the caption, then the chart's geometry (chart/),
// laid out once for the PDF and the HTML, mapped onto the page as one slice
// that is never split over pages. Labels are measured with the PDF's fonts.
//
// Everything a chart places belongs to its Figure element, whose alternative
// text is the chart's (ISO 32000-1 §14.9.3; PDF/UA-1 §7.3): a screen reader
// reads the alternative text and skips the labels inside.
#include <algorithm>

#include "chart/geometry.hpp"
#include "layout/block_flow.hpp"

namespace layout {

chart::Settings BlockFlow::chart_settings() const {
    const TextSetting label{Family::Sans, style_.chart_label_size, 1.2, false};
    chart::Settings settings;
    settings.label_size = label.size;
    settings.line = label.line_height();
    settings.baseline = baseline_offset(label, shaper_.metrics());
    return settings;
}

void BlockFlow::chart(const doc::Chart& chart, const Frame& frame) {
    const FontMetrics& metrics = shaper_.metrics();
    const TextSetting label{Family::Sans, style_.chart_label_size, 1.2, false};
    const TextSetting caption{Family::Sans, style_.chart_caption_size, 1.2, true};
    auto measure = [&](std::string_view text) {
        shaper_.shape(text, label, marker_);
        return marker_.line_width(0, marker_.glyphs.size());
    };
    const chart::Settings settings = chart_settings();
    const chart::Geometry geometry = chart::lay_out(chart, frame.width, measure, settings);
    if (geometry.primitives.empty()) return;

    const std::int32_t figure = structure_.open(Role::Figure);
    structure_.element(figure).alt = chart.alt;
    auto& items = builder_.items();
    auto add = [&](auto content) { items.push_back(Item{std::move(content), false, figure}); };

    builder_.begin_block(style_.table_space);
    builder_.begin_slice(baseline_offset(caption, metrics), true);
    double top = 0;
    if (!chart.title.empty()) {
        shaper_.shape(chart.title, caption, text_);
        top = stack(text_, frame.x, frame.width, 0) + settings.gap;
    }
    const double x0 = frame.x;
    for (const chart::Primitive& primitive : geometry.primitives) {
        if (const auto* box = std::get_if<chart::Box>(&primitive)) {
            add(Fill{x0 + box->x, top + box->y, box->width, box->height, settings.gray(box->tone)});
        } else if (const auto* stroke = std::get_if<chart::Stroke>(&primitive)) {
            if (stroke->axis) {
                add(Rule{x0 + stroke->x1, top + stroke->y1, x0 + stroke->x2, top + stroke->y2, settings.axis_rule});
            } else {
                // A grid line as a thin light fill: a rule has no grey.
                const double half = settings.grid_rule / 2;
                const bool vertical = stroke->x1 == stroke->x2;
                add(vertical ? Fill{x0 + stroke->x1 - half, top + stroke->y1, settings.grid_rule,
                                    stroke->y2 - stroke->y1, settings.grid_gray}
                             : Fill{x0 + stroke->x1, top + stroke->y1 - half, stroke->x2 - stroke->x1,
                                    settings.grid_rule, settings.grid_gray});
            }
        } else if (const auto* path = std::get_if<chart::Path>(&primitive)) {
            Polyline line{{}, settings.line_width, settings.gray(path->tone)};
            for (const chart::Point& p : path->points) line.points.push_back({x0 + p.x, top + p.y});
            add(std::move(line));
        } else if (const auto* text = std::get_if<chart::Label>(&primitive)) {
            shaper_.shape(text->text, label, marker_);
            const auto count = static_cast<std::uint32_t>(marker_.glyphs.size());
            const double width = marker_.line_width(0, count);
            const double left = text->anchor == chart::Anchor::End      ? text->x - width
                                : text->anchor == chart::Anchor::Middle ? text->x - width / 2
                                                                        : text->x;
            set_line(marker_, Line{0, count, width, false}, x0 + left, top + text->baseline, metrics, items, nullptr, 0,
                     &structure_);
        }
    }
    builder_.end_slice(top + geometry.height);
    builder_.end_block(style_.table_space);
    structure_.close();
}

}  // namespace layout
