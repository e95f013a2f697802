// The document's blocks and inline runs as HTML. Each node kind is one
// overload of the visitors below, with no generic fallback: a node added to
// the doc tree (node.hpp) is a compile error here until it has its markup.
#include <sstream>
#include <variant>

#include "document/plain_text.hpp"
#include "html/chart_svg.hpp"
#include "html/escape.hpp"
#include "html/writer.hpp"

namespace html {

namespace {

// Only what a template can mean: in-page anchors and web or mail addresses.
// Anything else (a "javascript:" URL) is shown as text, never followed.
bool safe_link(const std::string& target) {
    for (const char* scheme : {"#", "http://", "https://", "mailto:"})
        if (target.rfind(scheme, 0) == 0) return true;
    return false;
}

std::string styled(const doc::Text& run) {
    std::string text = escape(run.text);
    if (run.style.italic) text = "<em>" + text + "</em>";
    if (run.style.bold) text = "<strong>" + text + "</strong>";
    return text;
}

// Consecutive runs with the same link become one <a>, so that a screen
// reader announces one link with its whole text (WCAG 2.4.4).
class InlineWriter {
public:
    explicit InlineWriter(std::ostringstream& out) : out_(out) {}
    ~InlineWriter() { set_link(""); }

    void operator()(const doc::Text& run) {
        set_link(safe_link(run.link) ? run.link : "");
        out_ << styled(run);
    }
    void operator()(const doc::LineBreak&) { out_ << "<br>"; }
    // Page fields mean nothing in a page-less rendering.
    void operator()(const doc::PageNumber&) {}
    void operator()(const doc::PageCount&) {}
    // A superscript link to the note in the list of notes, and back
    // (DPUB-ARIA doc-noteref / doc-backlink; notes.cpp writes the list).
    void operator()(const doc::Footnote& note) {
        set_link("");
        const std::string mark = escape(note.mark);
        out_ << "<sup><a href=\"#fn-" << mark << "\"" << (note.repeat ? "" : " id=\"fnref-" + mark + "\"")
             << " role=\"doc-noteref\" aria-label=\"fotnot " << mark << "\">" << mark << "</a></sup>";
    }

private:
    void set_link(const std::string& link) {
        if (link == open_) return;
        if (!open_.empty()) out_ << "</a>";
        if (!link.empty()) out_ << "<a href=\"" << escape(link) << "\">";
        open_ = link;
    }
    std::ostringstream& out_;
    std::string open_;
};

std::string inlines(const doc::Inlines& content) {
    std::ostringstream out;
    {
        InlineWriter writer(out);
        for (const auto& node : content) std::visit(writer, node);
    }
    return out.str();
}

const char* align_class(doc::Align align) {
    switch (align) {
        case doc::Align::Left: return "";
        case doc::Align::Right: return "number";
        case doc::Align::Center: return "center";
        case doc::Align::Justify:  // paragraphs only; a cell stays ragged
            return "";
    }
    return "";
}

// An identifier, date or amount ("LUM-01", "2024-11-27", "4 500 000") of
// one word: a browser would break it at its hyphen when the column is
// narrow, which the PDF never does. Twelve characters hold every such value
// of these documents and are still narrow enough for any column.
constexpr std::size_t kUnbreakableCell = 12;

bool keep_on_one_line(const doc::TableCell& c) {
    const auto text = doc::plain_text(c.content);
    std::size_t characters = 0;
    for (const char ch : text) characters += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return !text.empty() && text.find(' ') == std::string::npos && characters <= kUnbreakableCell;
}

std::string cell(const char* tag, const char* scope, doc::Align align, const doc::TableCell& c) {
    std::string html = std::string("<") + tag;
    if (*scope) html += std::string(" scope=\"") + scope + "\"";
    std::string classes = align_class(align);
    if (keep_on_one_line(c)) classes += classes.empty() ? "nowrap" : " nowrap";
    if (!classes.empty()) html += " class=\"" + classes + "\"";
    return html + ">" + inlines(c.content) + "</" + tag + ">";
}

// Head rows: column headers. Foot rows (the total row, "Totalt"): the
// first cell names the row, so it is a row header. Body rows carry no
// header role in the doc tree and stay data cells.
enum class RowPart { Head, Body, Foot };

std::string row(const doc::Table& table, const doc::TableRow& r, RowPart part) {
    std::string html = "<tr>";
    for (std::size_t i = 0; i < r.cells.size(); ++i) {
        const auto align = i < table.columns.size() ? table.columns[i].align : doc::Align::Left;
        const bool row_header = part == RowPart::Foot && i == 0 && !r.cells[i].content.empty();
        if (part == RowPart::Head)
            html += cell("th", "col", align, r.cells[i]);
        else if (row_header)
            html += cell("th", "row", align, r.cells[i]);
        else
            html += cell("td", "", align, r.cells[i]);
    }
    return html + "</tr>\n";
}

std::string row_group(const doc::Table& table, const std::vector<doc::TableRow>& rows, const char* tag, RowPart part) {
    if (rows.empty()) return "";
    std::string html = std::string("<") + tag + ">\n";
    for (const auto& r : rows) html += row(table, r, part);
    return html + "</" + tag + ">\n";
}

std::string lines_of(const std::vector<std::string>& lines, const char* first_class) {
    std::string html;
    for (std::size_t i = 0; i < lines.size(); ++i)
        html += (i == 0 && *first_class ? std::string("<p class=\"") + first_class + "\">" : std::string("<p>")) +
                escape(lines[i]) + "</p>\n";
    return html;
}

// "Handläggare" with its names, "Till" with the addressee: a description
// list, each heading line a term and each line a description.
std::string labelled_lines(const std::vector<std::string>& headings, const std::vector<std::string>& lines) {
    if (headings.empty()) return lines.empty() ? "<div></div>\n" : "<div>\n" + lines_of(lines, "") + "</div>\n";
    std::string html = "<dl>\n";
    for (const auto& h : headings) html += "<dt>" + escape(h) + "</dt>\n";
    for (const auto& l : lines) html += "<dd>" + escape(l) + "</dd>\n";
    return html + "</dl>\n";
}

struct BlockWriter {
    const doc::Paragraph* caption = nullptr;  // set for the table that follows a caption paragraph

