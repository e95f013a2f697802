#pragma once
// doc::Document: what a document says and how it is structured, with no
// geometry. Templates produce it; layout turns it into pages; the PDF writer
// (and later an HTML writer) render from it. Like pandoc's `Pandoc Meta [Block]`
// or cmark's node tree: plain data, no behaviour beyond dump().
//
// All text is UTF-8. Numbers reach this tree already formatted the Swedish way
// (non-breaking spaces in "4 000 000", decimal comma): layout never formats.
#include <string>
#include <variant>
#include <vector>

namespace doc {

// ---- Inline content -------------------------------------------------------

struct TextStyle {
    bool bold = false;
    bool italic = false;
    bool operator==(const TextStyle&) const = default;
};

// A run of text in one style. `link` is empty, an internal target ("#id"),
// or a URL.
struct Text {
    std::string text;
    TextStyle style;
    std::string link;
};

// A forced line break inside a paragraph (Markdown's hard break).
struct LineBreak {};

// Replaced by layout once pages are known: the current page number or the
// total page count ("Sida {page} ({pages})").
struct PageNumber {};
struct PageCount {};

struct Footnote;

using Inline = std::variant<Text, LineBreak, PageNumber, PageCount, Footnote>;
using Inlines = std::vector<Inline>;

// A footnote reference: `mark` is the note's number, counted through the
// document in the order of the references (Markdown's "[^label]", numbered
// as cmark-gfm numbers them). The note's text is `content`; a note of
// several paragraphs has them joined by LineBreak. A second reference to a
// note already referenced is `repeat`, with empty content: the note is
// printed once, at its first reference.
struct Footnote {
    std::string mark;
    Inlines content;
    bool repeat = false;
};

// ---- Blocks ---------------------------------------------------------------

struct Block;
using Blocks = std::vector<Block>;

// Justify: paragraphs only; both edges straight, the last line ragged.
enum class Align { Left, Right, Center, Justify };

struct Paragraph {
    Inlines content;
    Align align = Align::Left;  // ragged right is the house style
    bool quote = false;         // part of a block quotation (Markdown "> ")
};

struct Heading {
    int level = 1;       // 1..6
    std::string number;  // "2.1.1" when the document numbers its headings
    std::string id;      // anchor for cross-references and bookmarks
    Inlines content;
    bool listed = true;  // false: left out of a table of contents ({.unlisted})
};

struct List {
    bool ordered = false;
    int start = 1;              // first number of an ordered list
    std::vector<Blocks> items;  // each item is a sequence of blocks
};

struct TableCell {
    Inlines content;
};

struct TableRow {
    std::vector<TableCell> cells;
};

struct TableColumn {
    Align align = Align::Left;
};

// head rows repeat when a table continues on the next page; foot rows (the
// total row) are set in bold by the template, not by the table.
struct Table {
    std::vector<TableColumn> columns;
    std::vector<TableRow> head;
    std::vector<TableRow> body;
    std::vector<TableRow> foot;
};

// The first-page header block of a Stockholm committee document:
// organisation and department on the left, document type, diary number and
// page mark on the right, then the case officers ("Handläggare") and the
// addressee ("Till") with the date.
struct Letterhead {
    std::vector<std::string> organisation;   // e.g. {"Socialförvaltningen", "Avdelningen för ..."}
    std::string document_type;               // "Tjänsteutlåtande"
    std::string diary_number;                // "Dnr 1.6-0612/2024"; may be empty
    std::vector<std::string> left_heading;   // "Handläggare"
    std::vector<std::string> left_lines;     // names and phone numbers
    std::vector<std::string> right_heading;  // "Till"
    std::vector<std::string> right_lines;    // addressee, date
};

// Signatures side by side, two to a row: name, then title lines.
struct Signature {
    std::string name;
    std::vector<std::string> lines;  // title, organisation
};

struct Signatures {
    std::vector<Signature> people;
};

struct PageBreak {};

// A table of contents: the headings of levels [min_level, max_level] in
// document order; layout adds the page numbers once pages are known.
struct ContentsEntry {
    int level = 2;
    std::string number;  // may be empty (an unnumbered heading)
    std::string id;      // the heading's anchor: each entry links to it
    Inlines title;
};

struct TableOfContents {
    int min_level = 2;
    int max_level = 3;
    std::vector<ContentsEntry> entries;
};

// A chart, for figures a reader would rather look at than read. Everything
// that depends on the data alone is decided in the document stage: the scale
// of the value axis, every label already formatted the Swedish way, and the
// alternative text; layout only maps it onto the page, and the PDF and HTML
// writers only paint it. Values are plain numbers in `unit`.
enum class ChartKind {
    Columns,  // vertical bars, one group per category, one bar per series
    Bars,     // horizontal bars: long category names, many categories
    Line,     // one line per series over the categories (years)
};

struct ChartSeries {
    std::string name;                 // legend text; may be empty with one series
    std::vector<double> values;       // one per category
    std::vector<std::string> labels;  // the values formatted ("3 836")
};

struct ChartTick {
    double value = 0;
    std::string label;  // "1 000"
};

struct Chart {
    ChartKind kind = ChartKind::Columns;
    std::string title;  // the caption, shown above the chart
    std::string unit;   // of the value axis ("tkr", "procent"); may be empty
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    // The value axis runs from ticks.front() to ticks.back(), which include
    // zero and every value.
    std::vector<ChartTick> ticks;
    // Empty, or one axis per series when the series differ by more than an
    // order of magnitude: each series is then drawn in a panel of its own,
    // so that the smaller one is not a few pixels high beside the larger.
    std::vector<std::vector<ChartTick>> panel_ticks;
    std::string alt;  // alternative text (generated from the data unless given)
};

struct Block {
    std::variant<Paragraph, Heading, List, Table, Letterhead, Signatures, PageBreak, TableOfContents, Chart> node;
};

// ---- The document ---------------------------------------------------------

struct Metadata {
    std::string title;
    std::string author;
    std::string subject;
    std::string language = "sv-SE";
    std::string date;  // ISO date of the document, from the data (never the clock)
    // For case systems (templates/README.md): the headings of the sections
    // that are the summary and the numbered decision points; empty when the
    // template names none.
    std::string summary_section;
    std::string decision_section;
};

// Page furniture. Lengths in PostScript points (1/72 inch).
struct PageSetup {
    double width = 595.276;  // A4
    double height = 841.89;
    double margin_top = 56.7;  // 20 mm
    double margin_bottom = 56.7;
    double margin_left = 70.87;  // 25 mm
    double margin_right = 70.87;
    // Running header on every page but the first (the letterhead is there).
    Inlines running_header;
    // Page mark, e.g. "Sida " PageNumber " (" PageCount ")". Where it stands:
    // on the first page inside the letterhead, on later pages top right.
    Inlines page_mark;
};

struct Document {
    Metadata meta;
    PageSetup page;
    Blocks body;
};

// A stable, human-readable dump for golden tests (one node per line, indented).
std::string dump(const Document& document);

}  // namespace doc
