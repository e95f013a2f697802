#pragma once
// The parts of the package and what the main document shares with them.
// Private to the docx stage.
#include <map>
#include <string>
#include <vector>

#include "document/node.hpp"

namespace docx {

// Sizes and spaces in points, the layout stage's (layout/style.hpp), so that
// the Word file looks like the PDF; copied because this stage depends on the
// document stage only.
namespace look {
inline constexpr double body_size = 11.5;
inline constexpr double paragraph_space = 7.5;
inline constexpr double table_size = 10;
inline constexpr double footnote_size = 9;
inline constexpr double furniture_size = 8.5;
inline constexpr double letterhead_large_size = 12;
inline constexpr double letterhead_small_size = 9.5;
inline constexpr double chart_caption_size = 10;
inline constexpr double chart_label_size = 8.5;
inline constexpr double signature_space_before = 30;
inline constexpr double list_gutter = 18;
inline constexpr double quote_indent = 22;  // a block quotation, left and right
inline constexpr double list_item_space = 3;
inline constexpr double cell_padding_x = 4;
inline constexpr double head_rule = 0.75;
inline constexpr double foot_rule = 0.5;
inline constexpr double bottom_rule = 0.5;
// The running header's baseline is this far above the text area.
inline constexpr double furniture_raise = 14;
struct Heading {
    double size, space_before, space_after;
};
inline constexpr Heading headings[6] = {{15.0, 18.0, 6.0}, {12.5, 15.0, 4.0}, {11.5, 12.0, 3.0},
                                        {11.5, 10.0, 2.0}, {11.5, 10.0, 2.0}, {11.5, 10.0, 2.0}};
}  // namespace look

// A list's numbering instance (numbering.xml <w:num>): each list restarts
// its numbers, so each has its own.
struct ListInstance {
    bool ordered = false;
    int start = 1;
    int level = 0;
};

// What the body refers to and the other parts must hold; filled while the
// body is written, read when the other parts are.
struct Context {
    const doc::Document* document = nullptr;
    std::vector<std::string> footnotes;            // the runs of note i + 1 (w:id = i + 1)
    std::vector<const doc::Chart*> charts;         // word/charts/chart<i + 1>.xml
    std::vector<std::string> links;                // external targets, relationship rIdLink<i + 1>
    std::vector<ListInstance> lists;               // numId = i + 1
    std::map<std::string, std::string> bookmarks;  // heading id -> Word bookmark name
    int next_id = 1;                               // bookmark and drawing ids
    // The width of the text area, in twips.
    long text_width = 0;
    // A table of contents was written: its page numbers are Word's to fill in.
    bool has_contents = false;
};

// Run properties beyond the text's own bold and italic.
struct RunLook {
    bool bold = false;
    double size = 0;   // points; 0 keeps the paragraph style's
    std::string font;  // "" keeps the style's
};

// ---- body.cpp, inlines.cpp ----
std::string runs(const doc::Inlines& content, Context& context, const RunLook& look = {});
std::string text_run(const std::string& text, const RunLook& look = {});
// Appends the body's XML to `pieces`, in pieces of about a megabyte: a long
// document's body is tens of megabytes, and is never held in one buffer
// that doubles as it grows, nor copied (docx::Part).
void append_body(std::vector<std::string>& pieces, const doc::Blocks& blocks, Context& context);
// `space_above`: points above its first lines (in the first page's header,
// down to where the PDF's letterhead begins).
std::string letterhead_table(const doc::Letterhead& letterhead, Context& context, double space_above);
void collect_bookmarks(const doc::Blocks& blocks, Context& context);

// ---- furniture.cpp ----
std::string first_page_header(const doc::Blocks& blocks, Context& context);
std::string default_header(const doc::PageSetup& page, Context& context);
std::string section_properties(const doc::PageSetup& page);

// ---- styles.cpp ----
std::string styles_part(const doc::Document& document);
std::string numbering_part(const Context& context);
std::string settings_part(const doc::Document& document, const Context& context);
std::string footnotes_part(const Context& context);

// ---- package_parts.cpp ----
std::string content_types_part(const Context& context);
std::string package_relationships_part();
std::string document_relationships_part(const Context& context);
std::string core_properties_part(const doc::Document& document);
std::string app_properties_part();

// ---- chart_part.cpp ----
std::string chart_part(const doc::Chart& chart, const std::string& language);
// word/charts/_rels/chart<index>.xml.rels: the chart's embedded workbook.
std::string chart_relationships(std::size_t index);
std::string chart_drawing(const doc::Chart& chart, std::size_t index, Context& context);

// ---- chart_workbook.cpp ----
// The chart's data as a workbook of one sheet, Blad1, for Word's "Edit data".
std::string chart_workbook(const doc::Chart& chart);

}  // namespace docx
