#include "layout/block_flow.hpp"

#include <algorithm>

#include "document/plain_text.hpp"
#include "layout/line_setting.hpp"

namespace layout {

namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// The heading as a bookmark shows it: number, then the text on one line.
std::string plain_title(const doc::Heading& heading, const std::string& separator) {
    std::string title = heading.number.empty() ? std::string() : heading.number + separator;
    for (const doc::Inline& node : heading.content) {
        if (const auto* text = std::get_if<doc::Text>(&node))
            title += text->text;
        else if (std::holds_alternative<doc::LineBreak>(node))
            title += ' ';
    }
    return title;
}

// Whether a paragraph's text ends in ":" (spaces aside): a lead-in.
bool ends_with_colon(const doc::Inlines& content) {
    for (auto it = content.rbegin(); it != content.rend(); ++it) {
        const auto* text = std::get_if<doc::Text>(&*it);
        if (!text) return false;
        const auto end = text->text.find_last_not_of(" \t\n");
        if (end == std::string::npos) continue;
        return text->text[end] == ':';
    }
    return false;
}

// The fields of an appendix entry: lines that each start with a bold label
// ending in ":" ("**Sökt belopp:** 120 000 kr"), at least two of them.
bool is_fields(const doc::Paragraph& paragraph) {
    int labels = 0;
    bool line_start = true;
    for (const doc::Inline& node : paragraph.content) {
        if (std::holds_alternative<doc::LineBreak>(node)) {
            line_start = true;
            continue;
        }
        const auto* text = std::get_if<doc::Text>(&node);
        if (line_start) {
            if (!text || !text->style.bold) return false;
            const auto end = text->text.find_last_not_of(' ');
            if (end == std::string::npos || text->text[end] != ':') return false;
            ++labels;
        }
        line_start = false;
    }
    return labels >= 2;
}

// A paragraph that is one short bold line ("**Workshop om
// kartläggningsinstrument, juni 2003**"): a heading in all but name, kept
// with what follows as a heading is.
bool is_run_in_heading(const doc::Paragraph& paragraph) {
    constexpr std::size_t kShort = 200;  // bytes: a title of up to two lines, not a bold statement
    std::size_t length = 0;
    for (const doc::Inline& node : paragraph.content) {
        const auto* text = std::get_if<doc::Text>(&node);
        if (!text) return false;
        if (!text->style.bold && text->text.find_first_not_of(" ") != std::string::npos) return false;
        length += text->text.size();
    }
    return length > 0 && length <= kShort;
}

// The label of a list item as one run (substitutions already applied).
TextRun marker_run(const ShapedText& marker, double x, const FontMetrics& metrics) {
    const auto n = static_cast<std::uint32_t>(marker.glyphs.size());
    std::vector<Item> items;
    set_line(marker, Line{0, n, marker.width(0, n), false}, x, 0, metrics, items);
    for (const Item& item : items) {
        if (const auto* run = std::get_if<TextRun>(&item.content)) return *run;
    }
    return TextRun{x, 0, font_for(marker.setting.family, false, false), marker.setting.size, {}, 0, {}};
}

}  // namespace

BlockFlow::BlockFlow(const Style& style, TextShaper& shaper, Flow& flow, const doc::PageSetup& page,
                     const Hyphenator* hyphenator)
    : style_(style),
      shaper_(shaper),
      hyphenator_(hyphenator),
      builder_(flow),
      structure_(flow.structure),
      page_body_height_(page.height - page.margin_top - page.margin_bottom),
      page_mark_(page.page_mark),
      text_x_(page.margin_left),
      text_width_(std::max(1.0, page.width - page.margin_left - page.margin_right)) {
    flow.note_area = NoteArea{style.footnote_space, text_x_, text_width_ * style.footnote_rule_width,
                              style.footnote_rule, style.footnote_rule_gap};
}

TextSetting BlockFlow::body() const { return TextSetting{Family::Serif, style_.body_size, style_.body_leading, false}; }

TextSetting BlockFlow::heading_setting(int level) const {
    const auto& h = style_.headings[static_cast<std::size_t>(std::clamp(level, 1, 6) - 1)];
    return TextSetting{Family::Sans, h.size, style_.heading_leading, true};
}

TextSetting BlockFlow::table_setting(bool head) const {
    return TextSetting{Family::Serif, style_.table_size, style_.table_leading, head};
}

