#include "xlsx/tables.hpp"

#include <unicode/unistr.h>

#include <algorithm>
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

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// What the categories are, from the title's "per förvaltning" /
// "per år och fond": the word after "per", capitalised; else "Kategori".
std::string category_header(const std::string& title) {
    const auto at = title.find(" per ");
    if (at == std::string::npos) return "Kategori";
    auto word = title.substr(at + 5);
    word = word.substr(0, word.find_first_of(" ,"));
    if (word.empty()) return "Kategori";
    const auto u = icu::UnicodeString::fromUTF8(word);
    const auto split = u.moveIndex32(0, 1);
    auto capitalised = icu::UnicodeString(u.tempSubString(0, split)).toUpper() + u.tempSubString(split);
    std::string out;
    return capitalised.toUTF8String(out);
}

bool is_percent(const std::string& unit) { return unit == "procent" || unit == "%"; }

}  // namespace

// A chart's numbers as a table. A percentage is a fraction with a percent
// format, as in the document's tables ("57,8 %" is 0.578 on every sheet);
// the unit is said once in a header, never twice ("…, tkr").
doc::Table chart_table(const doc::Chart& chart) {
    doc::Table t;
    t.columns.push_back({doc::Align::Left});
    doc::TableRow head;
    head.cells.push_back({text(category_header(chart.title), true)});
    const bool percent = is_percent(chart.unit);
    // Years down the side need no "per år" in the title to be called so.
    if (!chart.categories.empty() &&
        std::all_of(chart.categories.begin(), chart.categories.end(), [](const std::string& c) {
            return c.size() == 4 && std::all_of(c.begin(), c.end(), [](char d) { return d >= '0' && d <= '9'; });
        }))
        head.cells.front() = {text("År", true)};
    for (const auto& s : chart.series) {
        t.columns.push_back({doc::Align::Right});
        std::string name = s.name.empty() ? chart.title : s.name;
        if (!chart.unit.empty() && !percent && !ends_with(name, chart.unit)) name += ", " + chart.unit;
        head.cells.push_back({text(name, true)});
    }
    t.head.push_back(std::move(head));
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        doc::TableRow row;
        row.cells.push_back({text(chart.categories[i])});
        for (const auto& s : chart.series) {
            const auto label = i < s.labels.size() ? s.labels[i] : "";
            row.cells.push_back({text(percent && !label.empty() ? label + "\u00A0%" : label)});
        }
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
