#include "document/content_size.hpp"

#include <type_traits>
#include <variant>

namespace doc {

namespace {

std::size_t rows_size(const std::vector<TableRow>& rows) {
    std::size_t size = 0;
    for (const TableRow& row : rows)
        for (const TableCell& cell : row.cells) size += 1 + cell.content.size();
    return size;
}

}  // namespace

std::size_t content_size(const Blocks& blocks) {
    std::size_t size = blocks.size();
    for (const Block& block : blocks) {
        std::visit(
            [&](const auto& node) {
                using Node = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<Node, Paragraph> || std::is_same_v<Node, Heading>) {
                    size += node.content.size();
                } else if constexpr (std::is_same_v<Node, List>) {
                    for (const Blocks& item : node.items) size += content_size(item);
                } else if constexpr (std::is_same_v<Node, Table>) {
                    size += rows_size(node.head) + rows_size(node.body) + rows_size(node.foot);
                } else if constexpr (std::is_same_v<Node, TableOfContents>) {
                    size += node.entries.size();
                }
            },
            block.node);
    }
    return size;
}

}  // namespace doc
