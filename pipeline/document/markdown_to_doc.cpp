#include "document/markdown_to_doc.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sstream>
#include <string_view>
#include <vector>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "document/chart_place.hpp"
#include "document/fenced_blocks.hpp"
#include "core/messages.hpp"
#include "core/text_lines.hpp"

namespace doc {

namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

// Pandoc's heading attributes ("## Titel {#id -}"), the subset fuel knows.
struct HeadingAttributes {
    std::string id;
    bool numbered = true;
    bool listed = true;
};

// The source line ends in "{...}" whose braces the template wrote: data is
// substituted with its punctuation backslash-escaped, so "\{" is the data's.
bool ends_in_attributes(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (line.size() < 2 || line.back() != '}' || line[line.size() - 2] == '\\') return false;
    const auto open = line.rfind('{');
    return open != std::string_view::npos && (open == 0 || line[open - 1] != '\\');
}

struct Converter {
    std::string file;
    int first_line = 1;
    core::Diagnostics* diagnostics = nullptr;
    MarkdownOptions options;
    std::vector<std::string_view> source_lines;  // into the Markdown, which outlives the converter
    mutable std::array<int, 7> counters{};       // per heading level, for the numbering
    // The footnote definitions, in the order of their numbers: cmark-gfm
    // numbers the notes by their first reference, gives each reference its
    // number as its literal, and moves the definitions, in that order, to
    // the end of the document (unreferenced ones are dropped).
    std::vector<Inlines> notes;
    mutable std::vector<bool> referenced;
    mutable int charts_seen = 0;  // the next chart's place among the template's

    core::SourceLocation where(cmark_node* node) const {
        return {file, first_line - 1 + cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
    }

    // ---- inlines ----------------------------------------------------------

    void inlines(cmark_node* parent, TextStyle style, const std::string& link, Inlines& out) const {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_CODE: append_text(out, cmark_node_get_literal(n), style, link); break;
                case CMARK_NODE_SOFTBREAK: append_text(out, " ", style, link); break;
                case CMARK_NODE_LINEBREAK: out.push_back(LineBreak{}); break;
                case CMARK_NODE_EMPH: inlines(n, {style.bold, true}, link, out); break;
                case CMARK_NODE_STRONG: inlines(n, {true, style.italic}, link, out); break;
                case CMARK_NODE_LINK: link_inline(n, style, out); break;
                case CMARK_NODE_FOOTNOTE_REFERENCE: footnote_reference(n, out); break;
                case CMARK_NODE_HTML_INLINE:
                    // Raw HTML in a template is shown as it is written, never
                    // interpreted: the PDF has no HTML.
                    append_text(out, cmark_node_get_literal(n), style, link);
                    break;
                default:
                    diagnostics->warning(where(n), core::tr("unsupported inline Markdown ({1}); its text is kept",
                                                            cmark_node_get_type_string(n)));
                    inlines(n, style, link, out);
            }
        }
    }

    void link_inline(cmark_node* n, TextStyle style, Inlines& out) const {
        const std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
        if (url.starts_with('#') && options.links)
            options.links->push_back({url.substr(1), where(n), cmark_node_first_child(n) == nullptr});
        if (url.starts_with('#') && !cmark_node_first_child(n)) {
            out.push_back(Text{"", style, url});  // a cross-reference, numbered later
            return;
        }
        inlines(n, style, url, out);
    }

    void footnote_reference(cmark_node* n, Inlines& out) const {
        const std::string mark = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        const auto number = static_cast<std::size_t>(std::atoi(mark.c_str()));
        Footnote note{mark, {}, false};
        if (number >= 1 && number <= notes.size()) {
            note.repeat = referenced[number - 1];
            if (!note.repeat) note.content = notes[number - 1];
            referenced[number - 1] = true;
        }
        out.push_back(std::move(note));
    }

