// Tables: content-sized columns, one slice per row (rows never split unless
// taller than a page), head rows repeated on every page the table continues.
#include <algorithm>

#include "layout/block_flow.hpp"
#include "layout/table_columns.hpp"

namespace layout {

enum class RowRole { Head, Body, Foot };

struct BlockFlow::TableRowRef {
    const doc::TableRow* row = nullptr;
    std::size_t index = 0;  // row index into the shaped cells, row-major
    RowRole role = RowRole::Body;
    bool first_of_role = false;
    bool last_of_role = false;
    bool last = false;
    bool breakable = true;
    std::int32_t repeat = -1;
    double head_height = 0;
};

namespace {

// Head, body and foot in reading order, each row knowing its place.
std::vector<BlockFlow::TableRowRef> collect_rows(const doc::Table& table) {
    std::vector<BlockFlow::TableRowRef> rows;
    auto add = [&](const std::vector<doc::TableRow>& group, RowRole role) {
        for (std::size_t i = 0; i < group.size(); ++i) {
            BlockFlow::TableRowRef ref;
            ref.row = &group[i];
            ref.index = rows.size();
            ref.role = role;
            ref.first_of_role = i == 0;
            ref.last_of_role = i + 1 == group.size();
            rows.push_back(ref);
        }
    };
    add(table.head, RowRole::Head);
    add(table.body, RowRole::Body);
    add(table.foot, RowRole::Foot);
    if (!rows.empty()) rows.back().last = true;
    return rows;
}

std::size_t column_count(const doc::Table& table, const std::vector<BlockFlow::TableRowRef>& rows) {
    std::size_t n = table.columns.size();
    for (const auto& ref : rows) n = std::max(n, ref.row->cells.size());
    return n;
}

}  // namespace

std::size_t BlockFlow::table_head_rows(const std::vector<TableRowRef>& rows) {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [](const TableRowRef& r) { return r.role == RowRole::Head; }));
}

// Shapes every cell once (head rows bold) and returns what each column
// needs, cell padding included. A token longer than a quarter of the text
// width (an e-mail address, a URL, an unbroken word) may break inside its
// cell and does not widen its column's minimum beyond that.
std::vector<ColumnNeeds> BlockFlow::shape_cells(const std::vector<TableRowRef>& rows, std::size_t ncols,
                                                double available) {
    static const doc::Inlines empty_cell;
    const double padding = 2 * style_.cell_padding_x;
    const double long_token = available / 4;
    std::vector<ColumnNeeds> columns(ncols, ColumnNeeds{padding, padding, padding, padding});
    cells_.resize(rows.size() * ncols);
    for (const auto& ref : rows) {
        for (std::size_t c = 0; c < ncols; ++c) {
            const auto& content = c < ref.row->cells.size() ? ref.row->cells[c].content : empty_cell;
            ShapedText& cell = cells_[ref.index * ncols + c];
            const bool head = ref.role == RowRole::Head;
            shaper_.shape(content, table_setting(head), cell);
            const ContentWidths widths = content_widths(cell);
            const double firm = firm_min_width(cell, long_token) + padding;
            ColumnNeeds& column = columns[c];
            column.min = std::max(column.min, firm);
            column.max = std::max(column.max, widths.max + padding);
            if (head)
                column.head = std::max(column.head, widths.max + padding);
            else
                column.body_min = std::max(column.body_min, firm);
        }
    }
    return columns;
}

void BlockFlow::table(const doc::Table& table, const Frame& frame) {
    // Opened already when the table has a caption (BlockFlow::blocks).
    const std::int32_t caption_table = caption_table_;
    const bool captioned = caption_table != kNoElement;
    caption_table_ = kNoElement;
    auto rows = collect_rows(table);
    const std::size_t ncols = column_count(table, rows);
    if (rows.empty() || ncols == 0) {
        if (captioned) structure_.close();
        return;
    }
    const std::vector<ColumnNeeds> needs = shape_cells(rows, ncols, frame.width);
    const std::vector<double> widths = column_widths(needs, frame.width);
    double minima = 0;
    for (const ColumnNeeds& column : needs) minima += column.min;
    cell_lines_.resize(ncols);
    // One Table element however many pages the table runs over; its head
    // rows are TH cells of column scope (ISO 32000-1 §14.8.5.7).
    const std::int32_t element = captioned ? caption_table : structure_.open(Role::Table);
    structure_.element(element).slack = minima <= frame.width;
    builder_.begin_block(style_.table_space);
    const std::size_t head_first = builder_.slice_count();
    std::int32_t group = -1;
    double head_height = 0;
    std::vector<std::size_t> row_slices;  // the first slice of each row
    for (auto& ref : rows) {
        row_slices.push_back(builder_.slice_count());
        if (ref.role != RowRole::Head && !table.head.empty() && group < 0) {
            group = builder_.make_group(head_first, builder_.slice_count());
            for (std::size_t s = head_first; s < builder_.slice_count(); ++s) head_height += builder_.slice(s).height;
        }
        // The head stays with the first body row, the total row with the
        // row above it; elsewhere a page may end between rows.
        ref.breakable = ref.index == 0 || (ref.role == RowRole::Body && !(ref.first_of_role && !table.head.empty()));
        ref.repeat = ref.role == RowRole::Head ? -1 : group;
        ref.head_height = ref.role == RowRole::Head ? 0 : head_height;
        table_row(ref, widths, table, frame);
    }
    keep_table_rows(rows, row_slices, table.body.size());
    builder_.end_block(style_.table_space);
    structure_.close();
}