// Keeps between blocks, decided with the next block in view:
// - a paragraph directly before a table introduces it ("... enligt
//   följande:", a caption), and one ending in ":" introduces the list,
//   table (or its caption) or quotation after it: its last line stays on the page of what it
//   introduces (the list's own keeps hold its first two items together);
// - an appendix entry's fields ("**Sökt belopp:** ...", one to a line) and
//   a paragraph in bold alone (a heading in all but name) stay with the
//   first two lines of what follows, as a heading does (heading() keeps
//   with two lines of what follows).
// With a heading's keep, a heading, its introduction and the start of what
// is introduced move to a new page together.
void BlockFlow::blocks(const doc::Blocks& blocks, const Frame& frame) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        // A table's caption (a bold paragraph just before it, as the HTML's
        // <caption>) is its Caption element, inside its Table.
        if (const doc::Paragraph* caption = doc::caption_paragraph(blocks, i)) {
            caption_table_ = structure_.open(Role::Table);
            paragraph(*caption, frame, Role::Caption);
        } else {
            block(blocks[i], frame);
        }
        if (i + 1 == blocks.size()) continue;
        const auto* paragraph = std::get_if<doc::Paragraph>(&blocks[i].node);
        if (!paragraph) continue;
        const auto& next = blocks[i + 1].node;
        const auto* next_paragraph = std::get_if<doc::Paragraph>(&next);
        const bool introduced = std::holds_alternative<doc::List>(next) || std::holds_alternative<doc::Table>(next) ||
                                doc::caption_paragraph(blocks, i + 1) != nullptr ||
                                (next_paragraph && next_paragraph->quote && !paragraph->quote);
        if (std::holds_alternative<doc::Table>(next) || (introduced && ends_with_colon(paragraph->content)))
            builder_.keep_with_next();
        else if ((is_fields(*paragraph) || is_run_in_heading(*paragraph)) &&
                 !std::holds_alternative<doc::Heading>(next))
            builder_.keep_with_next(2);
    }
}

void BlockFlow::block(const doc::Block& block, const Frame& frame) {
    std::visit(Overloaded{
                   [&](const doc::Paragraph& p) { paragraph(p, frame); },
                   [&](const doc::Heading& h) { heading(h, frame); },
                   [&](const doc::List& l) { list(l, frame); },
                   [&](const doc::Table& t) { table(t, frame); },
                   [&](const doc::Letterhead& l) { letterhead(l, frame); },
                   [&](const doc::Signatures& s) { signatures(s, frame); },
                   [&](const doc::PageBreak&) { builder_.force_page_break(); },
                   [&](const doc::TableOfContents& toc) { contents(toc, frame); },
                   [&](const doc::Chart& c) { chart(c, frame); },
               },
               block.node);
}

// A quotation is set off as a block, indented on both sides (house style,
// as the seeds set it), and tagged as a BlockQuote holding its paragraph.
// The fields of an appendix entry are never split.
void BlockFlow::paragraph(const doc::Paragraph& paragraph, const Frame& frame, Role role) {
    shaper_.shape(paragraph.content, body(), text_);
    if (text_.empty()) return;
    Frame inner = frame;
    if (paragraph.quote) {
        structure_.open(Role::BlockQuote);
        inner.x += style_.quote_indent;
        inner.width = std::max(1.0, frame.width - 2 * style_.quote_indent);
    }
    structure_.open(role);
    builder_.begin_block(style_.paragraph_space);
    line_slices(text_, inner, paragraph.align, is_fields(paragraph));
    builder_.end_block(style_.paragraph_space);
    structure_.close();
    if (paragraph.quote) structure_.close();
}

void BlockFlow::heading(const doc::Heading& heading, const Frame& frame) {
    const int level = std::clamp(heading.level, 1, 6);
    const auto& h = style_.headings[static_cast<std::size_t>(level - 1)];
    if (heading.number.empty()) {
        shaper_.shape(heading.content, heading_setting(level), text_);
    } else {
        doc::Inlines numbered;
        numbered.reserve(heading.content.size() + 1);
        numbered.push_back(doc::Text{heading.number + style_.heading_number_separator, {}, {}});
        numbered.insert(numbered.end(), heading.content.begin(), heading.content.end());
        shaper_.shape(numbered, heading_setting(level), text_);
    }
    if (text_.empty()) return;
    structure_.open(heading_role(level));
    builder_.begin_block(h.space_before);
    const std::size_t first = builder_.slice_count();
    line_slices(text_, frame, doc::Align::Left, true);
    structure_.close();
    builder_.add_anchor(first, heading.id, plain_title(heading, style_.heading_number_separator), level);
    builder_.end_block(h.space_after);
    // Never the last thing on a page: the first break allowed after a
    // heading is after the second line of what follows, even when that is
    // a one-line paragraph and the first line of the block after it.
    builder_.keep_with_next(2);
}

