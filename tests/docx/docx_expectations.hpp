#pragma once
// What a reader should find in a document's .docx, derived from the doc tree
// alone, in the line format of docx_read.py (tab-separated, the text last as
// a JSON string): the body's paragraphs and table cells in order, the first
// page's header, and the footnotes.
#include <string>
#include <variant>
#include <vector>

#include "document/node.hpp"
#include "document/plain_text.hpp"

namespace docx_test {

inline std::string json(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"')
            out += "\\\"";
        else if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    return out + "\"";
}

struct Expected {
    std::vector<std::string> body;   // "p" and "cell" lines
    std::vector<std::string> notes;  // "note" lines
    int charts = 0;
};

class ExpectedText {
public:
    Expected out;

    // Text as Word shows it: a footnote's reference is its number, which
    // the tree counts as Word does (checked here), a repeated one its mark.
    std::string text(const doc::Inlines& inlines) {
        std::string s;
        for (const auto& node : inlines) {
            if (const auto* t = std::get_if<doc::Text>(&node))
                s += t->text;
            else if (std::holds_alternative<doc::LineBreak>(node))
                s += "\n";
            else if (const auto* f = std::get_if<doc::Footnote>(&node)) {
                if (f->repeat) {
                    s += f->mark;
                    continue;
                }
                const auto id = std::to_string(out.notes.size() + 1);
                if (f->mark != id) mismatched_marks.push_back(f->mark + " is note " + id);
                out.notes.push_back("note\t" + id + "\t" + json(text(f->content)));
                s += "[^" + id + "]";
            } else {
                s += "1";  // a page field's cached value
            }
        }
        return s;
    }

    void paragraph(const std::string& style, const std::string& text) {
        if (!text.empty()) out.body.push_back("p\t" + style + "\t" + json(text));
    }

    static bool bold(const doc::Inlines& inlines) {
        bool any = false;
        for (const auto& node : inlines)
            if (const auto* t = std::get_if<doc::Text>(&node);
                t && t->text.find_first_not_of(' ') != std::string::npos) {
                if (!t->style.bold) return false;
                any = true;
            }
        return any;
    }

    void blocks(const doc::Blocks& list, bool in_list, bool top) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& node = list[i].node;
            if (top && i == 0 && std::holds_alternative<doc::Letterhead>(node)) continue;  // the header's
            if (const auto* p = std::get_if<doc::Paragraph>(&node)) {
                paragraph(in_list ? "List Paragraph" : p->quote ? "Quote" : "Normal", text(p->content));
            } else if (const auto* h = std::get_if<doc::Heading>(&node)) {
                const auto t = text(h->content);
                paragraph("Heading " + std::to_string(h->level), h->number.empty() ? t : h->number + " " + t);
            } else if (const auto* l = std::get_if<doc::List>(&node)) {
                for (const auto& item : l->items) blocks(item, true, false);
            } else if (const auto* t = std::get_if<doc::Table>(&node)) {
                table(*t);
            } else if (const auto* s = std::get_if<doc::Signatures>(&node)) {
                for (std::size_t k = 0; k < s->people.size() + s->people.size() % 2; ++k) {
                    std::string cell;
                    if (k < s->people.size()) {
                        cell = s->people[k].name;
                        for (const auto& line : s->people[k].lines) cell += "\n" + line;
                    }
                    out.body.push_back("cell\tb\t-\t-\t" + json(cell));
                }
            } else if (const auto* toc = std::get_if<doc::TableOfContents>(&node)) {
                for (const auto& e : toc->entries)
                    paragraph("toc " + std::to_string(e.level - toc->min_level + 1),
                              (e.number.empty() ? "" : e.number + "\t") + text(e.title) + "\t");
            } else if (const auto* c = std::get_if<doc::Chart>(&node)) {
                paragraph("Caption", c->title);
                ++out.charts;
            }
        }
    }

    void table(const doc::Table& t) {
        std::size_t columns = t.columns.size();
        for (const auto* rows : {&t.head, &t.body, &t.foot})
            for (const auto& row : *rows) columns = std::max(columns, row.cells.size());
        const auto rows = [&](const std::vector<doc::TableRow>& rs, const char* kind, bool bold_row) {
            for (const auto& row : rs)
                for (std::size_t c = 0; c < columns; ++c) {
                    const auto* cell = c < row.cells.size() ? &row.cells[c] : nullptr;
                    const auto content = cell ? text(cell->content) : "";
                    const bool is_bold =
                        cell && (bold_row ? !content.empty() && content.find_first_not_of(' ') != std::string::npos
                                          : bold(cell->content));
                    const bool right = c < t.columns.size() && t.columns[c].align == doc::Align::Right;
                    out.body.push_back(std::string("cell\t") + kind + "\t" + (is_bold ? "bold" : "-") + "\t" +
                                       (right ? "right" : "-") + "\t" + json(content));
                }
        };
        rows(t.head, "h", true);
        rows(t.body, "b", false);
        rows(t.foot, "b", true);
    }

    std::vector<std::string> mismatched_marks;
};

inline Expected expected(const doc::Document& document) {
    ExpectedText e;
    e.blocks(document.body, false, true);
    for (const auto& m : e.mismatched_marks) e.out.notes.push_back("mark " + m);
    return e.out;
}

}  // namespace docx_test
