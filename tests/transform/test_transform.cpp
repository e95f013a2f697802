#include <catch2/catch.hpp>

#include "transform/transform.hpp"

namespace {

model::Dataset small_round() {
    model::Dataset d;
    d.name = "test";
    auto& r = d.round;
    r.funds.push_back({"LUM", "lokala utvecklingsmedel", 1000000, std::nullopt, {}, {"round.xml", 3, 1}});
    r.funds.push_back({"MUL", "studiebesök", 60000, 25000, {}, {"round.xml", 9, 1}});
    r.administrations = {{"Farsta", model::AdministrationKind::District},
                         {"Hägersten-Älvsjö", model::AdministrationKind::District},
                         {"Socialförvaltningen", model::AdministrationKind::Central}};
    auto app = [](std::string id, std::string fund, std::string admin, model::Kronor req, model::Decision dec,
                  model::Kronor granted, std::string motivation, int line) {
        model::Application a;
        a.id = std::move(id);
        a.fund = std::move(fund);
        a.administration = std::move(admin);
        a.title = "Titel " + a.id;
        a.requested = req;
        a.decision = dec;
        a.granted = granted;
        a.motivation = std::move(motivation);
        a.where = {"lum.csv", line, 1};
        return a;
    };
    using model::Decision;
    d.applications = {
        app("L1", "LUM", "Farsta", 500000, Decision::Granted, 500000, "", 2),
        app("L2", "LUM", "Hägersten-Älvsjö", 400000, Decision::PartlyGranted, 200000, "för en förstudie", 3),
        app("L3", "LUM", "Socialförvaltningen", 300000, Decision::Rejected, 0, "bedöms inte uppfylla", 4),
        app("M1", "MUL", "Farsta", 25000, Decision::PartlyGranted, 20000, "så att alla ryms", 5),
        app("M2", "MUL", "Socialförvaltningen", 25000, Decision::PartlyGranted, 20000, "så att alla ryms", 6),
    };
    return d;
}

bool has_error_containing(const core::Diagnostics& diagnostics, const std::string& text) {
    for (const auto& d : diagnostics.items())
        if (d.severity == core::Severity::Error && d.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("transform: a consistent round validates without problems") {
    const auto d = small_round();
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(diagnostics.empty());
}

TEST_CASE("transform: totals and counts are computed from the applications") {
    const auto d = small_round();
    const auto report = transform::aggregate(d);
    REQUIRE(report.funds.size() == 2);
    const auto* lum = report.fund("LUM");
    REQUIRE(lum);
    CHECK(lum->total_requested == 500000 + 400000 + 300000);
    CHECK(lum->total_granted == 500000 + 200000);
    CHECK(lum->granted_in_full.size() == 1);
    CHECK(lum->partly_granted.size() == 1);
    CHECK(lum->rejected.size() == 1);
    CHECK(lum->granted.size() == 2);
    CHECK(lum->districts_applying == 2);
    CHECK(lum->central_applying == 1);
    CHECK(lum->uniform_granted_amount == 0);  // 500 000 and 200 000 differ
    const auto* mul = report.fund("MUL");
    REQUIRE(mul);
    CHECK(mul->uniform_granted_amount == 20000);
    CHECK(report.total_granted == 700000 + 40000);
}

TEST_CASE("transform: a granted MUL above the maximum fails") {
    auto d = small_round();
    d.applications[3].requested = 30000;
    d.applications[3].granted = 30000;
    d.applications[3].decision = model::Decision::Granted;
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(has_error_containing(diagnostics, "above the MUL maximum of 25000 kr"));
}

TEST_CASE("transform: total granted above the budget fails") {
    auto d = small_round();
    d.round.funds[0].budget = 600000;
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(has_error_containing(diagnostics, "LUM: the grants add up to 700000 kr, more than the budget of 600000 kr"));
}

TEST_CASE("transform: a rejection without motivation fails") {
    auto d = small_round();
    d.applications[2].motivation.clear();
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(has_error_containing(diagnostics, "a rejection needs a motivation"));
    CHECK(diagnostics.items().front().where.line == 4);
}

TEST_CASE("transform: a partial grant not below the request fails") {
    auto d = small_round();
    d.applications[1].granted = 400000;
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(has_error_containing(diagnostics, "a partial grant must be above 0 and below"));
}

TEST_CASE("transform: a full grant must equal the request, a rejection grants nothing") {
    auto d = small_round();
    d.applications[0].granted = 450000;
    d.applications[2].granted = 1000;
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(has_error_containing(diagnostics, "granted in full, but granted 450000 kr"));
    CHECK(has_error_containing(diagnostics, "rejected, but granted 1000 kr"));
}

TEST_CASE("transform: a repeated id is named with the first place it was used") {
    auto d = small_round();
    d.applications[1].id = "L1";
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(has_error_containing(diagnostics, "the id L1 is used again; first at lum.csv:2:1"));
}

TEST_CASE("transform: an unknown administration gets the closest name suggested") {
    auto d = small_round();
    d.applications[1].administration = "Hägersten-Alvsjö";
    core::Diagnostics diagnostics;
    transform::validate(d, diagnostics);
    CHECK(has_error_containing(diagnostics, "did you mean Hägersten-Älvsjö?"));
}
