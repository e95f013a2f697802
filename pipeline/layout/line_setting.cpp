#include "layout/line_setting.hpp"

#include <cmath>

namespace layout {

namespace {

bool same_run(const Span& a, const Span& b) {
    return a.font == b.font && a.link == b.link && a.artifact == b.artifact && a.field == Field::None &&
           b.field == Field::None && a.scale == b.scale && a.rise == b.rise;
}

// Several runs of one link on a line (a bold word inside it) make one area.
void add_link(const Span& span, const TextRun& run, std::int32_t element, const FontMetrics& metrics,
              std::vector<Item>& items, std::size_t line_start) {
    const double ascent = metrics.ascent(span.font) * run.size / 1000.0;
    const double descent = metrics.descent(span.font) * run.size / 1000.0;
    if (items.size() > line_start) {
        for (std::size_t i = items.size(); i-- > line_start;) {
            auto* previous = std::get_if<Link>(&items[i].content);
            if (!previous) continue;
            if (previous->target == *span.link && std::abs(previous->x + previous->width - run.x) < 1e-6) {
                previous->width += run.width;
                return;
            }
            break;
        }
    }
    items.push_back(
        Item{Link{run.x, run.baseline - ascent, run.width, ascent - descent, *span.link}, span.artifact, element});
}

}  // namespace

double baseline_offset(const TextSetting& setting, const FontMetrics& metrics) {
    const FontId font = font_for(setting.family, setting.bold, false);
    const double ascent = metrics.ascent(font) * setting.size / 1000.0;
    const double descent = metrics.descent(font) * setting.size / 1000.0;
    const double half_leading = (setting.line_height() - (ascent - descent)) / 2.0;
    return half_leading + ascent;
}

double aligned_x(doc::Align align, double x, double width, double line_width) {
    switch (align) {
        case doc::Align::Left:
        case doc::Align::Justify: return x;  // justified lines start at the left edge
        case doc::Align::Right: return x + width - line_width;
        case doc::Align::Center: return x + (width - line_width) / 2.0;
    }
    return x;
}

double space_stretch(const ShapedText& text, const Line& line, double width) {
    int spaces = 0;
    for (std::uint32_t i = line.begin; i < line.end; ++i) spaces += text.glyphs[i].kind == GlyphKind::Space ? 1 : 0;
    return spaces > 0 && width > line.width ? (width - line.width) / spaces : 0.0;
}

void set_line(const ShapedText& text, const Line& line, double x, double baseline, const FontMetrics& metrics,
              std::vector<Item>& items, std::vector<FieldMark>* fields, double stretch, StructureBuilder* structure) {
    const std::size_t line_start = items.size();
    TextRun run;
    const Span* run_span = nullptr;
    std::uint32_t run_length = 0;  // code points in run.text
    double run_end = x;            // end of the run's last glyph, its kern excluded
    float pending_kern = 0;        // between the run's last glyph and the next, in points
    auto flush = [&] {
        if (!run_span) return;
        run.width = run_end - run.x;
        if (!run.text.empty() || run.width > 0) {
            if (fields && run_span->field != Field::None)
                fields->push_back(FieldMark{static_cast<std::uint32_t>(items.size()), run_span->field});
            Item item{run, run_span->artifact};
            if (structure && !run_span->artifact)
                item.structure = run_span->link ? structure->link(*run_span->link) : structure->content();
            items.push_back(std::move(item));
            if (run_span->link) add_link(*run_span, run, items.back().structure, metrics, items, line_start);
        }
        run_span = nullptr;
    };
    double pen = x;
    for (std::uint32_t i = line.begin; i < line.end; ++i) {
        const Glyph& glyph = text.glyphs[i];
        const Span& span = text.spans[glyph.span];
        const float kern = i + 1 < line.end ? glyph.kern : 0.0F;
        char32_t cp = glyph.code_point;
        double advance = glyph.advance;
        if (glyph.kind == GlyphKind::SoftHyphen && line.hyphen && i + 1 == line.end) {
            cp = U'-';
            advance = span.hyphen;
        } else if (glyph.kind == GlyphKind::Space && stretch > 0) {
            flush();  // a justified line: the next word is a run of its own
            pen += advance + stretch + kern;
            continue;
        } else if (glyph.kind != GlyphKind::Visible && glyph.kind != GlyphKind::Space) {
            continue;
        }
        if (!run_span || (run_span != &span && !same_run(*run_span, span))) {
            flush();
            run = TextRun{pen, baseline - span.rise, span.font, text.setting.size * span.scale, {}, 0, {}};
            run_span = &span;
            run_length = 0;
        } else if (pending_kern != 0) {
            run.kerns.push_back(Kern{run_length, static_cast<float>(pending_kern * 1000.0 / run.size)});
        }
        append_utf8(run.text, cp);
        ++run_length;
        run_end = pen + advance;
        pen += advance + kern;
        pending_kern = kern;
    }
    // A hyphenation point: the hyphen follows the last letter, in its face.
    if (line.hyphen && line.end > line.begin && text.glyphs[line.end - 1].kind != GlyphKind::SoftHyphen && run_span) {
        append_utf8(run.text, U'-');
        run_end += text.spans[text.glyphs[line.end - 1].span].hyphen;
    }
    // The space the line broke at is kept in the text, though not in the
    // width: text extraction and screen readers need the word break
    // (PDF Reference 1.4 §9.7.2, tagged PDF's explicit word breaks), and
    // a space at the end of a line paints nothing.
    if (run_span && line.end < text.glyphs.size() && text.glyphs[line.end].kind == GlyphKind::Space) run.text += ' ';
    flush();
}

}  // namespace layout
