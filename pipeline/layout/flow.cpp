#include "layout/flow.hpp"

#include <algorithm>

#include "layout/item_geometry.hpp"

namespace layout {

void FlowBuilder::begin_block(double space_before) {
    if (next_space_ >= 0) {
        pending_glue_ = std::max(pending_glue_, next_space_);
        next_space_ = -1;
    } else {
        pending_glue_ = std::max({pending_glue_, pending_after_, space_before});
    }
    pending_after_ = 0;
}

void FlowBuilder::end_block(double space_after) { pending_after_ = space_after; }

void FlowBuilder::set_next_space(double space) { next_space_ = space; }

void FlowBuilder::add_space(double space) { pending_glue_ = std::max(pending_glue_, space); }

std::uint32_t FlowBuilder::begin_slice(double first_baseline, bool breakable) {
    Slice slice;
    slice.glue = pending_glue_;
    slice.breakable = breakable && keep_ == 0;
    slice.force_break = force_;
    slice.item_begin = static_cast<std::uint32_t>(flow_.items.size());
    pending_glue_ = 0;
    if (keep_ > 0) --keep_;
    force_ = false;
    for (Item& marker : markers_) {
        std::get<TextRun>(marker.content).baseline = first_baseline;
        flow_.items.push_back(std::move(marker));
    }
    markers_.clear();
    flow_.slices.push_back(slice);
    return static_cast<std::uint32_t>(flow_.slices.size() - 1);
}

void FlowBuilder::record_fields(const std::vector<FieldMark>& marks, std::uint32_t line_begin, doc::Align align) {
    const auto line_end = static_cast<std::uint32_t>(flow_.items.size());
    for (const FieldMark& mark : marks)
        flow_.fields.push_back(FlowField{mark.item, line_begin, line_end, mark.field, align});
}

Slice& FlowBuilder::end_slice(double height) {
    Slice& slice = flow_.slices.back();
    slice.height = height;
    slice.item_end = static_cast<std::uint32_t>(flow_.items.size());
    return slice;
}

void FlowBuilder::add_note_line(std::uint32_t item_begin, double height, double glue, std::string anchor) {
    Slice& slice = flow_.slices.back();
    const auto index = static_cast<std::uint32_t>(flow_.note_lines.size());
    if (slice.note_begin == slice.note_end) slice.note_begin = slice.note_end = index;
    flow_.note_lines.push_back(
        NoteLine{item_begin, static_cast<std::uint32_t>(flow_.items.size()), height, glue, std::move(anchor)});
    slice.note_end = static_cast<std::uint32_t>(flow_.note_lines.size());
}

std::int32_t FlowBuilder::make_group(std::size_t first, std::size_t last) {
    Group group;
    group.item_begin = static_cast<std::uint32_t>(flow_.items.size());
    const auto field_count = flow_.fields.size();
    for (std::size_t s = first; s < last; ++s) {
        const Slice slice = flow_.slices[s];
        const auto offset = static_cast<std::uint32_t>(flow_.items.size()) - slice.item_begin;
        for (std::uint32_t i = slice.item_begin; i < slice.item_end; ++i) {
            Item copy = flow_.items[i];
            shift(copy, 0, group.height);
            // A repeated head is page furniture, like a running header:
            // the table has one head row in its structure (as Word's
            // tagged export does), so a screen reader reads it once.
            copy.artifact = true;
            copy.structure = kNoElement;
            flow_.items.push_back(std::move(copy));
        }
        // A page field in a repeated head is resolved on each page it lands on.
        for (std::size_t f = 0; f < field_count; ++f) {
            FlowField field = flow_.fields[f];
            if (field.item < slice.item_begin || field.item >= slice.item_end) continue;
            field.item += offset;
            field.line_begin += offset;
            field.line_end += offset;
            flow_.fields.push_back(field);
        }
        group.height += slice.height;
    }
    group.item_end = static_cast<std::uint32_t>(flow_.items.size());
    flow_.groups.push_back(group);
    return static_cast<std::int32_t>(flow_.groups.size() - 1);
}

void FlowBuilder::add_anchor(std::size_t slice, std::string id, std::string title, int level) {
    flow_.anchors.push_back(FlowAnchor{static_cast<std::uint32_t>(slice), std::move(id), std::move(title), level});
}

}  // namespace layout