    // A note's paragraphs as one run of inlines, a line break between them.
    void collect_notes(cmark_node* root) {
        for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n)) {
            if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION) continue;
            Inlines content;
            for (cmark_node* p = cmark_node_first_child(n); p; p = cmark_node_next(p)) {
                if (cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) {
                    diagnostics->warning(where(p), core::tr("a footnote holds only paragraphs; this {1} is left out",
                                                            cmark_node_get_type_string(p)));
                    continue;
                }
                if (!content.empty()) content.push_back(LineBreak{});
                inlines(p, {}, "", content);
            }
            notes.push_back(std::move(content));
        }
        referenced.assign(notes.size(), false);
    }

    static void append_text(Inlines& out, const char* text, TextStyle style, const std::string& link) {
        if (!text || !*text) return;
        if (!out.empty())
            if (auto* last = std::get_if<Text>(&out.back()); last && last->style == style && last->link == link) {
                last->text += text;
                return;
            }
        out.push_back(Text{text, style, link});
    }

    // ---- blocks -----------------------------------------------------------

    void blocks(cmark_node* parent, Blocks& out) const {
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) block(n, out);
    }

    void block(cmark_node* n, Blocks& out) const {
        const std::string type = cmark_node_get_type_string(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH: {
                Paragraph p;
                inlines(n, {}, "", p.content);
                out.push_back({std::move(p)});
                return;
            }
            case CMARK_NODE_HEADING: {
                Heading h;
                h.level = cmark_node_get_heading_level(n);
                inlines(n, {}, "", h.content);
                const HeadingAttributes attributes = heading_attributes(n, h.content);
                h.id = attributes.id;
                h.listed = attributes.listed;
                if (attributes.numbered) h.number = next_number(h.level);
                out.push_back({std::move(h)});
                return;
            }
            case CMARK_NODE_LIST: out.push_back({list(n)}); return;
            case CMARK_NODE_CODE_BLOCK: fenced(n, out); return;
            case CMARK_NODE_BLOCK_QUOTE: {
                // Its paragraphs are marked as quoted: layout sets them off.
                const std::size_t first = out.size();
                blocks(n, out);
                for (std::size_t i = first; i < out.size(); ++i)
                    if (auto* p = std::get_if<Paragraph>(&out[i].node)) p->quote = true;
                return;
            }
            case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // its text is at its references (collect_notes)
            default: break;
        }
        if (type == "table") {
            out.push_back({table(n)});
            return;
        }
        diagnostics->error(where(n), core::tr("unsupported Markdown block ({1}) in the template", type));
    }

    // Strips "{...}" from the end of the heading's text and reads it.
    HeadingAttributes heading_attributes(cmark_node* n, Inlines& content) const {
        HeadingAttributes attributes;
        const auto line = static_cast<std::size_t>(cmark_node_get_start_line(n));
        if (line == 0 || line > source_lines.size() || !ends_in_attributes(source_lines[line - 1])) return attributes;
        auto* last = content.empty() ? nullptr : std::get_if<Text>(&content.back());
        const auto open = last ? last->text.rfind('{') : std::string::npos;
        const auto close = last ? last->text.rfind('}') : std::string::npos;
        if (open == std::string::npos || close == std::string::npos || close < open) return attributes;
        std::istringstream tokens(last->text.substr(open + 1, close - open - 1));
        for (std::string token; tokens >> token;) {
            if (token.size() > 1 && token[0] == '#')
                attributes.id = token.substr(1);
            else if (token == "-" || token == ".unnumbered")
                attributes.numbered = false;
            else if (token == ".unlisted")
                attributes.listed = false;
            else
                diagnostics->error(
                    where(n),
                    core::tr("unknown heading attribute \"{1}\" (fuel knows #id, -, .unnumbered, .unlisted)", token));
        }
        last->text.erase(open);
        while (!last->text.empty() && last->text.back() == ' ') last->text.pop_back();
        if (last->text.empty()) content.pop_back();
        return attributes;
    }

    // Hierarchical numbers from `number_headings_from` down: "2", "2.1",
    // "2.1.1"; a skipped level counts as 0 ("1.0.1"), as pandoc does.
    std::string next_number(int level) const {
        const int from = options.number_headings_from;
        if (from < 1 || level < from || level > 6) return "";
        ++counters[static_cast<std::size_t>(level)];
        for (int deeper = level + 1; deeper <= 6; ++deeper) counters[static_cast<std::size_t>(deeper)] = 0;
        std::string number;
        for (int l = from; l <= level; ++l)
            number += (number.empty() ? "" : ".") + std::to_string(counters[static_cast<std::size_t>(l)]);
        return number;
    }

    List list(cmark_node* n) const {
        List l;
        l.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        l.start = l.ordered ? cmark_node_get_list_start(n) : 1;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            Blocks content;
            blocks(item, content);
            l.items.push_back(std::move(content));
        }
        return l;
    }

    void fenced(cmark_node* n, Blocks& out) const {
        const std::string info = cmark_node_get_fence_info(n) ? cmark_node_get_fence_info(n) : "";
        const std::string body = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        if (info == "letterhead")
            out.push_back({parse_letterhead(body)});
        else if (info == "signatures")
            out.push_back({parse_signatures(body)});
        else if (info == "pagebreak")
            out.push_back({PageBreak{}});
        else if (info == "toc")
            out.push_back({contents(n, body)});
        else if (info == "chart")
            out.push_back({chart(n, body)});
        else
            diagnostics->error(where(n), core::tr("unknown block \"```{1}\"", info));
    }

    TableOfContents contents(cmark_node* n, const std::string& body) const {
        std::string error;
        TableOfContents toc =
            parse_contents(body, options.number_headings_from > 0 ? options.number_headings_from : 2, error);
        if (!error.empty()) diagnostics->error(where(n), error);
        return toc;
    }

    Chart chart(cmark_node* n, const std::string& body) const {
        std::vector<ChartProblem> problems;
        Chart c = parse_chart(body, problems);
        const int ordinal = charts_seen++;
        for (const auto& p : problems) {
            auto at = where(n);
            if (options.template_source != nullptr)
                at = chart_problem_place(*options.template_source, ordinal, p, at);
            else if (p.line > 0)
                at.line += p.line, at.column = 1;
            diagnostics->error(at, core::tr("chart: {1}", p.message));
        }
        return c;
    }

    // A trailing run of rows set entirely in bold is the table's total (foot)
    // row: templates write "| **Totalt** | | **4 000 000** |".
    static bool all_bold(const TableRow& row) {
        bool any = false;
        for (const auto& cell : row.cells)
            for (const auto& in : cell.content) {
                const auto* t = std::get_if<Text>(&in);
                if (!t) continue;
                if (!t->style.bold && t->text.find_first_not_of(' ') != std::string::npos) return false;
                any = any || t->style.bold;
            }
        return any;
    }

    Table table(cmark_node* n) const {
        Table t;
        const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            TableRow r;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
                TableCell c;
                inlines(cell, {}, "", c.content);
                r.cells.push_back(std::move(c));
            }
            if (t.columns.empty())
                for (std::size_t i = 0; i < r.cells.size(); ++i)
                    t.columns.push_back({align && align[i] == 'r'   ? Align::Right
                                         : align && align[i] == 'c' ? Align::Center
                                                                    : Align::Left});
            (cmark_gfm_extensions_get_table_row_is_header(row) ? t.head : t.body).push_back(std::move(r));
        }
        while (!t.body.empty() && all_bold(t.body.back())) {
            t.foot.insert(t.foot.begin(), std::move(t.body.back()));
            t.body.pop_back();
        }
        return t;
    }
};

