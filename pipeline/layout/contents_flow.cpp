// The table of contents: one slice per entry (an entry's lines stay
// together), the number in a column per level, the title wrapping beside
// it, dot leaders and the page number right-aligned in a column of fixed
// width. The page numbers are written in after pagination (paginate.cpp);
// nothing here depends on them, so the table's height is known before the
// pages are and a single pagination places every heading (no fixed-point
// iteration is needed).
#include <algorithm>
#include <array>
#include <cmath>

#include "layout/block_flow.hpp"
#include "layout/line_setting.hpp"

namespace layout {

namespace {

// Dots stand on a grid of the leader's width from the left edge, so that
// the dots of consecutive entries line up in columns (TeX's \leaders aligns
// its boxes to the enclosing box in the same way).
double snap_to_grid(double x, double origin, double pitch) {
    return origin + std::ceil((x - origin) / pitch - 1e-9) * pitch;
}

}  // namespace

void BlockFlow::contents(const doc::TableOfContents& toc, const Frame& frame) {
    if (toc.entries.empty()) return;
    // The number column of each level is as wide as its widest number.
    std::array<double, 7> number_width{};
    for (const auto& entry : toc.entries) {
        if (entry.number.empty()) continue;
        shaper_.shape(entry.number, body(), marker_);
        auto& width = number_width[static_cast<std::size_t>(std::clamp(entry.level, 1, 6))];
        width = std::max(width, marker_.width(0, marker_.glyphs.size()) + style_.contents_number_gap);
    }
    // Tagged as a TOC of TOCI entries, each a Link holding the entry's
    // text, its page number and its link annotation (ISO 32000-1
    // §14.8.4.3.2, PDF/UA-1 §7.18.5): a screen reader reads the entries
    // one by one and can follow each.
    structure_.open(Role::TOC);
    builder_.begin_block(style_.paragraph_space);
    for (std::size_t k = 0; k < toc.entries.size(); ++k) {
        const auto& entry = toc.entries[k];
        if (k > 0 && entry.level <= toc.min_level) builder_.add_space(style_.contents_group_space);
        const int level = std::clamp(entry.level, 1, 6);
        const double x = frame.x + style_.contents_indent * std::max(0, level - toc.min_level);
        structure_.open(Role::TOCI);
        const std::int32_t link = structure_.open(Role::Link);
        contents_entry(entry, x, number_width[static_cast<std::size_t>(level)], frame, link);
        structure_.close();
        structure_.close();
    }
    builder_.end_block(style_.paragraph_space);
    structure_.close();
}

void BlockFlow::contents_entry(const doc::ContentsEntry& entry, double x, double number_width, const Frame& frame,
                               std::int32_t link) {
    const TextSetting setting = body();
    const FontMetrics& metrics = shaper_.metrics();
    const double right = frame.x + frame.width;
    const double page_column =
        style_.contents_page_digits * text_width(metrics, font_for(setting.family, false, false), "0", setting.size);
    const double title_x = entry.number.empty() ? x : x + number_width;  // an unnumbered entry starts at its indent
    const double title_width = std::max(1.0, right - page_column - 2 * style_.contents_leader_gap - title_x);
    const double offset = baseline_offset(setting, metrics);

    builder_.begin_slice(offset, true);
    if (!entry.number.empty()) {
        shaper_.shape(entry.number, setting, marker_);
        const auto n = static_cast<std::uint32_t>(marker_.glyphs.size());
        set_line(marker_, Line{0, n, marker_.width(0, n), false}, x, offset, metrics, builder_.items(), nullptr, 0,
                 &structure_);
    }
    shaper_.shape(entry.title, setting, text_);
    double last_end = title_x;
    std::size_t line_count = 1;
    if (!text_.empty()) {
        break_lines(text_, title_width, lines_);
        set_lines(text_, lines_, 0, lines_.size(), title_x, title_width, 0, doc::Align::Left);
        line_count = lines_.size();
        last_end = title_x + lines_.back().width;
    }
    const double last_baseline = offset + static_cast<double>(line_count - 1) * setting.line_height();
    leaders(last_end + style_.contents_leader_gap, right - page_column - style_.contents_leader_gap, last_baseline);
    builder_.items().push_back(Item{
        TextRun{right, last_baseline, font_for(setting.family, false, false), setting.size, {}, 0, {}}, false, link});
    builder_.add_page_ref(entry.id, right);
    const double height = static_cast<double>(line_count) * setting.line_height();
    builder_.items().push_back(Item{Link{x, 0, right - x, height, "#" + entry.id}, false, link});
    builder_.end_slice(height);
}

void BlockFlow::leaders(double from, double to, double baseline) {
    const TextSetting setting = body();
    shaper_.shape(style_.contents_leader, setting, marker_);
    const double pitch = marker_.width(0, marker_.glyphs.size());
    if (pitch <= 0) return;
    const double start = snap_to_grid(from, 0, pitch);
    const int count = static_cast<int>(std::floor((to - start) / pitch + 1e-9));
    if (count <= 0) return;
    TextRun run{start, baseline, font_for(setting.family, false, false), setting.size, {}, count * pitch, {}};
    for (int i = 0; i < count; ++i) run.text += style_.contents_leader;
    // The dots only lead the eye: a layout artifact, not text to read.
    builder_.items().push_back(Item{std::move(run), true});
}

}  // namespace layout