// Hanging indent: the marker in a gutter, the item's blocks after it.
void BlockFlow::list(const doc::List& list, const Frame& frame) {
    const bool nested = frame.list_depth > 0;
    const double space = nested ? style_.list_item_space : style_.paragraph_space;
    structure_.open(Role::L);
    builder_.begin_block(space);
    const Frame inner{frame.x + style_.list_gutter, std::max(1.0, frame.width - style_.list_gutter),
                      frame.list_depth + 1};
    std::vector<std::size_t> item_slices;  // the first slice of each item
    for (std::size_t k = 0; k < list.items.size(); ++k) {
        item_slices.push_back(builder_.slice_count());
        const std::string label = list.ordered ? std::to_string(list.start + static_cast<int>(k)) + "." : style_.bullet;
        shaper_.shape(label, body(), marker_);
        structure_.open(Role::LI);
        builder_.add_marker(marker_run(marker_, frame.x, shaper_.metrics()), structure_.add(Role::Lbl));
        structure_.open(Role::LBody);
        if (k > 0) builder_.set_next_space(style_.list_item_space);
        blocks(list.items[k], inner);
        if (builder_.has_markers()) {  // an empty item still shows its marker
            builder_.begin_slice(baseline_offset(marker_, shaper_.metrics()));
            builder_.end_slice(marker_.setting.line_height());
        }
        structure_.close();
        structure_.close();
    }
    // A list of three or more items is not split one item from either end
    // (as orphans and widows, counted in items); when nothing else is left
    // on a page, those breaks are still better than one inside an item.
    if (item_slices.size() >= 3)
        for (const std::size_t k : {item_slices[1], item_slices.back()}) {
            if (k >= builder_.slice_count()) continue;
            Slice& slice = builder_.slice(k);
            slice.fallback = slice.fallback || slice.breakable;
            slice.breakable = false;
        }
    builder_.end_block(space);
    structure_.close();
}

// Hyphenation only where a line needs it: in justified paragraphs, and
// for words wider than their line (table cells). Ragged-right body text,
// the house style, is never hyphenated.
BreakOptions BlockFlow::breaking(doc::Align align) const {
    return BreakOptions{hyphenator_, align == doc::Align::Justify, style_.hyphenate_stretch,
                        style_.max_consecutive_hyphens};
}

void BlockFlow::line_slices(const ShapedText& text, const Frame& frame, doc::Align align, bool keep_together) {
    const BreakOptions plain;
    break_lines(text, frame.width, lines_, align == doc::Align::Justify ? breaking(align) : plain);
    const double offset = baseline_offset(text, shaper_.metrics());
    const double height = text.setting.line_height();
    const std::size_t n = lines_.size();
    for (std::size_t k = 0; k < n; ++k) {
        // Orphan and widow control (CSS Fragmentation 3, `orphans`/`widows`):
        // a page may end inside a paragraph only with `orphans` lines before
        // and `widows` lines after the break; else the paragraph moves whole.
        const bool breakable = k == 0 || (!keep_together && k >= static_cast<std::size_t>(style_.orphans) &&
                                          n - k >= static_cast<std::size_t>(style_.widows));
        builder_.begin_slice(offset, breakable);
        set_lines(text, lines_, k, k + 1, frame.x, frame.width, 0, align);
        end_slice(height);
    }
}

void BlockFlow::set_lines(const ShapedText& text, const std::vector<Line>& lines, std::size_t first, std::size_t last,
                          double x, double width, double top, doc::Align align) {
    const double offset = baseline_offset(text, shaper_.metrics());
    const double height = text.setting.line_height();
    for (std::size_t k = first; k < last; ++k) {
        const Line& line = lines[k];
        const auto line_begin = static_cast<std::uint32_t>(builder_.items().size());
        marks_.clear();
        const double stretch =
            align == doc::Align::Justify && stretches(text, lines, k) ? space_stretch(text, line, width) : 0.0;
        set_line(text, line, aligned_x(align, x, width, line.width),
                 top + static_cast<double>(k - first) * height + offset, shaper_.metrics(), builder_.items(), &marks_,
                 stretch, &structure_);
        if (!marks_.empty()) builder_.record_fields(marks_, line_begin, align);
        // The notes referenced on this line go to the foot of its page.
        if (in_note_ || text.notes.empty()) continue;
        for (std::uint32_t i = line.begin; i < line.end; ++i) {
            const Span& span = text.spans[text.glyphs[i].span];
            if (span.note < 0 || (i > line.begin && text.glyphs[i - 1].span == text.glyphs[i].span)) continue;
            const doc::Footnote* note = text.notes[static_cast<std::size_t>(span.note)];
            pending_notes_.push_back(PendingNote{note, structure_.current()});
        }
    }
}

double BlockFlow::stack(const ShapedText& text, double x, double width, double top, doc::Align align) {
    if (text.empty()) return top;
    break_lines(text, width, lines_);
    set_lines(text, lines_, 0, lines_.size(), x, width, top, align);
    return top + static_cast<double>(lines_.size()) * text.setting.line_height();
}

double BlockFlow::stack_plain(std::string_view utf8, const TextSetting& setting, double x, double width, double top) {
    // Each plain line (an organisation, a name, a title) is a paragraph.
    shaper_.shape(utf8, setting, text_);
    if (text_.empty()) return top;
    structure_.open(Role::P);
    const double bottom = stack(text_, x, width, top);
    structure_.close();
    return bottom;
}

}  // namespace layout
