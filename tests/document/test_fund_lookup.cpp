// A template finds a fund by its code in lower case ({{lum.name}}) as well as
// in the list `funds` (templates/README.md): the view holds each fund once,
// in the list, and the template context looks the code up (view_model.hpp).
// Also: the round's templates built on several threads give what one thread
// gives, in the same order.
#include <catch2/catch.hpp>

#include <memory>

#include "document/build.hpp"
#include "document/template.hpp"
#include "document/view_model.hpp"

namespace {

using kainjow::mustache::data;

data fund(const std::string& code, const std::string& name) {
    data d;
    d.set("code", code);
    d.set("name", name);
    data total;
    total.set("kronor", name + " kronor");
    d.set("total", total);
    return d;
}

data view() {
    data funds{data::type::list};
    funds.push_back(fund("LUM", "lokala"));
    funds.push_back(fund("MUL", "studie"));
    data d;
    d.set(doc::kFundsList, funds);
    data inner;
    inner.set("lum", fund("X", "inre"));
    d.set("inner", inner);
    return d;
}

struct Rendered {
    std::string text;
    core::Diagnostics diagnostics;
};

Rendered render(const std::string& source) {
    Rendered r;
    const doc::Template tmpl{"t", "t.md", source};
    r.text = doc::render_template(tmpl, view(), r.diagnostics).markdown;
    while (!r.text.empty() && r.text.back() == '\n') r.text.pop_back();
    return r;
}

}  // namespace

TEST_CASE("fund lookup: a fund's fields by its code in lower case, and the same funds in the list") {
    const auto r = render(
        "{{lum.name}} {{mul.name}} {{lum.total.kronor}}|{{#funds}}{{code}} {{/funds}}|"
        "{{#mul}}{{name}}{{/mul}}|{{#lum.total}}{{kronor}}{{/lum.total}}");
    CHECK(r.diagnostics.items().empty());
    CHECK(r.text == "lokala studie lokala kronor|LUM MUL |studie|lokala kronor");
}

TEST_CASE("fund lookup: a name of an inner section comes first, as it does for the root's own names") {
    const auto r = render("{{#inner}}{{lum.name}}{{/inner}} {{lum.name}}");
    CHECK(r.diagnostics.items().empty());
    CHECK(r.text == "inre lokala");
}

TEST_CASE("fund lookup: an unknown code, or a field a fund does not have, is reported as a missing name") {
    const auto r = render("{{xyz.name}}{{lum.nothing}}{{LUM.name}}");
    CHECK(r.text.empty());
    REQUIRE(r.diagnostics.items().size() == 3);
    CHECK(core::to_string(r.diagnostics.items()[0]).find("{{LUM.name}}") != std::string::npos);
    CHECK(core::to_string(r.diagnostics.items()[1]).find("{{lum.nothing}}") != std::string::npos);
    CHECK(core::to_string(r.diagnostics.items()[2]).find("{{xyz.name}}") != std::string::npos);
}

TEST_CASE("fund lookup: templates built on four threads give the documents and diagnostics of one thread") {
    model::Dataset dataset;
    dataset.round.title = "Runda";
    dataset.round.date = {2026, 1, 1};
    model::Report report;
    report.dataset = &dataset;
    std::vector<doc::Template> templates;
    for (int i = 0; i < 12; ++i) {
        const std::string n = std::to_string(i);
        // Every third asks for a name the view does not have.
        templates.push_back({"t" + n, "t" + n + ".md",
                             "# Dokument " + n + "\n\n{{lum.name}} {{#funds}}{{code}} {{/funds}}" +
                                 (i % 3 == 0 ? "{{saknas" + n + "}}" : "") + "\n"});
    }
    core::Diagnostics one, four;
    const auto sequential = doc::build_documents(report, view(), templates, one, 1);
    const auto threaded = doc::build_documents(report, view(), templates, four, 4);
    REQUIRE(sequential.size() == templates.size());
    REQUIRE(threaded.size() == templates.size());
    for (std::size_t i = 0; i < templates.size(); ++i) CHECK(doc::dump(threaded[i]) == doc::dump(sequential[i]));
    REQUIRE(one.items().size() == 4);
    REQUIRE(four.items().size() == one.items().size());
    for (std::size_t i = 0; i < one.items().size(); ++i)
        CHECK(core::to_string(four.items()[i]) == core::to_string(one.items()[i]));
    CHECK(core::to_string(one.items()[0]).find("t0.md") != std::string::npos);
    CHECK(core::to_string(one.items()[3]).find("t9.md") != std::string::npos);
    // With the view given up (freed between the renderings and the parsing):
    // the same documents and diagnostics, in the same order.
    for (const unsigned threads : {1u, 4u}) {
        core::Diagnostics given;
        const auto built =
            doc::build_documents(report, std::make_unique<kainjow::mustache::data>(view()), templates, given, threads);
        REQUIRE(built.size() == templates.size());
        for (std::size_t i = 0; i < templates.size(); ++i) CHECK(doc::dump(built[i]) == doc::dump(sequential[i]));
        REQUIRE(given.items().size() == one.items().size());
        for (std::size_t i = 0; i < one.items().size(); ++i)
            CHECK(core::to_string(given.items()[i]) == core::to_string(one.items()[i]));
    }
}
