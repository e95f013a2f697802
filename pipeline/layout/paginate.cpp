#include "layout/paginate.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "layout/item_geometry.hpp"

namespace layout {

namespace {

// A slice that fits exactly must not be pushed to the next page by rounding.
constexpr double kTolerance = 1e-6;

struct PlacedField {
    int page = 0;
    std::size_t item = 0;
    std::size_t line_begin = 0;
    std::size_t line_end = 0;
    Field field = Field::None;
    doc::Align align = doc::Align::Left;
};

void shift_range(std::vector<Item>& items, std::size_t begin, std::size_t end, double dx) {
    for (std::size_t i = begin; i < end; ++i) shift(items[i], dx, 0);
}

// Writes the real number into a field's run and moves the rest of its line
// by the difference from the estimate, as its alignment asks.
void resolve(PagedDocument& document, const PlacedField& placed, const FontMetrics& metrics) {
    auto& items = document.pages[static_cast<std::size_t>(placed.page)].items;
    auto* run = std::get_if<TextRun>(&items[placed.item].content);
    if (!run) return;
    const int value = placed.field == Field::PageNumber ? placed.page + 1 : static_cast<int>(document.pages.size());
    run->text = std::to_string(value);
    const double width = text_width(metrics, run->font, run->text, run->size);
    const double delta = width - run->width;
    run->width = width;
    switch (placed.align) {
        case doc::Align::Left:
        case doc::Align::Justify:  // a field is never stretched: the rest of its line moves
            shift_range(items, placed.item + 1, placed.line_end, delta);
            break;
        case doc::Align::Right: shift_range(items, placed.line_begin, placed.item + 1, -delta); break;
        case doc::Align::Center:
            shift_range(items, placed.line_begin, placed.item + 1, -delta / 2);
            shift_range(items, placed.item + 1, placed.line_end, delta / 2);
            break;
    }
}

struct PlacedPageRef {
    int page = 0;
    std::size_t item = 0;
    const FlowPageRef* ref = nullptr;
};

// A table-of-contents entry gets the number of the page its heading is on,
// right-aligned at the end of its column.
void resolve_page_refs(PagedDocument& document, const std::vector<PlacedPageRef>& refs, const FontMetrics& metrics) {
    std::map<std::string_view, int> pages;
    for (const Anchor& anchor : document.anchors) pages.emplace(anchor.id, anchor.page);  // first wins
    for (const PlacedPageRef& placed : refs) {
        auto& item = document.pages[static_cast<std::size_t>(placed.page)].items[placed.item];
        auto* run = std::get_if<TextRun>(&item.content);
        const auto it = pages.find(placed.ref->id);
        if (!run || it == pages.end()) continue;  // a heading without text has no anchor
        run->text = std::to_string(it->second + 1);
        run->width = text_width(metrics, run->font, run->text, run->size);
        run->x = placed.ref->right - run->width;
    }
}

// Each page's note lines, stacked up from the bottom of its text area
// under the rule, in the order of their references.
void place_notes(const Flow& flow, const Pagination& pagination, const doc::PageSetup& setup, PagedDocument& document) {
    const NoteArea& area = flow.note_area;
    const double bottom = setup.height - setup.margin_bottom;
    std::size_t k = 0;
    while (k < flow.note_lines.size()) {
        const int p = pagination.note_pages[k];
        std::size_t end = k;
        double height = area.space;
        for (; end < flow.note_lines.size() && pagination.note_pages[end] == p; ++end)
            height += flow.note_lines[end].height + (end == k ? 0.0 : flow.note_lines[end].glue);
        auto& items = document.pages[static_cast<std::size_t>(p)].items;
        double y = bottom - height + area.space;
        const double rule_y = y - area.rule_gap;
        // The rule separates, it says nothing: a layout artifact.
        const Rule rule{area.rule_x, rule_y, area.rule_x + area.rule_width, rule_y, area.rule_thickness};
        items.push_back(Item{rule, true});
        for (std::size_t n = k; n < end; ++n) {
            const NoteLine& line = flow.note_lines[n];
            if (n > k) y += line.glue;
            // A link target, not a heading: no title, so no bookmark.
            if (!line.anchor.empty()) document.anchors.push_back(Anchor{line.anchor, "", 0, p, y});
            for (std::uint32_t i = line.item_begin; i < line.item_end; ++i) {
                items.push_back(flow.items[i]);
                shift(items.back(), 0, y);
            }
            y += line.height;
        }
        k = end;
    }
}

}  // namespace

namespace {

// The foot of the page being filled: its height so far and the note lines
// continued to the next page.
class NoteFoot {
public:
    NoteFoot(const Flow& flow, Pagination& out) : flow_(flow), out_(out) {}

