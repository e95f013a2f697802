// A template that Mustache cannot parse is reported at the file, line and
// column of the tag, not as a byte offset: the preview quotes that line.
#include <catch2/catch.hpp>

#include "document/template.hpp"

namespace {

core::Diagnostic parse_error(const std::string& source) {
    const doc::Template tmpl{"t", "t.md", source};
    core::Diagnostics diagnostics;
    doc::render_template(tmpl, kainjow::mustache::data{}, diagnostics);
    REQUIRE(diagnostics.items().size() == 1);
    return diagnostics.items().front();
}

}  // namespace

TEST_CASE("An unclosed section is reported at its line and column") {
    const auto d = parse_error("# Rubrik\n\nFörst text, så {{#oavslutad}}\nmer\n");
    CHECK(core::to_string(d.where) == "t.md:3:16");  // "ö" and "å" are one column each
    CHECK(d.message == "Mustache: Unclosed section \"oavslutad\"");
}

TEST_CASE("An unopened section and an unclosed tag are reported at their lines") {
    CHECK(core::to_string(parse_error("a\nb {{/x}}\n").where) == "t.md:2:3");
    CHECK(core::to_string(parse_error("{{x").where) == "t.md:1:1");
}
