// An application's view is made once and listed in each of its fund's lists
// (document/shared_item.hpp): the lists hold shared items, which a template
// renders as the value itself.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <memory>

#include "document/shared_item.hpp"
#include "document/template.hpp"
#include "document/view_model.hpp"
#include "ingest/dataset_loader.hpp"
#include "transform/transform.hpp"

namespace {

using kainjow::mustache::data;

data application(const std::string& title) {
    data d;
    d["title"] = data(title);
    data ratings{data::type::list};
    ratings.push_back(data(std::string("hög")));
    d["ratings"] = std::move(ratings);
    return d;
}

std::string render(const data& view, const std::string& source) {
    const doc::Template tmpl{"t", "t.md", source};
    core::Diagnostics diagnostics;
    auto rendered = doc::render_template(tmpl, view, diagnostics);
    CHECK(diagnostics.items().empty());
    return rendered.markdown;
}

}  // namespace

TEST_CASE("shared item: a section over shared items renders what it renders over the values") {
    const std::string source =
        "{{#list}}\n- {{title}}{{#ratings}} {{.}}{{/ratings}} {{total}}\n{{/list}}\n{{^list}}ingen{{/list}}\n";
    data copies{data::type::list}, shared{data::type::list};
    for (const auto* title : {"Ett", "Två", "Tre"}) {
        copies.push_back(application(title));
        shared.push_back(doc::shared_item(std::make_shared<const data>(application(title))));
    }
    data by_copy, by_share;
    by_copy.set("list", copies);
    by_copy["total"] = data(std::string("3"));
    by_share.set("list", shared);
    by_share["total"] = data(std::string("3"));
    const auto text = render(by_copy, source);
    CHECK(text == "- Ett hög 3\n- Två hög 3\n- Tre hög 3\n\n");
    CHECK(render(by_share, source) == text);
    CHECK(doc::resolved(shared.list_value()[1]).get("title")->string_value() == "Två");
    CHECK(&doc::resolved(copies.list_value()[1]) == &copies.list_value()[1]);
}

TEST_CASE("shared item: each application's view is one value in all of its fund's lists") {
    core::Diagnostics diagnostics;
    const auto dataset =
        ingest::load_dataset((std::filesystem::path(FUEL_SOURCE_DIR) / "fixtures/lum-mul-2025").string(), diagnostics);
    REQUIRE(dataset);
    const auto view = doc::make_view_model(transform::aggregate(*dataset));
    std::size_t listed = 0, applications = 0;
    for (const auto& fund : view.get(doc::kFundsList)->list_value()) {
        std::map<std::string, const data*> by_id;
        for (const auto& item : fund.get("applications")->get("list")->list_value()) {
            const data& value = doc::resolved(item);
            REQUIRE(value.is_object());
            by_id[value.get("id")->string_value()] = &value;
        }
        applications += by_id.size();
        for (const auto* name : {"granted", "granted_in_full", "partly_granted", "rejected"})
            for (const auto& item : fund.get(name)->get("list")->list_value()) {
                const data& value = doc::resolved(item);
                CHECK(by_id.at(value.get("id")->string_value()) == &value);
                ++listed;
            }
    }
    CHECK(applications > 0);
    CHECK(listed >= applications);  // granted and one of its parts, or rejected
}