// Where a table may break over pages, as a typesetter splits one:
// - a table that fits on a page is not split: it moves whole to the next
//   page (its rows are kept together);
// - else a part has at least kMinRows body rows on each side of a break, the
//   repeated head and the total row not counted.
// The breaks these rules forbid between body rows stay fallbacks: a keep
// longer than a page (a heading, its lead-in and a table) still breaks
// between rows rather than inside one.
void BlockFlow::keep_table_rows(const std::vector<TableRowRef>& rows, const std::vector<std::size_t>& row_slices,
                                std::size_t body_rows) {
    constexpr std::size_t kMinRows = 3;
    const std::size_t first = row_slices.front();
    double height = 0;
    for (std::size_t s = first; s < builder_.slice_count(); ++s)
        height += builder_.slice(s).height + (s > first ? builder_.slice(s).glue : 0);
    const bool whole = height <= page_body_height_;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        Slice& slice = builder_.slice(row_slices[r]);
        if (!slice.breakable) continue;  // the head with the first row, the total row with the last
        const std::size_t before = rows[r].index - table_head_rows(rows);
        const bool allowed = !whole && before >= kMinRows && body_rows - before >= kMinRows;
        if (allowed) continue;
        slice.breakable = false;
        slice.fallback = true;
    }
}

void BlockFlow::table_row(const TableRowRef& row, const std::vector<double>& widths, const doc::Table& table,
                          const Frame& frame) {
    const std::size_t ncols = widths.size();
    structure_.open(Role::TR);
    cell_elements_.clear();
    for (std::size_t c = 0; c < ncols; ++c) {
        // Every cell has its element, an empty one too, so that the columns
        // of a row do not shift. The total row's label ("Summa") heads its
        // row, as the HTML's <th scope="row">.
        const bool head = row.role == RowRole::Head;
        const bool row_head =
            row.role == RowRole::Foot && c == 0 && !row.row->cells.empty() && !row.row->cells[0].content.empty();
        cell_elements_.push_back(structure_.add(head || row_head ? Role::TH : Role::TD));
        if (head || row_head)
            structure_.element(cell_elements_.back()).scope = head ? HeaderScope::Column : HeaderScope::Row;
    }
    structure_.close();
    const double pad_x = style_.cell_padding_x;
    const double pad_y = style_.cell_padding_y;
    std::size_t nlines = 1;
    for (std::size_t c = 0; c < ncols; ++c) {
        break_lines(cells_[row.index * ncols + c], std::max(1.0, widths[c] - 2 * pad_x), cell_lines_[c],
                    breaking(doc::Align::Left));
        nlines = std::max(nlines, cell_lines_[c].size());
    }
    const ShapedText& first = cells_[row.index * ncols];
    const double line_height = first.setting.line_height();
    const double offset = baseline_offset(first, shaper_.metrics());
    double table_width = 0;
    for (const double w : widths) table_width += w;
    // A row taller than a page is split between its lines, never inside one.
    const bool split = 2 * pad_y + static_cast<double>(nlines) * line_height + row.head_height > page_body_height_;
    const std::size_t step = split ? 1 : nlines;
    for (std::size_t a = 0; a < nlines; a += step) {
        const std::size_t b = std::min(nlines, a + step);
        const double top = a == 0 ? pad_y : 0;
        const double height = top + static_cast<double>(b - a) * line_height + (b == nlines ? pad_y : 0);
        builder_.begin_slice(top + offset, a == 0 ? row.breakable : true);
        // The rules are layout artifacts (ISO 32000-1 §14.8.2.2.2): the
        // structure, not the lines, says where rows and cells are.
        if (a == 0 && row.role == RowRole::Foot && row.first_of_role)
            builder_.items().push_back(Item{Rule{frame.x, 0, frame.x + table_width, 0, style_.foot_rule}, true});
        double x = frame.x;
        for (std::size_t c = 0; c < ncols; ++c) {
            const auto& lines = cell_lines_[c];
            const auto align = c < table.columns.size() ? table.columns[c].align : doc::Align::Left;
            const double inner = std::max(1.0, widths[c] - 2 * pad_x);
            structure_.enter(cell_elements_[c]);
            // An empty cell gets an empty run, so that its element has
            // content on the page: a reader that builds the tree from a
            // page's content (pdf.js) would otherwise leave the cell out
            // and shift the columns after it.
            if (a == 0 && cells_[row.index * ncols + c].empty()) {
                const ShapedText& cell = cells_[row.index * ncols + c];
                builder_.items().push_back(Item{TextRun{x + pad_x,
                                                        top + offset,
                                                        font_for(cell.setting.family, cell.setting.bold, false),
                                                        cell.setting.size,
                                                        {},
                                                        0,
                                                        {}},
                                                false, cell_elements_[c]});
            }
            for (std::size_t k = a; k < std::min(b, lines.size()); ++k)
                set_lines(cells_[row.index * ncols + c], lines, k, k + 1, x + pad_x, inner,
                          top + static_cast<double>(k - a) * line_height, align);
            structure_.close();
            x += widths[c];
        }
        if (b == nlines) {
            const bool head_end = row.role == RowRole::Head && row.last_of_role;
            if (head_end || row.last) {
                const double thickness = head_end ? style_.head_rule : style_.bottom_rule;
                builder_.items().push_back(Item{Rule{frame.x, height, frame.x + table_width, height, thickness}, true});
            }
        }
        end_slice(height).repeat = row.repeat;
    }
}

}  // namespace layout
