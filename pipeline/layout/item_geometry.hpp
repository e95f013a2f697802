#pragma once
// Moving placed items: slices are laid out at y = 0 and moved onto pages.
#include <type_traits>
#include <variant>

#include "layout/paged_document.hpp"

namespace layout {

inline void shift(Item& item, double dx, double dy) {
    std::visit(
        [&](auto& content) {
            using T = std::decay_t<decltype(content)>;
            if constexpr (std::is_same_v<T, TextRun>) {
                content.x += dx;
                content.baseline += dy;
            } else if constexpr (std::is_same_v<T, Rule>) {
                content.x1 += dx;
                content.x2 += dx;
                content.y1 += dy;
                content.y2 += dy;
            } else if constexpr (std::is_same_v<T, Polyline>) {
                for (Point& p : content.points) {
                    p.x += dx;
                    p.y += dy;
                }
            } else {
                content.x += dx;
                content.y += dy;
            }
        },
        item.content);
}

}  // namespace layout