NodePtr parse(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
        cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES), &cmark_parser_free);
    if (auto* table = cmark_find_syntax_extension("table")) cmark_parser_attach_syntax_extension(parser.get(), table);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    return NodePtr(cmark_parser_finish(parser.get()), &cmark_node_free);
}

// A large document's Markdown (an appendix of every application) is parsed
// in parts of about MarkdownOptions::part_bytes, one cmark tree at a time: the tree of the
// whole text was several times the text's size (docs/memory.md). A part
// ends before a line that starts with '#' after an empty line. CommonMark
// parses blocks line by line without looking ahead (spec 0.30, appendix
// "A parsing strategy"), so up to that line a part's blocks are the whole
// text's; and from an empty line, a '#' at the line's start continues no
// block but a fenced code block or an HTML block of kinds 1-5 at the top
// level (a list item needs indentation, a block quote '>', a paragraph
// ended at the empty line, a table too: spec 4.4-4.6, 5.1-5.2; GFM 4.10).
// A part whose last block is a code or HTML block is therefore joined with
// the next. Inline parsing is per block, but for link reference definitions
// and footnotes, which are the whole document's: a text with "]:" (any
// definition has it) is parsed whole.
//
// The end of the part that starts at `from`: the first cut at least
// `part_bytes` on, or the text's end.
std::size_t part_end(std::string_view text, std::size_t from, std::size_t part_bytes) {
    if (part_bytes >= text.size() - from) return text.size();
    const auto cut = text.find("\n\n#", from + part_bytes - 1);
    return cut == std::string_view::npos ? text.size() : cut + 2;
}

// The part may continue into the next: its last block is one that a '#'
// line can belong to.
bool may_continue(cmark_node* root) {
    cmark_node* last = cmark_node_last_child(root);
    if (last == nullptr) return false;
    const auto type = cmark_node_get_type(last);
    return type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK;
}

}  // namespace

Blocks markdown_to_blocks(const std::string& markdown, const std::string& file, int first_line,
                          core::Diagnostics& diagnostics, const MarkdownOptions& options) {
    Converter converter{file, first_line, &diagnostics, options, {}, {}, {}, {}};
    const std::string_view text(markdown);
    const std::size_t part_bytes =
        text.find("]:") != std::string_view::npos ? text.size() : std::max<std::size_t>(1, options.part_bytes);
    Blocks out;
    std::size_t start = 0;
    do {
        std::size_t end = part_end(text, start, part_bytes);
        NodePtr root = parse(text.substr(start, end - start));
        while (end < text.size() && may_continue(root.get())) {
            end = part_end(text, end, part_bytes);
            root = parse(text.substr(start, end - start));
        }
        const std::string_view part = text.substr(start, end - start);
        converter.source_lines = core::line_views(part);
        converter.collect_notes(root.get());
        converter.blocks(root.get(), out);
        converter.first_line += static_cast<int>(std::count(part.begin(), part.end(), '\n'));
        start = end;
    } while (start < text.size());
    return out;
}

Inlines markdown_to_inlines(const std::string& markdown) {
    core::Diagnostics ignored;
    Converter converter{"", 1, &ignored, {}, {}, {}, {}, {}};
    const auto root = parse(markdown);
    Inlines out;
    if (cmark_node* p = cmark_node_first_child(root.get())) converter.inlines(p, {}, "", out);
    return out;
}

}  // namespace doc
