// doc::dump: the document tree as indented text, one node per line, for golden
// tests (in the spirit of pandoc's native format, but line-oriented so that a
// change shows as a small diff).
//
//   Metadata / PageSetup / Body, then one line per block, children indented
//   by two spaces. Lengths in points with two decimals.
//   Inline runs, separated by one space:
//     "text"  *"italic"*  **"bold"**  ***"bold italic"***
//     [link #target "text"]   (the run inside keeps its style marks)
//     <br> line break, {page} page number, {pages} page count
//     [^1 ...] footnote 1 with its text's runs; [^1 again] a repeated reference
//   An empty inline sequence shows as (empty); a list of strings as ["a", "b"].
//
// Escapes inside quotes: \" and \\, \n and \t, \xNN for a byte that is not
// well-formed UTF-8, and \uXXXX (\UXXXXXXXX beyond the BMP) for every
// character that cannot be told apart by eye: white space other than U+0020
// (so the no-break space of "4 000 000" reads "4\u00A0000\u00A0000" and a lost
// one shows in a diff), control and format characters (soft hyphen, zero-width
// space, BOM), unassigned and private-use code points, and the non-breaking
// hyphen U+2011, which looks like "-" and which Liberation Sans lacks.
// Everything else, including "–" and "−", is written as it is.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "document/node.hpp"

namespace doc {

namespace {

bool needs_escape(UChar32 c) {
    if (c == ' ') return false;
    if (c == 0x2011 || u_isUWhiteSpace(c)) return true;
    switch (u_charType(c)) {
        case U_CONTROL_CHAR:
        case U_FORMAT_CHAR:
        case U_UNASSIGNED:
        case U_PRIVATE_USE_CHAR:
        case U_SURROGATE: return true;
        default: return false;
    }
}

void append_code_point_escape(std::string& out, UChar32 c) {
    std::array<char, 16> buffer{};
    const char* format = c > 0xFFFF ? "\\U%08X" : "\\u%04X";
    std::snprintf(buffer.data(), buffer.size(), format, static_cast<unsigned>(c));
    out += buffer.data();
}

void append_byte_escape(std::string& out, unsigned char byte) {
    std::array<char, 8> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "\\x%02X", byte);
    out += buffer.data();
}

// `escape_space` is for link targets, which are shown without quotes.
std::string escape(std::string_view text, bool escape_space = false) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::string out;
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {
            for (std::int32_t b = start; b < i; ++b) append_byte_escape(out, bytes[b]);
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (needs_escape(c) || (escape_space && c == ' ')) {
            append_code_point_escape(out, c);
        } else {
            out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        }
    }
    return out;
}

std::string quote(std::string_view text) { return "\"" + escape(text) + "\""; }

std::string show_text(const Text& run) {
    const std::string marks = std::string(run.style.bold ? "**" : "") + (run.style.italic ? "*" : "");
    std::string shown = marks + quote(run.text) + std::string(marks.rbegin(), marks.rend());
    if (!run.link.empty()) shown = "[link " + escape(run.link, true) + " " + shown + "]";
    return shown;
}

std::string show_inlines(const Inlines& inlines);

std::string show_inline(const Inline& in) {
    if (const auto* run = std::get_if<Text>(&in)) return show_text(*run);
    if (const auto* note = std::get_if<Footnote>(&in))
        return "[^" + escape(note->mark, true) + " " + (note->repeat ? "again" : show_inlines(note->content)) + "]";
    if (std::holds_alternative<LineBreak>(in)) return "<br>";
    if (std::holds_alternative<PageNumber>(in)) return "{page}";
    return "{pages}";
}

std::string show_inlines(const Inlines& inlines) {
    if (inlines.empty()) return "(empty)";
    std::string shown;
    for (const auto& in : inlines) {
        if (!shown.empty()) shown += ' ';
        shown += show_inline(in);
    }
    return shown;
}

std::string show_strings(const std::vector<std::string>& strings) {
    std::string shown = "[";
    for (std::size_t i = 0; i < strings.size(); ++i) shown += (i > 0 ? ", " : "") + quote(strings[i]);
    return shown + "]";
}

// Two decimals: a hundredth of a point (0.0035 mm) is below anything visible,
// and fixed precision keeps the dump stable across float noise.
std::string show_length(double points) {
    std::array<char, 64> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), points, std::chars_format::fixed, 2);
    return std::string(buffer.data(), result.ptr);
}

std::string show_align(Align align) {
    switch (align) {
        case Align::Left: return "left";
        case Align::Right: return "right";
        case Align::Center: return "center";
        case Align::Justify: return "justify";
    }
    return "?";
}

// Writes the tree line by line; `depth` counts two-space indents.
class Dumper {
public:
    std::string take() { return std::move(out_); }

    void line(int depth, std::string_view text) {
        out_.append(static_cast<std::size_t>(depth) * 2, ' ');
        out_.append(text);
        out_ += '\n';
    }

    void metadata(const Metadata& meta) {
        line(0, "Metadata");
        line(1, "title: " + quote(meta.title));
        line(1, "author: " + quote(meta.author));
        line(1, "subject: " + quote(meta.subject));
        line(1, "language: " + quote(meta.language));
        line(1, "date: " + quote(meta.date));
        if (!meta.summary_section.empty()) line(1, "summary_section: " + quote(meta.summary_section));
        if (!meta.decision_section.empty()) line(1, "decision_section: " + quote(meta.decision_section));
    }

