// The values panel's library (document/template_values.hpp): every name of
// the schema with this dataset's value, and each use at file:line:column.
#include <catch2/catch.hpp>

#include "document/template_values.hpp"

namespace {

using kainjow::mustache::data;

const doc::TemplateValue* find(const std::vector<doc::TemplateValue>& values, const std::string& name) {
    for (const auto& v : values)
        if (v.name == name) return &v;
    return nullptr;
}

}  // namespace

TEST_CASE("template values: names as templates write them, with kind, value and every use") {
    data first;
    first.set("title", std::string("Språkstöd"));
    data second;
    second.set("title", std::string("Brukarråd"));
    data list(data::type::list);
    list.push_back(first);
    list.push_back(second);
    data partly;
    partly.set("list", list);
    data lum;
    lum.set("code", std::string("LUM"));
    lum.set("partly_granted", partly);
    data funds(data::type::list);
    funds.push_back(lum);
    data round;
    round.set("year", std::string("2026"));
    data view;
    view.set("funds", funds);
    view.set("round", round);
    const doc::Template tmpl{"t", "b/t.md",
                             "År {{round.year}}\n"
                             "{{#lum.partly_granted.list}}\n"
                             "- {{title}} ({{round.year}})\n"
                             "{{/lum.partly_granted.list}}\n"};
    core::Diagnostics diagnostics;
    const auto values = doc::template_values(view, doc::DocumentKind::Round, {tmpl}, diagnostics);
    CHECK(diagnostics.empty());
    const auto* year = find(values, "round.year");
    REQUIRE(year != nullptr);
    CHECK(year->kind == doc::ValueKind::Number);
    CHECK(year->value == "2026");
    REQUIRE(year->uses.size() == 2);
    CHECK(year->uses[0].line == 1);
    CHECK(year->uses[0].column == 4);
    CHECK(year->uses[1].line == 3);
    CHECK(year->uses[1].column == 14);
    const auto* list_value = find(values, "lum.partly_granted.list");
    REQUIRE(list_value != nullptr);
    CHECK(list_value->kind == doc::ValueKind::List);
    CHECK(list_value->value == "2: Språkstöd; Brukarråd");
    CHECK(list_value->uses.size() == 1);
    const auto* title = find(values, "lum.partly_granted.list[].title");
    REQUIRE(title != nullptr);
    CHECK(title->value == "Språkstöd");
    REQUIRE(title->uses.size() == 1);
    CHECK(title->uses[0].file == "b/t.md");
    CHECK(title->uses[0].line == 3);
    CHECK(title->uses[0].column == 3);
    // A name of the schema this view lacks is listed, as not present.
    const auto* rejected = find(values, "lum.rejected.list");
    REQUIRE(rejected != nullptr);
    CHECK(!rejected->present);
}