    std::string operator()(const doc::Paragraph& p) const {
        const char* align = p.align == doc::Align::Right    ? " class=\"align-right\""
                            : p.align == doc::Align::Center ? " class=\"align-center\""
                                                            : "";
        const std::string html = std::string("<p") + align + ">" + inlines(p.content) + "</p>\n";
        return p.quote ? "<blockquote>" + html + "</blockquote>\n" : html;
    }
    std::string operator()(const doc::Heading& h) const {
        const int level = h.level < 1 ? 1 : h.level > 6 ? 6 : h.level;
        const auto tag = "h" + std::to_string(level);
        std::string html = "<" + tag;
        if (!h.id.empty()) html += " id=\"" + escape(h.id) + "\"";
        html += ">";
        if (!h.number.empty()) html += "<span class=\"heading-number\">" + escape(h.number) + "</span> ";
        return html + inlines(h.content) + "</" + tag + ">\n";
    }
    std::string operator()(const doc::List& list) const {
        std::string html = list.ordered ? "<ol" : "<ul";
        if (list.ordered && list.start != 1) html += " start=\"" + std::to_string(list.start) + "\"";
        html += ">\n";
        for (const auto& item : list.items) {
            // A tight item (one paragraph) keeps its text directly in <li>.
            const auto* only = item.size() == 1 ? std::get_if<doc::Paragraph>(&item.front().node) : nullptr;
            html += only ? "<li>" + inlines(only->content) + "</li>\n" : "<li>\n" + render_blocks(item) + "</li>\n";
        }
        return html + (list.ordered ? "</ol>\n" : "</ul>\n");
    }
    // In a box of its own that scrolls sideways when the table is wider than
    // the window (WCAG 2.1 SC 1.4.10, reflow: at 320 CSS px only the table
    // scrolls, not the page). The box takes the keyboard focus so that it
    // can be scrolled without a mouse (axe-core, scrollable-region-focusable),
    // and as a named group it says what the focus is on.
    std::string operator()(const doc::Table& t) const {
        std::string html =
            "<div class=\"table-scroll\" role=\"group\" aria-label=\"Tabell\" tabindex=\"0\">\n<table>\n";
        if (caption) html += "<caption>" + inlines(caption->content) + "</caption>\n";
        html += row_group(t, t.head, "thead", RowPart::Head) + row_group(t, t.body, "tbody", RowPart::Body) +
                row_group(t, t.foot, "tfoot", RowPart::Foot);
        return html + "</table>\n</div>\n";
    }
    std::string operator()(const doc::Letterhead& l) const {
        std::vector<std::string> document_lines{l.document_type};
        if (!l.diary_number.empty()) document_lines.push_back(l.diary_number);
        return "<header class=\"letterhead\">\n<div>\n" + lines_of(l.organisation, "organisation") + "</div>\n" +
               "<div>\n" + lines_of(document_lines, "document-type") + "</div>\n" +
               labelled_lines(l.left_heading, l.left_lines) + labelled_lines(l.right_heading, l.right_lines) +
               "</header>\n";
    }
    std::string operator()(const doc::Signatures& s) const {
        std::string html = "<section class=\"signatures\" aria-label=\"Underskrifter\">\n";
        for (const auto& person : s.people) {
            html += "<div class=\"signature\">\n<p class=\"name\">" + escape(person.name) + "</p>\n";
            for (const auto& line : person.lines) html += "<p>" + escape(line) + "</p>\n";
            html += "</div>\n";
        }
        return html + "</section>\n";
    }
    std::string operator()(const doc::PageBreak&) const { return "<div class=\"page-break\"></div>\n"; }
    // A web page has no page numbers: the contents are a navigation list of
    // in-page links, numbered as the headings are.
    std::string operator()(const doc::TableOfContents& toc) const {
        std::string html = "<nav class=\"contents\" aria-label=\"Innehåll\">\n<ul>\n";
        for (const auto& e : toc.entries) {
            html += "<li class=\"contents-level-" + std::to_string(e.level) + "\"><a href=\"#" + escape(e.id) + "\">";
            if (!e.number.empty()) html += "<span class=\"heading-number\">" + escape(e.number) + "</span> ";
            html += inlines(e.title) + "</a></li>\n";
        }
        return html + "</ul>\n</nav>\n";
    }
    // The caption is visible text; the image's name is the alternative text.
    std::string operator()(const doc::Chart& c) const {
        std::string html = "<figure class=\"chart\">\n";
        if (!c.title.empty()) html += "<figcaption>" + escape(c.title) + "</figcaption>\n";
        return html + chart_svg(c) + "</figure>\n";
    }
};

// The notes of `blocks` in document order: every first reference, inside
// lists and tables too (a table of contents only repeats its headings).
void collect_notes(const doc::Inlines& content, std::vector<const doc::Footnote*>& out) {
    for (const auto& node : content)
        if (const auto* note = std::get_if<doc::Footnote>(&node); note && !note->repeat) out.push_back(note);
}

void collect_notes(const doc::Blocks& blocks, std::vector<const doc::Footnote*>& out) {
    for (const auto& block : blocks) {
        if (const auto* p = std::get_if<doc::Paragraph>(&block.node))
            collect_notes(p->content, out);
        else if (const auto* h = std::get_if<doc::Heading>(&block.node))
            collect_notes(h->content, out);
        else if (const auto* l = std::get_if<doc::List>(&block.node))
            for (const auto& item : l->items) collect_notes(item, out);
        else if (const auto* t = std::get_if<doc::Table>(&block.node))
            for (const auto* rows : {&t->head, &t->body, &t->foot})
                for (const auto& r : *rows)
                    for (const auto& c : r.cells) collect_notes(c.content, out);
    }
}

}  // namespace

// A web page has no foot of the page: the notes are listed at the end of
// the document, each with a link back to its reference (DPUB-ARIA 1.1
// doc-endnotes, doc-backlink), as Pandoc and cmark-gfm write them.
std::string render_notes(const doc::Blocks& blocks) {
    std::vector<const doc::Footnote*> notes;
    collect_notes(blocks, notes);
    if (notes.empty()) return "";
    std::string html = "<section class=\"footnotes\" role=\"doc-endnotes\" aria-label=\"Fotnoter\">\n<ol>\n";
    for (const auto* note : notes) {
        const std::string mark = escape(note->mark);
        html += "<li id=\"fn-" + mark + "\" value=\"" + mark + "\"><p>" + inlines(note->content);
        html += " <a href=\"#fnref-" + mark + "\" role=\"doc-backlink\" aria-label=\"Tillbaka till hänvisning " + mark +
                "\">\u21A9\uFE0E</a></p></li>\n";
    }
    return html + "</ol>\n</section>\n";
}

void append_blocks(std::string& html, const doc::Blocks& blocks, std::size_t first, std::size_t last,
                   std::vector<std::string>* pieces) {
    constexpr std::size_t kPiece = std::size_t{1} << 20;
    for (std::size_t i = first; i < last; ++i) {
        // Written as the next table's <caption>, when that table is in the range.
        if (i + 1 < last && doc::caption_paragraph(blocks, i)) continue;
        const BlockWriter writer{i > first ? doc::caption_paragraph(blocks, i - 1) : nullptr};
        html += std::visit(writer, blocks[i].node);
        if (pieces != nullptr && html.size() >= kPiece) {
            pieces->push_back(std::move(html));
            html.clear();
        }
    }
}

std::string render_blocks(const doc::Blocks& blocks) {
    std::string html;
    append_blocks(html, blocks, 0, blocks.size());
    return html;
}

}  // namespace html
