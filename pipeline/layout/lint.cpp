// The layout lint (lint.hpp). It reads only what a reader sees and what the
// structure tree says: text runs with their baselines and elements, and the
// elements' roles. Footnotes (Note) and artifacts (running headers, page
// marks, repeated table heads) are not body text and are left out.
#include "layout/lint.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace layout {

namespace {

bool is_heading(Role role) { return role >= Role::H1 && role <= Role::H6; }

class Reader {
public:
    explicit Reader(const PagedDocument& document) : document_(document) {
        const auto& elements = document.structure;
        first_page_.assign(elements.size(), -1);
        last_page_.assign(elements.size(), -1);
        text_.resize(elements.size());
        for (std::size_t p = 0; p < document.pages.size(); ++p)
            for (const Item& item : document.pages[p].items) {
                if (item.artifact || item.structure < 0) continue;
                for (std::int32_t e = item.structure; e >= 0; e = elements[static_cast<std::size_t>(e)].parent) {
                    auto& first = first_page_[static_cast<std::size_t>(e)];
                    if (first < 0) first = static_cast<int>(p);
                    last_page_[static_cast<std::size_t>(e)] = static_cast<int>(p);
                }
                if (const auto* run = std::get_if<TextRun>(&item.content))
                    text_[static_cast<std::size_t>(item.structure)] += run->text;
            }
    }

    const std::vector<StructElement>& elements() const { return document_.structure; }
    int first_page(std::size_t e) const { return first_page_[e]; }
    int last_page(std::size_t e) const { return last_page_[e]; }
    // The element, or the nearest ancestor, with `role`; -1 if none.
    std::int32_t ancestor(std::int32_t e, bool (*match)(const StructElement&)) const {
        for (; e >= 0; e = elements()[static_cast<std::size_t>(e)].parent)
            if (match(elements()[static_cast<std::size_t>(e)])) return e;
        return -1;
    }
    // An element's own text and its descendants' (for the finding's words).
    std::string text(std::size_t e) const {
        std::string out = text_[e];
        for (std::size_t i = e + 1; i < elements().size(); ++i)
            if (descends(static_cast<std::int32_t>(i), static_cast<std::int32_t>(e))) out += text_[i];
        return out.size() > 60 ? out.substr(0, 57) + "..." : out;
    }
    bool descends(std::int32_t e, std::int32_t from) const {
        for (; e >= 0; e = elements()[static_cast<std::size_t>(e)].parent)
            if (e == from) return true;
        return false;
    }
    std::vector<std::size_t> children(std::size_t e, Role role) const {
        std::vector<std::size_t> out;
        for (std::size_t i = e + 1; i < elements().size(); ++i)
            if (elements()[i].parent == static_cast<std::int32_t>(e) && elements()[i].role == role) out.push_back(i);
        return out;
    }

private:
    const PagedDocument& document_;
    std::vector<int> first_page_;
    std::vector<int> last_page_;
    std::vector<std::string> text_;
};

struct BodyLine {
    double baseline = 0;
    std::vector<std::int32_t> elements;
};

// A page's body lines, top to bottom: runs on one baseline (within a
// point) make a line; notes and artifacts are not body text.
std::vector<BodyLine> body_lines(const Page& page, const Reader& reader) {
    std::vector<BodyLine> lines;
    for (const Item& item : page.items) {
        const auto* run = std::get_if<TextRun>(&item.content);
        if (!run || item.artifact || item.structure < 0) continue;
        if (reader.ancestor(item.structure, [](const StructElement& s) { return s.role == Role::Note; }) >= 0) continue;
        auto it = std::find_if(lines.begin(), lines.end(),
                               [&](const BodyLine& l) { return std::abs(l.baseline - run->baseline) < 1; });
        if (it == lines.end()) {
            lines.push_back(BodyLine{run->baseline, {}});
            it = lines.end() - 1;
        }
        it->elements.push_back(item.structure);
    }
    std::sort(lines.begin(), lines.end(), [](const BodyLine& a, const BodyLine& b) { return a.baseline < b.baseline; });
    return lines;
}

void headings_at_foot(const PagedDocument& document, const Reader& reader, std::vector<LintFinding>& out) {
    for (std::size_t p = 0; p + 1 < document.pages.size(); ++p) {
        const auto lines = body_lines(document.pages[p], reader);
        std::set<std::int32_t> reported;
        for (std::size_t k = lines.size() >= 2 ? lines.size() - 2 : 0; k < lines.size(); ++k)
            for (const std::int32_t e : lines[k].elements) {
                const auto h = reader.ancestor(e, [](const StructElement& s) { return is_heading(s.role); });
                if (h >= 0 && reported.insert(h).second)
                    out.push_back(
                        {LintRule::HeadingAtFoot, static_cast<int>(p) + 1, reader.text(static_cast<std::size_t>(h))});
            }
    }
}

bool has_header(const Reader& reader, std::size_t row, HeaderScope scope) {
    for (const std::size_t cell : reader.children(row, Role::TH))
        if (reader.elements()[cell].scope == scope) return true;
    return false;
}

void tables_and_lists(const Reader& reader, std::vector<LintFinding>& out) {
    const auto& elements = reader.elements();
    for (std::size_t e = 0; e < elements.size(); ++e) {
        if (reader.first_page(e) < 0 || reader.first_page(e) == reader.last_page(e)) continue;
        if (elements[e].role == Role::Table) {
            std::map<int, int> rows;  // page -> body rows whose first line is on it
            for (const std::size_t row : reader.children(e, Role::TR)) {
                if (has_header(reader, row, HeaderScope::Column) || has_header(reader, row, HeaderScope::Row)) continue;
                if (reader.first_page(row) >= 0) ++rows[reader.first_page(row)];
            }
            if (rows.size() < 2) continue;
            for (const auto& [page, count] : rows)
                if (count < 3)
                    out.push_back({LintRule::ShortTablePart, page + 1,
                                   std::to_string(count) + (count == 1 ? " row of " : " rows of ") +
                                       reader.text(reader.children(e, Role::TR).front())});
        } else if (elements[e].role == Role::L) {
            const auto items = reader.children(e, Role::LI);
            if (items.size() < 3) continue;
            std::map<int, int> per_page;
            for (const std::size_t item : items) ++per_page[reader.first_page(item)];
            const int first = per_page.begin()->second, last = per_page.rbegin()->second;
            if (first == 1 || last == 1)
                out.push_back({LintRule::ListSplitAtEnd, (first == 1 ? per_page.begin() : --per_page.end())->first + 1,
                               reader.text(first == 1 ? items.front() : items.back())});
        }
    }
}

// A header cell whose line ends without the space it broke at: broken
// inside a word (by a hyphen or between letters), in a table whose columns
// had room for every header word (StructElement::slack).
void header_words(const PagedDocument& document, const Reader& reader, std::vector<LintFinding>& out) {
    std::set<std::int32_t> reported;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        std::map<std::int32_t, std::vector<const TextRun*>> cells;
        for (const Item& item : document.pages[p].items) {
            const auto* run = std::get_if<TextRun>(&item.content);
            if (!run || item.artifact || item.structure < 0) continue;
            const auto th = reader.ancestor(item.structure, [](const StructElement& s) {
                return s.role == Role::TH && s.scope == HeaderScope::Column;
            });
            const auto table =
                reader.ancestor(item.structure, [](const StructElement& s) { return s.role == Role::Table; });
            if (th >= 0 && table >= 0 && reader.elements()[static_cast<std::size_t>(table)].slack)
                cells[th].push_back(run);
        }
        for (auto& [cell, runs] : cells) {
            std::stable_sort(runs.begin(), runs.end(),
                             [](const TextRun* a, const TextRun* b) { return a->baseline < b->baseline - 0.5; });
            for (std::size_t i = 0; i + 1 < runs.size(); ++i) {
                const bool line_end = runs[i + 1]->baseline > runs[i]->baseline + 0.5;
                if (!line_end || runs[i]->text.empty() || runs[i]->text.back() == ' ') continue;
                if (reported.insert(cell).second)
                    out.push_back({LintRule::HeaderWordBroken, static_cast<int>(p) + 1,
                                   reader.text(static_cast<std::size_t>(cell))});
            }
        }
    }
}

