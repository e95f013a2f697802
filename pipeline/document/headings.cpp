#include "document/headings.hpp"
#include "core/messages.hpp"

#include <map>
#include <string>

namespace doc {

namespace {

// Every block in document order, inside lists too; `BlockList` is Blocks
// or const Blocks.
template <class BlockList, class F>
void for_each_block(BlockList& blocks, const F& visit) {
    for (auto& block : blocks) {
        visit(block);
        if (auto* list = std::get_if<List>(&block.node))
            for (auto& item : list->items) for_each_block(item, visit);
    }
}

template <class F>
void for_each_inlines(Block& block, const F& visit) {
    if (auto* p = std::get_if<Paragraph>(&block.node))
        visit(p->content);
    else if (auto* h = std::get_if<Heading>(&block.node))
        visit(h->content);
    else if (auto* t = std::get_if<Table>(&block.node))
        for (auto* rows : {&t->head, &t->body, &t->foot})
            for (auto& row : *rows)
                for (auto& cell : row.cells) visit(cell.content);
}

// The headings by id; the first of equal ids wins, as for PDF anchors.
std::map<std::string, const Heading*> headings_by_id(const Blocks& body) {
    std::map<std::string, const Heading*> headings;
    for_each_block(body, [&](const Block& block) {
        if (const auto* h = std::get_if<Heading>(&block.node)) headings.emplace(h->id, h);
    });
    return headings;
}

// A table of contents repeats a heading's text but not its notes.
Inlines without_notes(Inlines content) {
    std::erase_if(content, [](const Inline& node) { return std::holds_alternative<Footnote>(node); });
    return content;
}

}  // namespace

void check_internal_links(const Blocks& body, const std::vector<InternalLink>& links, core::Diagnostics& diagnostics) {
    const auto headings = headings_by_id(body);
    for (const InternalLink& link : links) {
        const auto it = headings.find(link.id);
        if (it == headings.end())
            diagnostics.error(link.where, core::tr("link to \"#{1}\", but no heading has that id", link.id));
        else if (link.reference && it->second->number.empty())
            diagnostics.error(link.where, core::tr("cross-reference to \"#{1}\", a heading without a number "
                                                   "(number-headings in the front matter, and not {-})",
                                                   link.id));
    }
}

void resolve_cross_references(Blocks& body) {
    const auto headings = headings_by_id(body);
    std::map<std::string, std::string> numbers;
    for (const auto& [id, heading] : headings) numbers.emplace(id, heading->number);
    for_each_block(body, [&](Block& block) {
        for_each_inlines(block, [&](Inlines& content) {
            for (auto& node : content) {
                auto* text = std::get_if<Text>(&node);
                if (!text || !text->text.empty() || !text->link.starts_with('#')) continue;
                const auto it = numbers.find(text->link.substr(1));
                if (it != numbers.end()) text->text = it->second;
            }
        });
    });
}

void fill_tables_of_contents(Blocks& body) {
    std::vector<ContentsEntry> headings;
    for_each_block(body, [&](const Block& block) {
        if (const auto* h = std::get_if<Heading>(&block.node); h && h->listed)
            headings.push_back({h->level, h->number, h->id, without_notes(h->content)});
    });
    for_each_block(body, [&](Block& block) {
        auto* toc = std::get_if<TableOfContents>(&block.node);
        if (!toc) return;
        toc->entries.clear();
        for (const auto& entry : headings)
            if (entry.level >= toc->min_level && entry.level <= toc->max_level) toc->entries.push_back(entry);
    });
}

}  // namespace doc
