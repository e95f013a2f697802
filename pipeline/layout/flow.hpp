#pragma once
// The vertical list between block layout and pagination: the document as a
// sequence of unbreakable slices (a line, a table row, a letterhead) with the
// space above each, whether a page may end before it, and what to repeat when
// it opens a page. Like TeX's vertical list of boxes, glue and penalties, but
// with only "allowed" and "forbidden" breaks.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "layout/line_setting.hpp"
#include "layout/paged_document.hpp"

namespace layout {

struct Slice {
    double height = 0;
    double glue = 0;  // space above; dropped at the top of a page
    // How much of `glue` may go when the slice would not fit otherwise (the
    // room above the signatures, so that a letter stays on its one page).
    double shrink = 0;
    // Items in Flow::items, x on the page, y relative to the slice's top.
    std::uint32_t item_begin = 0;
    std::uint32_t item_end = 0;
    std::int32_t repeat = -1;  // Flow::groups index: a table head repeated when this slice opens a page
    bool breakable = true;     // a page may end just before this slice
    // A page may end here when no breakable slice is left on the page (a
    // keep longer than a page): a table's rows kept together only to move
    // the table whole, a list's items kept from its ends.
    bool fallback = false;
    bool force_break = false;  // doc::PageBreak: this slice opens a page
    bool letterhead = false;   // carries the page mark of its page
    // Flow::note_lines [note_begin, note_end): the footnotes referenced in
    // this slice, which go to the foot of its page.
    std::uint32_t note_begin = 0;
    std::uint32_t note_end = 0;
};

// One line of a footnote's text. Items in Flow::items, x on the page, y
// relative to the line's top; `glue` is the space above the first line of a
// note, dropped when the note is the first on its page.
struct NoteLine {
    std::uint32_t item_begin = 0;
    std::uint32_t item_end = 0;
    double height = 0;
    double glue = 0;
    std::string anchor;  // the note's link target ("fn-1"), on its first line
};

// The foot of a page that has notes: `space` from the body's bottom to the
// first note's line box, with a rule of `rule_width` and `rule_thickness`
// at `rule_x`, `rule_gap` above that line box.
struct NoteArea {
    double space = 0;
    double rule_x = 0;
    double rule_width = 0;
    double rule_thickness = 0.4;
    double rule_gap = 0;
};

// Items placed together outside the slices: a table's head rows for repeating.
struct Group {
    std::uint32_t item_begin = 0;
    std::uint32_t item_end = 0;
    double height = 0;
};

struct FlowAnchor {
    std::uint32_t slice = 0;
    std::string id;
    std::string title;
    int level = 1;
};

// A page number or count in the flow, with the items of its line, so that
// the line can be re-aligned once the real number is known.
struct FlowField {
    std::uint32_t item = 0;
    std::uint32_t line_begin = 0;
    std::uint32_t line_end = 0;
    Field field = Field::None;
    doc::Align align = doc::Align::Left;
};

// A table-of-contents page number: the page its heading lands on is known
// only after pagination. The run (empty until then) ends at `right`.
struct FlowPageRef {
    std::uint32_t item = 0;
    std::string id;
    double right = 0;
};

struct Flow {
    std::vector<Item> items;
    std::vector<Slice> slices;
    std::vector<Group> groups;
    std::vector<FlowAnchor> anchors;
    std::vector<FlowField> fields;         // in item order
    std::vector<FlowPageRef> page_refs;    // in item order
    std::vector<StructElement> structure;  // what Item::structure indexes
    std::vector<NoteLine> note_lines;      // in the order of the references
    NoteArea note_area;
};

class FlowBuilder {
public:
    explicit FlowBuilder(Flow& flow) : flow_(flow) {}

    // A block's space above collapses with the space below the previous
    // block: the larger wins, as with CSS margins.
    void begin_block(double space_before);
    void end_block(double space_after);
    // The next block gets exactly this space above (list items), whatever
    // it and the previous block ask for.
    void set_next_space(double space);
    // Space inside a block, before its next slice.
    void add_space(double space);
    // No page break before the next `slices` slices: a heading keeps with
    // the first two lines of what follows, a lead-in with its list's first.
    void keep_with_next(int slices = 1) { keep_ = std::max(keep_, slices); }
    void force_page_break() { force_ = true; }

    // A list marker, drawn in the next slice on that slice's first baseline,
    // tagged with `element` (its Lbl).
    void add_marker(const TextRun& run, std::int32_t element) { markers_.push_back(Item{run, false, element}); }
    bool has_markers() const { return !markers_.empty(); }

    std::uint32_t begin_slice(double first_baseline, bool breakable = true);
    std::vector<Item>& items() { return flow_.items; }
    void record_fields(const std::vector<FieldMark>& marks, std::uint32_t line_begin, doc::Align align);
    Slice& end_slice(double height);
    // A footnote line placed after the slice it belongs to (the last one
    // ended): its items are those added since the previous call or slice.
    void add_note_line(std::uint32_t item_begin, double height, double glue, std::string anchor);

    std::size_t slice_count() const { return flow_.slices.size(); }
    const Slice& slice(std::size_t index) const { return flow_.slices[index]; }
    // A slice already ended, for keeps decided once a whole block is known
    // (a table that fits on a page, a list's first and last items).
    Slice& slice(std::size_t index) { return flow_.slices[index]; }
    // Copies the items of slices [first, last) into a group, stacked. The
    // copies are artifacts: the originals carry the structure.
    std::int32_t make_group(std::size_t first, std::size_t last);
    void add_anchor(std::size_t slice, std::string id, std::string title, int level);
    void add_page_ref(std::string id, double right) {
        flow_.page_refs.push_back(
            FlowPageRef{static_cast<std::uint32_t>(flow_.items.size() - 1), std::move(id), right});
    }

private:
    Flow& flow_;
    std::vector<Item> markers_;
    double pending_glue_ = 0;
    double pending_after_ = 0;
    double next_space_ = -1;
    int keep_ = 0;
    bool force_ = false;
};

}  // namespace layout
