// The rules and figures of an application to a fund
// (docs/formats-application.md, "Rules the build checks" and "What the
// documents compute"), on the fixture and on changed copies of its model.
#include <catch2/catch.hpp>

#include "ingest/dataset_loader.hpp"
#include "transform/fund_application.hpp"
#include "transform/transform.hpp"

namespace {

model::FundApplication fixture() {
    core::Diagnostics d;
    auto dataset = ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/fuelstockholm-2005", d);
    REQUIRE(dataset);
    REQUIRE(dataset->fund_application);
    return *dataset->fund_application;
}

bool has_error(const core::Diagnostics& d, const std::string& text) {
    for (const auto& item : d.items())
        if (item.severity == core::Severity::Error && item.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("application figures: the requested sum is the sum of the budget rows, per year and cost type") {
    const auto a = fixture();
    core::Diagnostics d;
    transform::validate_fund_application(a, d);
    CHECK(d.items().empty());
    const auto s = transform::summarise_fund_application(a);
    CHECK(s.total == 11907000);  // seed 001: "11 907 tkr"
    CHECK(s.years == std::vector<int>{2005, 2006});
    CHECK(s.year_totals == std::vector<model::Kronor>{5400000, 6507000});
    REQUIRE(s.lines.size() == 9);
    CHECK(s.lines[2].cost_type == "Lön och sociala avgifter, FUEL-agenter");
    CHECK(s.lines[2].per_year == std::vector<model::Kronor>{2640000, 3240000});
    CHECK(s.lines[2].total == 5880000);
    CHECK(s.months == 22);  // March 2005 to December 2006, both counted
    CHECK(s.staff == 8);    // a coordinator, a documentation lead, six agents
    REQUIRE(s.applicant);
    CHECK(s.applicant->name == "Socialtjänstförvaltningen");
    REQUIRE(s.participants.size() == 4);
    CHECK(s.participants[0]->short_name == "Farsta");
    CHECK(s.steering_group.size() == 4);
}

TEST_CASE("application figures: a cost type missing in one year is 0 there, and the totals follow every row") {
    auto a = fixture();
    a.budget.push_back({2006, "Lokalhyra", 50000, {}});
    a.budget[0].amount += 1000;
    const auto s = transform::summarise_fund_application(a);
    CHECK(s.total == 11907000 + 50000 + 1000);
    REQUIRE(s.lines.size() == 10);
    CHECK(s.lines.back().per_year == std::vector<model::Kronor>{0, 50000});
    CHECK(s.year_totals == std::vector<model::Kronor>{5401000, 6557000});
}

TEST_CASE("application rules: one applicant, some participant, periods in order, the committee after the date") {
    auto a = fixture();
    a.administrations[1].role = model::ApplicationRole::Applicant;
    a.period_to = {2005, 1};
    a.study_to = {2004, 9};
    a.decision.meeting_date = core::parse_iso_date("2005-02-01");
    core::Diagnostics d;
    transform::validate_fund_application(a, d);
    CHECK(has_error(d, "a second administration with role=\"applicant\""));
    CHECK(has_error(d, "the project's period ends (2005-01) before it starts (2005-03)"));
    CHECK(has_error(d, "the preliminary study ends (2004-09) before it starts (2004-10)"));
    CHECK(has_error(d, "the committee meets (2005-02-01) before the application is dated (2005-02-10)"));

    auto none = fixture();
    for (auto& ad : none.administrations) ad.role = model::ApplicationRole::Participant;
    core::Diagnostics n;
    transform::validate_fund_application(none, n);
    CHECK(has_error(n, "no <administration role=\"applicant\">"));
}

TEST_CASE("application rules: a budget row outside the period, or given twice, is an error at its line") {
    auto a = fixture();
    a.budget[3].year = 2007;
    a.budget[10].cost_type = a.budget[9].cost_type;
    core::Diagnostics d;
    transform::validate_fund_application(a, d);
    CHECK(has_error(d, "the budget year 2007 is outside the project's period 2005-03–2006-12"));
    CHECK(has_error(d, "is given twice, here and on line 11"));
}

TEST_CASE("application rules: the budget appendix is listed once, and one role is the lead's") {
    auto a = fixture();
    for (auto& t : a.attachments) t.budget = false;
    a.staff[1].lead = true;
    core::Diagnostics d;
    transform::validate_fund_application(a, d);
    CHECK(has_error(d, "<attachments> lists no <attachment budget=\"true\">"));
    CHECK(has_error(d, "a second <role lead=\"true\">"));
}

TEST_CASE("application rules: validate() applies them to an application dataset") {
    core::Diagnostics d;
    auto dataset = ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/fuelstockholm-2005", d);
    REQUIRE(dataset);
    dataset->fund_application->budget[0].year = 2004;
    transform::validate(*dataset, d);
    CHECK(has_error(d, "the budget year 2004 is outside"));
    const auto report = transform::aggregate(*dataset);
    REQUIRE(report.fund_application);
    CHECK(report.fund_application->total == 11907000);
}
