// Charts in layout: bars proportional to their values inside the text area,
// one Figure element with the alternative text for everything the chart
// places, and the chart kept whole on one page.
#include "chart/geometry.hpp"
#include "layout_support.hpp"

#include "document/fenced_blocks.hpp"

using namespace layout_test;

namespace {

doc::Chart chart_of(const std::string& body) {
    std::vector<std::string> errors;
    auto chart = doc::parse_chart(body, errors);
    REQUIRE(errors.empty());
    return chart;
}

// The bars and legend swatches: the fills that are not grid lines.
std::vector<const Fill*> fills(const Page& page) {
    std::vector<const Fill*> out;
    for (const Item& item : page.items)
        if (const auto* f = std::get_if<Fill>(&item.content); f && f->gray != chart::Settings{}.grid_gray)
            out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("layout: horizontal bars are proportional to their values and stay inside the text area") {
    const auto chart = chart_of("kind: bars\ntitle: Medel\nunit: tkr\ndata:\nA | 1000\nBB | 2000\nCCC | 4000\n");
    const auto paged = lay(document(small_page(60, 40), {doc::Block{chart}}));
    REQUIRE(paged.pages.size() == 1);
    const auto bars = fills(paged.pages[0]);
    REQUIRE(bars.size() == 3);
    // Zero is where every bar starts; the widths keep the values' ratios.
    CHECK(bars[0]->x == Approx(bars[1]->x));
    CHECK(bars[1]->width == Approx(2 * bars[0]->width));
    CHECK(bars[2]->width == Approx(4 * bars[0]->width));
    CHECK(bars[0]->y < bars[1]->y);  // in the data's order, top down
    const double right = kLeft + 60 * kChar;
    for (const Item& item : paged.pages[0].items) {
        if (const auto* run = std::get_if<TextRun>(&item.content)) {
            CHECK(run->x >= kLeft - 1e-6);
            CHECK(run->x + run->width <= right + 1e-6);
        }
        if (const auto* fill = std::get_if<Fill>(&item.content)) CHECK(fill->x + fill->width <= right + 1e-6);
    }
    // The caption, each category, each value and each tick label are shown.
    const auto texts = line_texts(paged.pages[0]);
    CHECK(texts.front() == "Medel");
    for (const char* label : {"A", "BB", "CCC", "1\u00A0000", "4\u00A0000", "tkr"}) {
        bool found = false;
        for (const auto& line : texts) found = found || line.find(label) != std::string::npos;
        CAPTURE(label);
        CHECK(found);
    }
}

TEST_CASE("layout: everything a chart places belongs to one Figure with its alternative text") {
    const auto chart =
        chart_of("kind: columns\ntitle: Per år\nseries: LUM | MUL\ndata:\n2024 | 10 | 2\n2025 | 12 | 3\n");
    const auto paged = lay(document(small_page(60, 40), {para("Före."), doc::Block{chart}}));
    std::int32_t figure = kNoElement;
    for (std::size_t i = 0; i < paged.structure.size(); ++i)
        if (paged.structure[i].role == Role::Figure) figure = static_cast<std::int32_t>(i);
    REQUIRE(figure != kNoElement);
    CHECK(paged.structure[static_cast<std::size_t>(figure)].alt == chart.alt);
    int outside = 0;
    for (const Item& item : paged.pages[0].items) {
        CHECK_FALSE(item.artifact);
        if (item.structure != figure) ++outside;
    }
    CHECK(outside == 1);  // the paragraph before the chart
    // Four bars and two legend swatches.
    CHECK(fills(paged.pages[0]).size() == 6);
}

TEST_CASE("layout: a line chart draws one path per series through every category") {
    const auto chart = chart_of("kind: line\ndata:\n1999 | 100\n2000 | 50\n2001 | 75\n");
    const auto paged = lay(document(small_page(60, 40), {doc::Block{chart}}));
    std::vector<const Polyline*> paths;
    for (const Item& item : paged.pages[0].items)
        if (const auto* p = std::get_if<Polyline>(&item.content)) paths.push_back(p);
    REQUIRE(paths.size() == 1);
    REQUIRE(paths[0]->points.size() == 3);
    const auto& p = paths[0]->points;
    CHECK(p[0].x < p[1].x);
    CHECK(p[1].x < p[2].x);
    // y grows downwards: 100 is highest, 50 lowest, 75 half-way between.
    CHECK(p[0].y < p[2].y);
    CHECK(p[2].y < p[1].y);
    CHECK(p[2].y - p[0].y == Approx((p[1].y - p[0].y) / 2));
}

TEST_CASE("layout: a chart that does not fit below the text moves whole to the next page") {
    const auto chart = chart_of("kind: bars\ndata:\nA | 1\nB | 2\nC | 3\nD | 4\n");
    doc::Blocks body;
    for (int i = 0; i < 30; ++i) body.push_back(para("rad"));
    body.push_back(doc::Block{chart});
    const auto paged = lay(document(small_page(60, 36), body));
    REQUIRE(paged.pages.size() == 2);
    CHECK(fills(paged.pages[0]).empty());
    CHECK(fills(paged.pages[1]).size() == 4);
}
