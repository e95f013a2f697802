// Footnotes: each note is set, line by line, right after the slice (a line
// of text, a table row) that references it, as lines of Flow::note_lines
// that pagination takes to the foot of the slice's page.
#include "layout/block_flow.hpp"

namespace layout {

TextSetting BlockFlow::note_setting() const {
    return TextSetting{Family::Serif, style_.footnote_size, style_.footnote_leading, false};
}

Slice& BlockFlow::end_slice(double height) {
    Slice& slice = builder_.end_slice(height);
    std::vector<PendingNote> notes;
    notes.swap(pending_notes_);
    // The reference's line is the target of the note's link back.
    for (const PendingNote& pending : notes)
        builder_.add_anchor(builder_.slice_count() - 1, "fnref-" + pending.note->mark, "", 0);
    for (const PendingNote& pending : notes) note(*pending.note, pending.parent);
    return slice;
}

// The note's mark, superscript as at its reference and a link back to it, a
// word space, then its text across the page's text width (the reference's
// mark links to the note). The Note element is a child of the
// element its reference is in, so that a screen reader meets it there;
// except in a heading, whose text it would become (a heading's text is the
// title an outline or a screen reader's list of headings shows): there it
// follows the heading, in the heading's parent.
void BlockFlow::note(const doc::Footnote& note, std::int32_t parent) {
    for (Role role = structure_.element(parent).role;
         role >= Role::H1 && role <= Role::H6 && structure_.element(parent).parent != kNoElement;
         role = structure_.element(parent).role)
        parent = structure_.element(parent).parent;
    doc::Inlines inlines;
    inlines.reserve(note.content.size() + 2);
    inlines.push_back(doc::Footnote{note.mark, {}, true});
    inlines.push_back(doc::Text{" ", {}, {}});
    inlines.insert(inlines.end(), note.content.begin(), note.content.end());
    shaper_.link_notes_to("#fnref-");
    shaper_.shape(inlines, note_setting(), note_text_);
    shaper_.link_notes_to("#fn-");
    break_lines(note_text_, text_width_, note_lines_);
    structure_.enter(parent);
    structure_.open(Role::Note);
    in_note_ = true;
    const double height = note_text_.setting.line_height();
    for (std::size_t k = 0; k < note_lines_.size(); ++k) {
        const auto begin = static_cast<std::uint32_t>(builder_.items().size());
        set_lines(note_text_, note_lines_, k, k + 1, text_x_, text_width_, 0, doc::Align::Left);
        builder_.add_note_line(begin, height, k == 0 ? style_.footnote_gap : 0.0, k == 0 ? "fn-" + note.mark : "");
    }
    in_note_ = false;
    structure_.close();
    structure_.close();
}

}  // namespace layout