    void page_setup(const PageSetup& page) {
        line(0, "PageSetup");
        line(1, "size: " + show_length(page.width) + " x " + show_length(page.height));
        line(1, "margins: top=" + show_length(page.margin_top) + " bottom=" + show_length(page.margin_bottom) +
                    " left=" + show_length(page.margin_left) + " right=" + show_length(page.margin_right));
        line(1, "running_header: " + show_inlines(page.running_header));
        line(1, "page_mark: " + show_inlines(page.page_mark));
    }

    void blocks(const Blocks& body, int depth) {
        for (const auto& block : body) std::visit([&](const auto& n) { node(n, depth); }, block.node);
    }

private:
    // Attributes at their default value are left out where that default is the
    // house style (left-aligned paragraphs), so the common case reads cleanly.
    void node(const Paragraph& p, int depth) {
        const std::string align = p.align == Align::Left ? "" : " align=" + show_align(p.align);
        line(depth, "Paragraph" + align + (p.quote ? " quote" : "") + ": " + show_inlines(p.content));
    }

    void node(const Heading& h, int depth) {
        std::string head = "Heading level=" + std::to_string(h.level);
        if (!h.number.empty()) head += " number=" + quote(h.number);
        if (!h.id.empty()) head += " id=" + quote(h.id);
        if (!h.listed) head += " unlisted";
        line(depth, head + ": " + show_inlines(h.content));
    }

    void node(const List& list, int depth) {
        line(depth, list.ordered ? "List ordered start=" + std::to_string(list.start) : "List bullet");
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            const auto number = static_cast<long long>(list.start) + static_cast<long long>(i);
            line(depth + 1, list.ordered ? "Item " + std::to_string(number) : "Item");
            blocks(list.items[i], depth + 2);
        }
    }

    void rows(std::string_view section, const std::vector<TableRow>& table_rows, int depth) {
        for (const auto& row : table_rows) {
            std::string shown(section);
            shown += ':';
            for (std::size_t i = 0; i < row.cells.size(); ++i)
                shown += (i > 0 ? " | " : " ") + show_inlines(row.cells[i].content);
            line(depth, shown);
        }
    }

    void node(const Table& table, int depth) {
        line(depth, "Table");
        std::string columns = "columns:";
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            columns += (i > 0 ? " | " : " ") + show_align(table.columns[i].align);
        line(depth + 1, columns);
        rows("head", table.head, depth + 1);
        rows("body", table.body, depth + 1);
        rows("foot", table.foot, depth + 1);
    }

    void node(const Letterhead& l, int depth) {
        line(depth, "Letterhead");
        line(depth + 1, "organisation: " + show_strings(l.organisation));
        line(depth + 1, "document_type: " + quote(l.document_type));
        line(depth + 1, "diary_number: " + quote(l.diary_number));
        line(depth + 1, "left_heading: " + show_strings(l.left_heading));
        line(depth + 1, "left_lines: " + show_strings(l.left_lines));
        line(depth + 1, "right_heading: " + show_strings(l.right_heading));
        line(depth + 1, "right_lines: " + show_strings(l.right_lines));
    }

    void node(const Signatures& s, int depth) {
        line(depth, "Signatures");
        for (const auto& person : s.people)
            line(depth + 1, "Signature " + quote(person.name) + ": " + show_strings(person.lines));
    }

    void node(const PageBreak&, int depth) { line(depth, "PageBreak"); }

    void node(const TableOfContents& toc, int depth) {
        line(depth, "TableOfContents levels=" + std::to_string(toc.min_level) + "-" + std::to_string(toc.max_level));
        for (const auto& entry : toc.entries) {
            std::string shown = "Entry level=" + std::to_string(entry.level);
            if (!entry.number.empty()) shown += " number=" + quote(entry.number);
            line(depth + 1, shown + " id=" + quote(entry.id) + ": " + show_inlines(entry.title));
        }
    }

    void node(const Chart& chart, int depth) {
        static const char* const kinds[] = {"columns", "bars", "line"};
        line(depth, std::string("Chart ") + kinds[static_cast<int>(chart.kind)] + " " + quote(chart.title) +
                        " unit=" + quote(chart.unit));
        line(depth + 1, "categories: " + show_strings(chart.categories));
        for (const auto& s : chart.series) line(depth + 1, "Series " + quote(s.name) + ": " + show_strings(s.labels));
        std::vector<std::string> ticks;
        for (const auto& t : chart.ticks) ticks.push_back(t.label);
        line(depth + 1, "ticks: " + show_strings(ticks));
        for (std::size_t k = 0; k < chart.panel_ticks.size(); ++k) {
            std::vector<std::string> own;
            for (const auto& t : chart.panel_ticks[k]) own.push_back(t.label);
            line(depth + 1, "panel " + std::to_string(k + 1) + " ticks: " + show_strings(own));
        }
        line(depth + 1, "alt: " + quote(chart.alt));
    }

    std::string out_;
};

}  // namespace

std::string dump(const Document& document) {
    Dumper dumper;
    dumper.metadata(document.meta);
    dumper.page_setup(document.page);
    dumper.line(0, "Body");
    dumper.blocks(document.body, 1);
    return dumper.take();
}

}  // namespace doc