void lone_signatures(const PagedDocument& document, const Reader& reader, std::vector<LintFinding>& out) {
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        bool content = false, other = false;
        for (const Item& item : document.pages[p].items) {
            if (item.artifact || item.structure < 0 || !std::holds_alternative<TextRun>(item.content)) continue;
            content = true;
            if (reader.ancestor(item.structure, [](const StructElement& s) { return s.signatures; }) < 0) other = true;
        }
        if (content && !other) out.push_back({LintRule::LoneSignatures, static_cast<int>(p) + 1, "signatures"});
    }
}

}  // namespace

std::string to_string(LintRule rule) {
    switch (rule) {
        case LintRule::HeadingAtFoot: return "heading in the last two lines of a page";
        case LintRule::ShortTablePart: return "table part with fewer than three rows";
        case LintRule::ListSplitAtEnd: return "list split one item from an end";
        case LintRule::HeaderWordBroken: return "header cell broken inside a word though the table had room";
        case LintRule::LoneSignatures: return "page with nothing but the signatures";
    }
    return "?";
}

std::string to_string(const LintFinding& finding) {
    return "page " + std::to_string(finding.page) + ": " + to_string(finding.rule) + " (" + finding.text + ")";
}

std::vector<LintFinding> lint(const PagedDocument& document) {
    std::vector<LintFinding> out;
    const Reader reader(document);
    headings_at_foot(document, reader, out);
    tables_and_lists(reader, out);
    header_words(document, reader, out);
    lone_signatures(document, reader, out);
    std::stable_sort(out.begin(), out.end(),
                     [](const LintFinding& a, const LintFinding& b) { return a.page < b.page; });
    return out;
}

}  // namespace layout
