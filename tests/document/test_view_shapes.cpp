// A check renders the templates over a view with one item of each shape
// (document/view_shapes.hpp). These cases pin the two halves of why that
// finds every template error a full render finds: the digest tells shapes
// apart exactly as Mustache's sections do, and a template renders the same
// diagnostics over the pruned view as over the whole one.
#include <catch2/catch.hpp>

#include "document/template.hpp"
#include "document/view_shapes.hpp"

namespace {

using kainjow::mustache::data;

data item(const std::string& title, bool partly, bool with_assessment) {
    data d;
    d["title"] = data(title);
    d["is_partly_granted"] = data(partly);
    data assessments{data::type::list};
    if (with_assessment) {
        data a;
        a["rating"] = data(std::string("uppfyller"));
        assessments.push_back(a);
    }
    d["assessments"] = std::move(assessments);
    return d;
}

std::vector<std::string> messages(const core::Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items())
        out.push_back(d.where.file + ":" + std::to_string(d.where.line) + ": " + d.message);
    return out;
}

}  // namespace

TEST_CASE("view shapes: the digest ignores text and member order, and tells flags, keys and empty lists apart") {
    const auto base = doc::shape_digest(item("Ett", false, true));
    CHECK(doc::shape_digest(item("Ett helt annat namn", false, true)) == base);
    CHECK(doc::shape_digest(item("Ett", true, true)) != base);    // a section opens
    CHECK(doc::shape_digest(item("Ett", false, false)) != base);  // an empty list opens none

    data reordered;  // the same members, made in another order
    data assessments{data::type::list};
    data a;
    a["rating"] = data(std::string("x"));
    assessments.push_back(a);
    reordered["assessments"] = std::move(assessments);
    reordered["is_partly_granted"] = data(false);
    reordered["title"] = data(std::string("Två"));
    CHECK(doc::shape_digest(reordered) == base);

    data extra = item("Ett", false, true);
    extra["motivation"] = data(std::string(""));  // a name more resolves
    CHECK(doc::shape_digest(extra) != base);
    data renamed = item("Ett", false, true);
    renamed["titel"] = data(std::string("Ett"));
    CHECK(doc::shape_digest(renamed) != doc::shape_digest(extra));
}

TEST_CASE("view shapes: a list keeps the first item of each shape in Shapes, every item in Full") {
    data full{data::type::list}, shapes{data::type::list};
    doc::ListOfShapes all(doc::ViewScope::Full), some(doc::ViewScope::Shapes);
    for (int i = 0; i < 1000; ++i) {
        all.add(full, item("Ansökan " + std::to_string(i), i == 700, true));
        some.add(shapes, item("Ansökan " + std::to_string(i), i == 700, true));
    }
    CHECK(full.list_value().size() == 1000);
    REQUIRE(shapes.list_value().size() == 2);
    CHECK(shapes.list_value()[0].get("title")->string_value() == "Ansökan 0");
    CHECK(shapes.list_value()[1].get("title")->string_value() == "Ansökan 700");
}

TEST_CASE("view shapes: a name only the 701st item's section asks for is an error over the pruned view too") {
    // {{motivatoin}} is misspelt, in a section that one item in a thousand opens.
    const doc::Template tmpl{"t", "t.md",
                             "# Ansökningar\n\n{{#list}}\n- {{title}}{{#is_partly_granted}} "
                             "{{motivatoin}}{{/is_partly_granted}}{{#assessments}} {{rating}}{{/assessments}}\n"
                             "{{/list}}\n"};
    auto view_of = [](doc::ViewScope scope) {
        data list{data::type::list};
        doc::ListOfShapes kept(scope);
        for (int i = 0; i < 1000; ++i) kept.add(list, item("Ansökan " + std::to_string(i), i == 700, i % 3 == 0));
        data view;
        view["list"] = std::move(list);
        return view;
    };
    core::Diagnostics full, pruned;
    doc::render_template(tmpl, view_of(doc::ViewScope::Full), full);
    doc::render_template(tmpl, view_of(doc::ViewScope::Shapes), pruned);
    REQUIRE(full.error_count() == 1);
    CHECK(messages(pruned) == messages(full));
    CHECK(messages(full).front().find("motivatoin") != std::string::npos);
}
