// Charts in the HTML: a figure with a visible caption and an inline SVG that
// assistive technology meets as one image named by the alternative text.
#include <catch2/catch.hpp>

#include "document/fenced_blocks.hpp"
#include "html/writer.hpp"

namespace {

doc::Chart chart_of(const std::string& body) {
    std::vector<std::string> errors;
    auto chart = doc::parse_chart(body, errors);
    REQUIRE(errors.empty());
    return chart;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("html: a chart is a figure whose SVG is one image named by its alternative text") {
    const auto chart =
        chart_of("kind: bars\ntitle: Medel <per> förvaltning\nunit: tkr\ndata:\nRinkeby | 3836\nKista | 420\n");
    const std::string html = html::render_blocks({{chart}});
    CHECK(html.rfind("<figure class=\"chart\">\n<figcaption>Medel &lt;per&gt; förvaltning</figcaption>\n<svg", 0) == 0);
    CHECK(count(html, "role=\"img\"") == 1);
    CHECK(count(html, "aria-label=\"" + std::string("Stapeldiagram: Medel &lt;per&gt; förvaltning; högst Rinkeby")) ==
          1);
    CHECK(count(html, "<title>Stapeldiagram:") == 1);
    CHECK(count(html, "<rect ") == 2);  // one bar per category
    CHECK(count(html, ">Rinkeby</text>") == 1);
    CHECK(count(html, ">3\u00A0836</text>") == 1);
    CHECK(html.find("</svg>\n</figure>\n") != std::string::npos);
}

TEST_CASE("html: a line chart is one polyline per series with a legend") {
    const auto chart = chart_of("kind: line\nseries: Staden | Rinkeby\ndata:\n1999 | 10 | 5\n2003 | 6 | 2\n");
    const std::string html = html::render_blocks({{chart}});
    CHECK(count(html, "<polyline ") == 2);
    CHECK(count(html, ">Staden</text>") == 1);
    CHECK(count(html, ">Rinkeby</text>") == 1);
}
