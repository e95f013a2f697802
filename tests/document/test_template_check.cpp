// Templates checked whole (document/template_check.hpp): names against the
// schema of the view whatever the data holds, structural errors once where
// the construct opens, chart values that are text; each at
// file:line:column exactly.
#include <catch2/catch.hpp>

#include "core/diagnostics.hpp"
#include "document/build.hpp"
#include "document/template_check.hpp"
#include "document/view_schema.hpp"

namespace {

using kainjow::mustache::data;

// A round's view as far as the check reads it: the funds' codes. LUM's
// partly granted applications are none this round.
data round_view() {
    data partly;
    partly.set("list", data(data::type::list));
    data lum;
    lum.set("code", std::string("LUM"));
    lum.set("partly_granted", partly);
    data kronor;
    kronor.set("kronor", std::string("300 000 kronor"));
    kronor.set("number", std::string("300 000"));
    lum.set("total_granted", kronor);
    data funds(data::type::list);
    funds.push_back(lum);
    data view;
    view.set("funds", funds);
    return view;
}

std::vector<std::string> check(const std::string& source) {
    const doc::Template tmpl{"t", "beslut/t.md", source};
    core::Diagnostics diagnostics;
    doc::check_template(tmpl, doc::view_schema(doc::DocumentKind::Round), round_view(), diagnostics);
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) out.push_back(core::to_string(d));
    return out;
}

}  // namespace

TEST_CASE("template check: a misspelt name inside a section this round does not render is found, with did you mean") {
    const auto errors = check(
        "# Beslut\n"
        "\n"
        "{{#lum.partly_granted.list}}\n"
        "- {{titel}}: {{granted.kronor}}\n"
        "{{/lum.partly_granted.list}}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "beslut/t.md:4:3: error: {{titel}} names nothing this document's data can have; did you mean {{title}}? "
          "(templates/README.md lists the names)");
}

TEST_CASE("template check: a dotted name is resolved part by part, and the part at fault is the one corrected") {
    const auto errors = check("Beviljat: {{lum.total_granted.kronr}} och {{round.yaer}}.\n");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] ==
          "beslut/t.md:1:11: error: {{lum.total_granted.kronr}} names nothing this document's data can have; did you "
          "mean {{lum.total_granted.kronor}}? (templates/README.md lists the names)");
    CHECK(errors[1] ==
          "beslut/t.md:1:43: error: {{round.yaer}} names nothing this document's data can have; did you mean "
          "{{round.year}}? (templates/README.md lists the names)");
}

TEST_CASE("template check: names resolve through the section's context and its parents, as Mustache does") {
    // `round` is the top's, `code` the fund's, `title` the application's.
    CHECK(check("{{#funds}}{{code}}{{#applications.list}}{{title}} {{code}} {{round.year}}{{/applications.list}}"
                "{{/funds}}\n")
              .empty());
    // A name only an inner section has is not found outside it.
    const auto errors = check("{{#funds}}{{code}}{{/funds}} {{title}}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("beslut/t.md:1:30: error: {{title}} names nothing", 0) == 0);
}

TEST_CASE("template check: an unclosed section is reported once, where it opens, with what closes it") {
    const auto errors = check(
        "Rad ett\n"
        "{{#funds}}\n"
        "{{#has_max}}Högst {{max_per_application.kronor}}.\n"
        "{{/funds}}\n"
        "{{nonsense}}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "beslut/t.md:3:1: error: the section {{#has_max}} opened here is closed by {{/funds}} at line 4, column 1; "
          "close it with {{/has_max}}");
}

TEST_CASE("template check: a section never closed is reported at its line, not at the end of the file") {
    const auto errors = check("a\n  {{^funds}}Inga fonder.\nb\nc\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "beslut/t.md:2:3: error: the section {{^funds}} opened here is never closed; close it with "
          "{{/funds}}");
}

TEST_CASE("template check: a tag without its closing braces is reported where it opens") {
    auto errors = check("Året {{round.year} och {{round.title}}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "beslut/t.md:1:6: error: the tag {{round.year} och opened here is not closed with }}");
    errors = check("{{{round.title}}\nmer\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("beslut/t.md:1:1: error: the tag {{{round.title}}", 0) == 0);
}

TEST_CASE("template check: an unclosed ``` block is one error at its fence's line") {
    auto errors = check(
        "# Rubrik\n"
        "```chart\n"
        "title: Beviljat\n"
        "data:\n"
        "LUM | {{lum.total_granted.number}}\n"
        "\n"
        "Text efter.\n"
        "```toc\n"
        "levels: 2-3\n"
        "```\n"
        "Mer text {{nonsense}}.\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "beslut/t.md:2:1: error: the ```chart block opened here is not closed before the ```toc "
          "block at line 8; end it with a line ```");
    errors = check("a\n```chart\ndata:\nx | 1\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "beslut/t.md:2:1: error: the ```chart block opened here is never closed; end it with a line ```");
}

TEST_CASE("template check: a chart value that is a formatted amount names the name and its number") {
    const auto errors = check(
        "```chart\n"
        "title: Beviljat {{lum.total_granted.kronor}}\n"
        "data:\n"
        "LUM | {{lum.total_granted.kronor}}\n"
        "{{lum.total_granted.kronor}} | {{lum.total_granted.number}}\n"
        "```\n");
    // The title and the label may be text; the value may not.
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "beslut/t.md:4:7: error: chart: {{lum.total_granted.kronor}} gives text (\"300 000 kronor\" in this "
          "dataset), not a number the chart can draw; {{lum.total_granted.number}} gives its number");
}

TEST_CASE("template check: columns count characters, not bytes") {
    const auto errors = check("Å är {{nonsens}}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("beslut/t.md:1:6: error:", 0) == 0);
}

TEST_CASE("template check: a chart's problem is at its key's or data row's template line, past expanded sections") {
    const doc::Template tmpl{"t", "beslut/t.md",
                             "# Rubrik\n"
                             "\n"
                             "{{#funds}}\n"
                             "- {{code}}\n"
                             "{{/funds}}\n"
                             "\n"
                             "```chart\n"
                             "title: Beviljat\n"
                             "kind: pie\n"
                             "data:\n"
                             "LUM | 12\n"
                             "MUL | 3 tkr\n"
                             "```\n"};
    data funds(data::type::list);
    for (const char* code : {"LUM", "MUL", "XYZ"}) {
        data fund;
        fund.set("code", std::string(code));
        funds.push_back(fund);
    }
    data view;
    view.set("funds", funds);
    core::Diagnostics diagnostics;
    const auto rendered = doc::render_template(tmpl, view, diagnostics);
    doc::build_body(rendered, tmpl.path, diagnostics);
    std::vector<std::string> errors;
    for (const auto& d : diagnostics.items()) errors.push_back(core::to_string(d));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0] == "beslut/t.md:9:1: error: chart: kind: \"pie\" is not columns, bars or line");
    CHECK(errors[1] == "beslut/t.md:12:1: error: chart: data row 2: \"3 tkr\" is not a number");
}
