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
        out.push_back({&t, caption ? doc::plain_text(caption->content) : heading});
    }
    void operator()(const doc::Letterhead&) const {}
    void operator()(const doc::Signatures&) const {}
    void operator()(const doc::PageBreak&) const {}
    void operator()(const doc::TableOfContents&) const {}  // pages, not figures: no sheet
};

void walk(const doc::Blocks& blocks, std::string& heading, std::vector<NamedTable>& out) {
    for (std::size_t i = 0; i < blocks.size(); ++i) std::visit(TableFinder{blocks, i, heading, out}, blocks[i].node);
}

void TableFinder::operator()(const doc::List& list) const {
    for (const auto& item : list.items) walk(item, heading, out);
}

}  // namespace

std::vector<NamedTable> tables_of(const doc::Document& document) {
    std::vector<NamedTable> out;
    std::string heading = document.meta.title;
    walk(document.body, heading, out);
    return out;
}

}  // namespace xlsx
