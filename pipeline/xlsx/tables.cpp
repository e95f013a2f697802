#include "xlsx/tables.hpp"

#include <variant>

#include "document/plain_text.hpp"

namespace xlsx {

namespace {

// Every block kind by name, no generic fallback: a new node that can hold
// tables (a figure, a footnote) is a compile error here until it is walked.
struct TableFinder {
    const doc::Blocks& siblings;
    std::size_t index;
    std::string& heading;
    std::vector<NamedTable>& out;

    void operator()(const doc::Paragraph&) const {}
    void operator()(const doc::Heading& h) const { heading = doc::heading_text(h); }
    void operator()(const doc::List& list) const;
    void operator()(const doc::Table& t) const {
        const auto* caption = index > 0 ? doc::caption_paragraph(siblings, index - 1) : nullptr;
        out.push_back({&t, caption ? doc::plain_text(caption->content) : heading, nullptr});
    }
    void operator()(const doc::Letterhead&) const {}
    void operator()(const doc::Signatures&) const {}
    void operator()(const doc::PageBreak&) const {}
    void operator()(const doc::TableOfContents&) const {}  // pages, not figures: no sheet
    // A case officer wants a chart's numbers, not its picture.
    void operator()(const doc::Chart& c) const {
        auto table = std::make_shared<const doc::Table>(chart_table(c));
        out.push_back({table.get(), c.title.empty() ? heading : c.title, table});
    }
};

void walk(const doc::Blocks& blocks, std::string& heading, std::vector<NamedTable>& out) {
    for (std::size_t i = 0; i < blocks.size(); ++i) std::visit(TableFinder{blocks, i, heading, out}, blocks[i].node);
}

void TableFinder::operator()(const doc::List& list) const {
    for (const auto& item : list.items) walk(item, heading, out);
}

doc::Inlines text(const std::string& s, bool bold = false) { return {doc::Text{s, {bold, false}, ""}}; }

}  // namespace

doc::Table chart_table(const doc::Chart& chart) {
    doc::Table t;
    t.columns.push_back({doc::Align::Left});
    doc::TableRow head;
    head.cells.push_back({text("", true)});
    for (const auto& s : chart.series) {
        t.columns.push_back({doc::Align::Right});
        std::string name = s.name.empty() ? chart.title : s.name;
        if (!chart.unit.empty()) name += ", " + chart.unit;
        head.cells.push_back({text(name, true)});
    }
    t.head.push_back(std::move(head));
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        doc::TableRow row;
        row.cells.push_back({text(chart.categories[i])});
        for (const auto& s : chart.series) row.cells.push_back({text(i < s.labels.size() ? s.labels[i] : "")});
        t.body.push_back(std::move(row));
    }
    return t;
}

std::vector<NamedTable> tables_of(const doc::Document& document) {
    std::vector<NamedTable> out;
    std::string heading = document.meta.title;
    walk(document.body, heading, out);
    return out;
}

}  // namespace xlsx