    // What lines [begin, end) would add to the foot: the space with the
    // rule above the page's first line, a gap above each other note.
    double extra(std::uint32_t begin, std::uint32_t end) const {
        double added = 0;
        for (std::uint32_t k = begin; k < end; ++k) added += line_height(k, used_ + added);
        return added;
    }
    double height() const { return used_; }
    bool continues() const { return !carry_.empty(); }

    // Lines that fit, as pagination checked.
    void place(std::uint32_t begin, std::uint32_t end, int page) {
        for (std::uint32_t k = begin; k < end; ++k) put(k, page);
    }

    // A new page: the lines continued from the last one come first, as
    // many as fit in `room` (the foot's greatest height).
    void open_page(int page, double room) {
        used_ = 0;
        std::vector<std::uint32_t> carry;
        carry.swap(carry_);
        for (const std::uint32_t k : carry) take(k, page, room);
    }

    // The notes of the slice that opened the page: the lines that do not
    // fit in `room` continue on the next page.
    void place_opening(std::uint32_t begin, std::uint32_t end, int page, double room) {
        for (std::uint32_t k = begin; k < end; ++k) take(k, page, room);
    }

    // Pages of notes alone for what is left after the last slice; each
    // takes at least one line, so that this ends.
    void flush(double room) {
        while (!carry_.empty()) {
            out_.repeats.push_back(-1);
            const int page = static_cast<int>(out_.repeats.size()) - 1;
            const std::uint32_t first = carry_.front();
            carry_.erase(carry_.begin());
            used_ = 0;
            put(first, page);
            std::vector<std::uint32_t> carry;
            carry.swap(carry_);
            for (const std::uint32_t k : carry) take(k, page, room);
        }
    }

private:
    double line_height(std::uint32_t k, double used) const {
        const NoteLine& line = flow_.note_lines[k];
        return line.height + (used == 0 ? flow_.note_area.space : line.glue);
    }
    void put(std::uint32_t k, int page) {
        used_ += line_height(k, used_);
        out_.note_pages[k] = page;
    }
    // Lines stay in order: once one continues, all after it do.
    void take(std::uint32_t k, int page, double room) {
        if (carry_.empty() && used_ + line_height(k, used_) <= room + kTolerance)
            put(k, page);
        else
            carry_.push_back(k);
    }

