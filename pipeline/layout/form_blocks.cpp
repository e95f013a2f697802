// The blocks of the committee document form: the first-page letterhead and
// the signatures (house-style.md, "The decision document").
#include <algorithm>

#include "layout/block_flow.hpp"

namespace layout {

namespace {

double stack_height(std::size_t lines, const TextSetting& setting) {
    return static_cast<double>(lines) * setting.line_height();
}

}  // namespace

// Stockholm's form: organisation on the left; document type, diary number
// and page mark in a right column at 55 % of the text width; below them the
// case officers ("Handläggare") on the left and the addressee ("Till") on
// the right. One slice: the letterhead is never split.
void BlockFlow::letterhead(const doc::Letterhead& letterhead, const Frame& frame) {
    const TextSetting large{Family::Sans, style_.letterhead_large_size, style_.letterhead_leading, true};
    const TextSetting small{Family::Sans, style_.letterhead_small_size, style_.letterhead_leading, false};
    TextSetting small_bold = small;
    small_bold.bold = true;
    const double right_x = frame.x + frame.width * style_.letterhead_right_column;
    const double left_width = std::max(1.0, right_x - frame.x - style_.letterhead_column_gap);
    const double right_width = std::max(1.0, frame.x + frame.width - right_x);

    structure_.open(Role::Div);
    builder_.begin_block(0);
    builder_.begin_slice(baseline_offset(large, shaper_.metrics()));
    double left = 0;
    for (std::size_t k = 0; k < letterhead.organisation.size(); ++k)
        left = stack_plain(letterhead.organisation[k], k == 0 ? large : small, frame.x, left_width, left);
    double right = stack_plain(letterhead.document_type, large, right_x, right_width, 0);
    right = stack_plain(letterhead.diary_number, small, right_x, right_width, right);
    if (!page_mark_.empty()) {
        // Page furniture even here: its numbers are filled in after pagination.
        shaper_.shape(page_mark_, small, text_, nullptr, true);
        right = stack(text_, right_x, right_width, right);
    }
    double bottom = std::max(left, right);
    const bool has_lower = !letterhead.left_heading.empty() || !letterhead.left_lines.empty() ||
                           !letterhead.right_heading.empty() || !letterhead.right_lines.empty();
    if (has_lower) {
        const double top = bottom + style_.letterhead_block_gap;
        left = right = top;
        for (const auto& line : letterhead.left_heading)
            left = stack_plain(line, small_bold, frame.x, left_width, left);
        for (const auto& line : letterhead.left_lines) left = stack_plain(line, small, frame.x, left_width, left);
        for (const auto& line : letterhead.right_heading)
            right = stack_plain(line, small_bold, right_x, right_width, right);
        for (const auto& line : letterhead.right_lines) right = stack_plain(line, small, right_x, right_width, right);
        bottom = std::max(left, right);
    }
    builder_.end_slice(std::max(bottom, stack_height(1, large))).letterhead = true;
    builder_.end_block(style_.letterhead_space_after);
    structure_.close();
}

// Two signatures to a row: the name, then the title lines under it. A row
// is one slice, so it never splits over pages.
void BlockFlow::signatures(const doc::Signatures& signatures, const Frame& frame) {
    if (signatures.people.empty()) return;
    const TextSetting setting = body();
    const double column = frame.width / 2;
    const double width = std::max(1.0, column - style_.letterhead_column_gap);
    const double offset = baseline_offset(setting, shaper_.metrics());
    structure_.element(structure_.open(Role::Div)).signatures = true;
    builder_.begin_block(style_.signature_space_before);
    for (std::size_t row = 0; row < signatures.people.size(); row += 2) {
        if (row > 0) builder_.add_space(style_.signature_row_gap);
        // The first row keeps with the paragraph before it: a signature is
        // never alone at the top of a page.
        const std::uint32_t slice = builder_.begin_slice(offset, row > 0);
        // The room above the names may shrink so that a letter that would
        // otherwise put its signatures on a second page stays on one.
        if (row == 0)
            builder_.slice(slice).shrink = std::max(0.0, builder_.slice(slice).glue - style_.signature_space_min);
        double bottom = 0;
        for (std::size_t i = row; i < std::min(row + 2, signatures.people.size()); ++i) {
            const doc::Signature& person = signatures.people[i];
            const double x = frame.x + column * static_cast<double>(i - row);
            double y = stack_plain(person.name, setting, x, width, 0);
            for (const auto& line : person.lines) y = stack_plain(line, setting, x, width, y);
            bottom = std::max(bottom, y);
        }
        builder_.end_slice(std::max(bottom, setting.line_height()));
    }
    builder_.end_block(style_.paragraph_space);
    structure_.close();
}

}  // namespace layout
