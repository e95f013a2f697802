#include "layout/furniture.hpp"

#include <algorithm>

#include "layout/line_breaking.hpp"
#include "layout/line_setting.hpp"

namespace layout {

namespace {

struct Furniture {
    const doc::PageSetup& page;
    TextShaper& shaper;
    TextSetting setting;
    double baseline = 0;  // of the last line
    ShapedText text;
    std::vector<Line> lines;

    // Sets `inlines` so that its last line sits on the furniture baseline
    // (a long header grows upwards, away from the body); returns the widest
    // line.
    double place(const doc::Inlines& inlines, const FieldValues& values, double width, bool right,
                 std::vector<Item>& items) {
        shaper.shape(inlines, setting, text, &values, true);
        if (text.empty()) return 0;
        break_lines(text, width, lines);
        double widest = 0;
        const double line_height = setting.line_height();
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const double x = right ? page.width - page.margin_right - lines[k].width : page.margin_left;
            const double y = baseline - static_cast<double>(lines.size() - 1 - k) * line_height;
            set_line(text, lines[k], x, y, shaper.metrics(), items);
            widest = std::max(widest, lines[k].width);
        }
        return widest;
    }
};

}  // namespace

void add_furniture(PagedDocument& document, const doc::PageSetup& page, const std::vector<bool>& mark_shown,
                   TextShaper& shaper, const Style& style) {
    Furniture furniture{page, shaper, TextSetting{Family::Sans, style.furniture_size, style.furniture_leading, false},
                        0,    {},     {}};
    const double ascent = shaper.metrics().ascent(FontId::SansRegular) * style.furniture_size / 1000.0;
    // Above the text area, but never off the top edge of the page.
    furniture.baseline = std::max(page.margin_top - style.furniture_rise, ascent);
    const double text_width = std::max(1.0, page.width - page.margin_left - page.margin_right);
    const int pages = static_cast<int>(document.pages.size());
    for (int p = 0; p < pages; ++p) {
        auto& items = document.pages[static_cast<std::size_t>(p)].items;
        const FieldValues values{p + 1, pages};
        double mark_width = 0;
        const bool shown = static_cast<std::size_t>(p) < mark_shown.size() && mark_shown[static_cast<std::size_t>(p)];
        if (!shown && !page.page_mark.empty())
            mark_width = furniture.place(page.page_mark, values, text_width, true, items);
        // The first page has the letterhead instead of a running header.
        if (p > 0 && !page.running_header.empty()) {
            const double width = std::max(text_width / 3, text_width - mark_width - style.furniture_gap);
            furniture.place(page.running_header, values, width, false, items);
        }
    }
}

}  // namespace layout