    const Flow& flow_;
    Pagination& out_;
    double used_ = 0;
    std::vector<std::uint32_t> carry_;
};

}  // namespace

Pagination paginate(const Flow& flow, double top, double bottom) {
    const auto& slices = flow.slices;
    Pagination out;
    out.slices.resize(slices.size());
    out.repeats.assign(1, -1);
    out.note_pages.assign(flow.note_lines.size(), 0);
    NoteFoot notes(flow, out);
    std::size_t first = 0;  // first slice of the current page
    double y = top;
    std::size_t i = 0;
    while (i < slices.size()) {
        const Slice& s = slices[i];
        const int page = static_cast<int>(out.repeats.size()) - 1;
        if (i == first) {
            // A table continuing here repeats its head; the glue is dropped.
            y = top;
            if (s.repeat >= 0) {
                out.repeats.back() = s.repeat;
                y += flow.groups[static_cast<std::size_t>(s.repeat)].height;
            }
            notes.open_page(page, bottom - y - s.height);
            out.slices[i] = Placement{page, y};
            y += s.height;
            notes.place_opening(s.note_begin, s.note_end, page, bottom - y);
            ++i;
            continue;
        }
        // A page whose foot continues a note is full.
        const double foot = notes.continues() ? bottom - top : notes.height() + notes.extra(s.note_begin, s.note_end);
        // Its glue shrinks, as far as it may, only when it would not fit.
        const double glue = std::max(s.glue - s.shrink, std::min(s.glue, bottom - foot - y - s.height));
        if (!s.force_break && y + glue + s.height <= bottom - foot + kTolerance) {
            out.slices[i] = Placement{page, y + glue};
            y += glue + s.height;
            notes.place(s.note_begin, s.note_end, page);
            ++i;
            continue;
        }
        // Back up to the last slice the page may end before. If none is left
        // on this page, the keep is longer than a page: break here anyway.
        std::size_t j = i;
        if (!s.force_break) {
            while (j > first && !slices[j].breakable) --j;
            // Then to a fallback break (between a table's rows, say), so
            // that such a keep still breaks where a reader can bear it.
            if (j == first) {
                j = i;
                while (j > first && !slices[j].breakable && !slices[j].fallback) --j;
                if (j == first) j = i;
            }
        }
        out.repeats.push_back(-1);
        first = j;
        i = j;
    }
    notes.flush(bottom - top);
    out.page_count = static_cast<int>(out.repeats.size());
    return out;
}

PagedDocument assemble(const Flow& flow, const Pagination& pagination, const doc::PageSetup& page,
                       const FontMetrics& metrics) {
    PagedDocument document;
    document.structure = flow.structure;
    document.pages.assign(static_cast<std::size_t>(pagination.page_count), Page{page.width, page.height, {}});
    std::vector<FlowField> fields = flow.fields;
    std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) { return a.item < b.item; });
    std::vector<PlacedField> placed;
    std::vector<PlacedPageRef> page_refs;
    auto copy = [&](std::uint32_t begin, std::uint32_t end, int p, double dy) {
        auto& items = document.pages[static_cast<std::size_t>(p)].items;
        const std::size_t base = items.size();
        auto ref = std::lower_bound(flow.page_refs.begin(), flow.page_refs.end(), begin,
                                    [](const FlowPageRef& r, std::uint32_t item) { return r.item < item; });
        for (; ref != flow.page_refs.end() && ref->item < end; ++ref)
            page_refs.push_back(PlacedPageRef{p, base + (ref->item - begin), &*ref});
        auto it = std::lower_bound(fields.begin(), fields.end(), begin,
                                   [](const FlowField& f, std::uint32_t item) { return f.item < item; });
        for (; it != fields.end() && it->item < end; ++it)
            placed.push_back(PlacedField{p, base + (it->item - begin), base + (it->line_begin - begin),
                                         base + (it->line_end - begin), it->field, it->align});
        for (std::uint32_t k = begin; k < end; ++k) {
            items.push_back(flow.items[k]);
            shift(items.back(), 0, dy);
        }
    };
    int current = -1;
    for (std::size_t i = 0; i < flow.slices.size(); ++i) {
        const Slice& slice = flow.slices[i];
        const Placement& at = pagination.slices[i];
        if (at.page != current) {
            current = at.page;
            const std::int32_t repeat = pagination.repeats[static_cast<std::size_t>(current)];
            if (repeat >= 0) {
                const Group& group = flow.groups[static_cast<std::size_t>(repeat)];
                copy(group.item_begin, group.item_end, current, page.margin_top);
            }
        }
        copy(slice.item_begin, slice.item_end, at.page, at.y);
    }
    for (const PlacedField& field : placed) resolve(document, field, metrics);
    for (const FlowAnchor& anchor : flow.anchors) {
        const Placement& at = pagination.slices[anchor.slice];
        document.anchors.push_back(Anchor{anchor.id, anchor.title, anchor.level, at.page, at.y});
    }
    place_notes(flow, pagination, page, document);
    resolve_page_refs(document, page_refs, metrics);
    return document;
}

}  // namespace layout
