#pragma once
// Every typographic constant of the layout stage, each with its reason. The
// defaults reproduce Stockholm's committee document form (house-style.md):
// Liberation Serif body text, Liberation Sans headings and letterhead, A4.
// Lengths are in PostScript points; sizes are font sizes in points.
#include <array>
#include <string>

namespace layout {

struct HeadingStyle {
    double size = 11.5;
    double space_before = 12;  // more above than below: a heading belongs to what follows
    double space_after = 3;
};

struct Style {
    // ---- Body text --------------------------------------------------------
    // The committee form's body size (house style). Liberation Serif has
    // Times' widths, so a 160 mm line holds about 85 characters.
    double body_size = 11.5;
    // 1.3 × size: Liberation Serif's own ascent + descent is about 1.1 em, so
    // this leaves a visible gap between lines without looking double-spaced.
    double body_leading = 1.3;
    // Half a body line between paragraphs (11.5 × 1.3 / 2 ≈ 7.5): the seeds
    // separate paragraphs by space, not by indentation.
    double paragraph_space = 7.5;
    // At least two lines of a paragraph on each side of a page break (the
    // usual orphan and widow control; one line alone is the classic fault).
    int orphans = 2;
    int widows = 2;
    // Justified paragraphs hyphenate the next word when a line's word
    // spaces would otherwise stretch by more than half their width: TeX's
    // fonts allow an interword stretch of half the space (cmr10: 3.33 pt
    // space, 1.67 pt stretch) before a line counts as loose.
    double hyphenate_stretch = 0.5;
    // No more than two hyphenated lines in a row: a ladder of hyphens down
    // the right edge is the classic fault of justified text (TeX's
    // \doublehyphendemerits, word processors' "consecutive hyphens" limit).
    int max_consecutive_hyphens = 2;

    // ---- Headings (Liberation Sans Bold) ----------------------------------
    // Tighter than the body: headings are short and often one line.
    double heading_leading = 1.2;
    // Level 1 is the document title; levels 3–6 share the body size and are
    // told apart from the serif body by the bold sans face alone. Space
    // above is larger than below: a heading belongs to what follows.
    std::array<HeadingStyle, 6> headings = {{
        {15.0, 18.0, 6.0},
        {12.5, 15.0, 4.0},
        {11.5, 12.0, 3.0},
        {11.5, 10.0, 2.0},
        {11.5, 10.0, 2.0},
        {11.5, 10.0, 2.0},
    }};
    // Between a heading's number and its text ("2.1 Bakgrund"): a word space
    // keeps the number part of the heading when a reader copies it.
    std::string heading_number_separator = " ";

    // ---- Lists ------------------------------------------------------------
    // The marker gutter: "10." is 14.4 pt in 11.5 pt Liberation Serif, so 18 pt
    // (a quarter inch, as word processors indent) leaves a gap up to item 99.
    double list_gutter = 18;
    double quote_indent = 22;  // a block quotation, left and right: two em of body text
    // Items are closer than paragraphs so a list reads as one block.
    double list_item_space = 3;
    std::string bullet = "\u2022";

    // ---- Tables -----------------------------------------------------------
    // Amount tables have five or six columns on a 453 pt line; 10 pt fits
    // "Stadsdelsförvaltning" and two amounts per row without wrapping.
    double table_size = 10;
    double table_leading = 1.25;
    // About 4 pt left and right keeps neighbouring right-aligned amounts and
    // left-aligned names apart; less vertically as rules separate the rows.
    double cell_padding_x = 4;
    double cell_padding_y = 2;
    double head_rule = 0.75;   // under the head rows: the strongest rule of the table
    double foot_rule = 0.5;    // above the total row
    double bottom_rule = 0.5;  // closes the table
    double table_space = 7.5;  // same as a paragraph gap above and below

    // ---- Letterhead (first page, Liberation Sans) ---------------------------
    double letterhead_large_size = 12;   // organisation name and document type
    double letterhead_small_size = 9.5;  // the other lines: secondary information
    double letterhead_leading = 1.3;
    // The right column starts at 55 % of the text width, where Stockholm's
    // form puts "TJÄNSTEUTLÅTANDE" and the page mark.
    double letterhead_right_column = 0.55;
    double letterhead_column_gap = 12;   // keeps a long left line off the right column
    double letterhead_block_gap = 18;    // between the top block and "Handläggare"/"Till"
    double letterhead_space_after = 30;  // the title must stand clear of the header

    // ---- Signatures -------------------------------------------------------
    // Room above the names, as for a handwritten signature on paper.
    double signature_space_before = 30;
    double signature_space_min = 15;  // when a letter would otherwise run onto a second page
    double signature_row_gap = 18;

    // ---- Table of contents -------------------------------------------------
    // Each level indented by a list gutter, so that levels read like nested lists.
    double contents_indent = 18;
    // Between an entry's number column and its title: a generous word space.
    double contents_number_gap = 6;
    // Room kept free on each side of the dot leaders, so that dots never
    // touch the title or the page number.
    double contents_leader_gap = 4;
    // ". " repeated: the classic dot leader, one dot per two character widths.
    std::string contents_leader = ". ";
    // The page number column holds three digits (up to page 999), so that a
    // number never changes how a title wraps: the table's height does not
    // depend on the numbers and one pagination gives them all.
    int contents_page_digits = 3;
    // Above each top-level entry: sets the groups of subsections apart.
    double contents_group_space = 4;

    // ---- Footnotes ----------------------------------------------------------
    // The reference mark: two thirds of the text size, raised by a third of
    // it, as word processors set a superscript.
    double superscript_scale = 2.0 / 3.0;
    double superscript_rise = 1.0 / 3.0;
    // The note text: smaller than the body, close to the table size, so
    // that notes read as secondary; set across the whole text width.
    double footnote_size = 9;
    double footnote_leading = 1.25;
    // Between the body's last line and the notes, with a short rule in it
    // (LaTeX's \skip\footins is 9 pt for 10 pt text; its \footnoterule is
    // 0.4 pt thick and 0.4 of the column wide, 2.6 pt above the first note).
    double footnote_space = 10;
    double footnote_rule_width = 0.4;  // of the text width
    double footnote_rule = 0.4;
    double footnote_rule_gap = 3;  // from the rule to the first note's line box
    double footnote_gap = 2;       // between two notes

    // ---- Page furniture (running header and page mark) --------------------
    // Smaller than the body so that it never competes with the text.
    double furniture_size = 8.5;
    double furniture_leading = 1.2;
    // Baseline this far above the top of the text area: 14 pt puts it 15 mm
    // from the top of an A4 page with the default 20 mm margin.
    double furniture_rise = 14;
    double furniture_gap = 12;  // between the running header and the page mark

    // ---- Charts (Liberation Sans) -------------------------------------------
    // Labels a size below the tables: a chart's text is secondary to its
    // shapes, but 8.5 pt still reads on paper and on a tablet.
    double chart_label_size = 8.5;
    double chart_caption_size = 10;  // the title, bold, above the chart
    // The chart's geometry, strokes and greys: chart::Settings, one place
    // for the PDF and the HTML.

    // Estimated width, in digits, of a page number or count met in body text
    // before the page count is known; the line is re-aligned afterwards.
    int field_estimate_digits = 2;
};

}  // namespace layout
