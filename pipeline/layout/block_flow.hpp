#pragma once
// Block layout: doc blocks become slices of the flow, one per line for text
// (so that pages can break between lines) and one per row for tables.
#include <string_view>
#include <vector>

#include "chart/geometry.hpp"
#include "document/node.hpp"
#include "layout/flow.hpp"
#include "layout/line_breaking.hpp"
#include "layout/structure.hpp"
#include "layout/table_columns.hpp"
#include "layout/style.hpp"
#include "layout/text_shaping.hpp"

namespace layout {

// The horizontal extent blocks are set in; lists narrow it.
struct Frame {
    double x = 0;
    double width = 0;
    int list_depth = 0;
};

class BlockFlow {
public:
    // The page setup gives the height of the text area (for splitting table
    // rows taller than a page) and the page mark the letterhead shows.
    // `hyphenator` may be null: then nothing is hyphenated.
    BlockFlow(const Style& style, TextShaper& shaper, Flow& flow, const doc::PageSetup& page,
              const Hyphenator* hyphenator = nullptr);

    void blocks(const doc::Blocks& blocks, const Frame& frame);

    struct TableRowRef;  // a row between the table phases (table_flow.cpp)

private:
    void block(const doc::Block& block, const Frame& frame);
    void paragraph(const doc::Paragraph& paragraph, const Frame& frame, Role role = Role::P);
    void heading(const doc::Heading& heading, const Frame& frame);
    void list(const doc::List& list, const Frame& frame);
    void table(const doc::Table& table, const Frame& frame);                 // table_flow.cpp
    void letterhead(const doc::Letterhead& letterhead, const Frame& frame);  // form_blocks.cpp
    void signatures(const doc::Signatures& signatures, const Frame& frame);  // form_blocks.cpp
    void contents(const doc::TableOfContents& toc, const Frame& frame);      // contents_flow.cpp
    void chart(const doc::Chart& chart, const Frame& frame);                 // chart_flow.cpp
    chart::Settings chart_settings() const;
    void contents_entry(const doc::ContentsEntry& entry, double x, double number_width, const Frame& frame,
                        std::int32_t link);
    void leaders(double from, double to, double baseline);

    // One slice per line, breakable where orphan and widow control allow.
    void line_slices(const ShapedText& text, const Frame& frame, doc::Align align, bool keep_together);
    // Sets `text` line after line inside the open slice from `top`; returns the bottom.
    double stack(const ShapedText& text, double x, double width, double top, doc::Align align = doc::Align::Left);
    double stack_plain(std::string_view utf8, const TextSetting& setting, double x, double width, double top);
    void set_lines(const ShapedText& text, const std::vector<Line>& lines, std::size_t first, std::size_t last,
                   double x, double width, double top, doc::Align align);
    BreakOptions breaking(doc::Align align) const;

    // Footnotes (note_flow.cpp). Ends the open slice and sets the notes its
    // lines referenced, one NoteLine per line, after it.
    Slice& end_slice(double height);
    void note(const doc::Footnote& note, std::int32_t parent);
    TextSetting note_setting() const;

    std::vector<ColumnNeeds> shape_cells(const std::vector<TableRowRef>& rows, std::size_t ncols, double available);
    void keep_table_rows(const std::vector<TableRowRef>& rows, const std::vector<std::size_t>& row_slices,
                         std::size_t body_rows);
    static std::size_t table_head_rows(const std::vector<TableRowRef>& rows);
    void table_row(const TableRowRef& row, const std::vector<double>& widths, const doc::Table& table,
                   const Frame& frame);

    TextSetting body() const;
    TextSetting heading_setting(int level) const;
    TextSetting table_setting(bool head) const;

    const Style& style_;
    TextShaper& shaper_;
    const Hyphenator* hyphenator_;
    FlowBuilder builder_;
    StructureBuilder structure_;  // the element the text placed now belongs to
    double page_body_height_;
    const doc::Inlines& page_mark_;
    ShapedText text_;
    ShapedText marker_;
    std::vector<Line> lines_;
    std::vector<FieldMark> marks_;
    // Table scratch, reused from table to table.
    std::vector<ShapedText> cells_;
    std::vector<std::vector<Line>> cell_lines_;
    std::vector<std::int32_t> cell_elements_;  // TH/TD of the row being set
    // Footnotes referenced in the open slice, with the element their
    // reference is in (the note's parent in the structure tree).
    struct PendingNote {
        const doc::Footnote* note = nullptr;
        std::int32_t parent = kNoElement;
    };
    std::vector<PendingNote> pending_notes_;
    ShapedText note_text_;
    std::vector<Line> note_lines_;
    // The Table element opened for a caption, which the table after it enters.
    std::int32_t caption_table_ = kNoElement;
    bool in_note_ = false;  // a reference inside a note's own text is not followed
    double text_x_;         // the page's text area, across which notes are set
    double text_width_;
};

}  // namespace layout
