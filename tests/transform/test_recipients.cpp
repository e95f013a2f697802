// The statistics of recipients of financial assistance (docs/formats.md,
// "Recipients of financial assistance") and the share of projects that
// report their work implemented in ordinary work: the rules, and the
// figures against sums computed here from the rows.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "transform/recipients.hpp"
#include "transform/transform.hpp"

namespace {

model::Dataset with_counts(std::vector<model::RecipientCount> counts) {
    model::Dataset d;
    d.name = "test";
    d.round.administrations = {{"Farsta", model::AdministrationKind::District},
                               {"Järva", model::AdministrationKind::District},
                               {"Skarpnäck", model::AdministrationKind::District},
                               {"Socialförvaltningen", model::AdministrationKind::Central}};
    int line = 2;
    for (auto& c : counts) c.where = {"bistand.csv", line++, 1};
    d.recipient_statistics = std::move(counts);
    return d;
}

const core::Diagnostic* find(const core::Diagnostics& d, core::Severity severity, const std::string& text) {
    for (const auto& item : d.items())
        if (item.severity == severity && item.message.find(text) != std::string::npos) return &item;
    return nullptr;
}

// The change in tenths of a percent, computed here in floating point:
// round(1000 * part / whole), half away from zero (std::round).
std::int64_t tenths(double part, double whole) { return static_cast<std::int64_t>(std::round(1000.0 * part / whole)); }

}  // namespace

TEST_CASE("recipients: the city's total per year and each administration's reduction, against sums made here") {
    const std::vector<model::RecipientCount> counts = {
        {"Farsta", 1999, 1700, {}}, {"Järva", 1999, 5200, {}}, {"Skarpnäck", 1999, 1200, {}},
        {"Farsta", 2000, 1450, {}}, {"Järva", 2000, 5050, {}}, {"Skarpnäck", 2000, 1010, {}},
        {"Farsta", 2001, 935, {}},  {"Järva", 2001, 4503, {}}, {"Skarpnäck", 2001, 696, {}},
    };
    auto dataset = with_counts(counts);
    core::Diagnostics diagnostics;
    transform::validate(dataset, diagnostics);
    CHECK(diagnostics.items().empty());
    const auto report = transform::aggregate(dataset);
    REQUIRE(report.recipients);
    const auto& t = *report.recipients;
    CHECK(t.first_year == 1999);
    CHECK(t.last_year == 2001);

    std::map<int, double> total;
    for (const auto& c : counts) total[c.year] += static_cast<double>(c.recipients);
    REQUIRE(t.city.size() == total.size());
    for (const auto& y : t.city) {
        INFO(y.year);
        CHECK(static_cast<double>(y.recipients) == total[y.year]);
        CHECK(y.administrations == 3);
        CHECK(y.change_tenths == tenths(total[y.year] - total[1999], total[1999]));
    }
    CHECK(t.city_reduction_tenths == tenths(total[1999] - total[2001], total[1999]));

    // Farsta 45,0, Skarpnäck 42,0, Järva 13,4: the largest first.
    REQUIRE(t.administrations.size() == 3);
    CHECK(t.administrations[0].administration == "Farsta");
    CHECK(t.administrations[1].administration == "Skarpnäck");
    CHECK(t.administrations[2].administration == "Järva");
    for (const auto& a : t.administrations) {
        INFO(a.administration);
        double first = 0, last = 0;
        for (const auto& c : counts) {
            if (c.administration != a.administration) continue;
            if (c.year == 1999) first = static_cast<double>(c.recipients);
            if (c.year == 2001) last = static_cast<double>(c.recipients);
        }
        CHECK(static_cast<double>(a.first) == first);
        CHECK(static_cast<double>(a.last) == last);
        CHECK(a.reduction_tenths == tenths(first - last, first));
    }
    CHECK(t.administrations[2].reduction_tenths == 134);
}

TEST_CASE("recipients: an increase is a negative reduction, ties go by name, and 0 in the first year has none") {
    auto dataset = with_counts({{"Skarpnäck", 2001, 100, {}},
                                {"Skarpnäck", 2003, 50, {}},
                                {"Farsta", 2001, 200, {}},
                                {"Farsta", 2003, 100, {}},
                                {"Järva", 2001, 400, {}},
                                {"Järva", 2003, 500, {}},
                                {"Socialförvaltningen", 2001, 0, {}},
                                {"Socialförvaltningen", 2003, 7, {}}});
    const auto trend = transform::recipient_trend(dataset.recipient_statistics);
    REQUIRE(trend);
    REQUIRE(trend->administrations.size() == 3);
    CHECK(trend->administrations[0].administration == "Farsta");
    CHECK(trend->administrations[0].reduction_tenths == 500);
    CHECK(trend->administrations[1].administration == "Skarpnäck");
    CHECK(trend->administrations[2].administration == "Järva");
    CHECK(trend->administrations[2].reduction_tenths == -250);
    // 700 -> 657.
    CHECK(trend->city_reduction_tenths == tenths(700 - 657, 700));
}

TEST_CASE("recipients: a duplicate row and a negative count are errors, and are left out of the figures") {
    auto dataset = with_counts({{"Farsta", 1999, 1000, {}},
                                {"Farsta", 2003, 500, {}},
                                {"Farsta", 2003, 900, {}},
                                {"Järva", 1999, 2000, {}},
                                {"Järva", 2003, -10, {}}});
    core::Diagnostics diagnostics;
    transform::validate(dataset, diagnostics);
    const auto* duplicate =
        find(diagnostics, core::Severity::Error, "Farsta 2003 is given twice; the first is on line 3");
    REQUIRE(duplicate);
    CHECK(duplicate->where.line == 4);
    const auto* negative = find(diagnostics, core::Severity::Error, "Järva 2003: the number of recipients is negative");
    REQUIRE(negative);
    CHECK(negative->where.line == 6);
    const auto trend = transform::recipient_trend(dataset.recipient_statistics);
    REQUIRE(trend);
    REQUIRE(trend->city.size() == 2);
    CHECK(trend->city[0].recipients == 3000);
    CHECK(trend->city[1].recipients == 500);  // the first Farsta row only; Järva's negative count left out
    REQUIRE(trend->administrations.size() == 1);
    CHECK(trend->administrations[0].reduction_tenths == 500);
}

TEST_CASE("recipients: an unknown administration is a warning with the closest name, a missing year another") {
    auto dataset = with_counts({{"Farste", 1999, 1000, {}}, {"Farste", 2003, 500, {}}, {"Järva", 1999, 2000, {}}});
    core::Diagnostics diagnostics;
    transform::validate(dataset, diagnostics);
    CHECK(diagnostics.error_count() == 0);
    const auto* unknown =
        find(diagnostics, core::Severity::Warning, "\"Farste\" is not one of the round's administrations");
    REQUIRE(unknown);
    CHECK(unknown->message.find("did you mean Farsta?") != std::string::npos);
    CHECK(unknown->where.line == 2);
    // Named once, not once per row.
    int unknown_count = 0;
    for (const auto& d : diagnostics.items()) unknown_count += d.message.find("Farste\" is not") != std::string::npos;
    CHECK(unknown_count == 1);
    CHECK(find(diagnostics, core::Severity::Warning, "Järva has no count for 2003"));
}

TEST_CASE("recipients: percentages are rounded half away from zero") {
    CHECK(transform::percent_tenths(8794, 23450) == 375);  // 37,501
    CHECK(transform::percent_tenths(1, 8) == 125);         // 12,5 exactly
    CHECK(transform::percent_tenths(1, 16) == 63);         // 6,25 -> 6,3
    CHECK(transform::percent_tenths(-1, 16) == -63);
    CHECK(transform::percent_tenths(5, 0) == 0);
    CHECK(transform::percent_tenths(999'999'999'999'999, 999'999'999'999'999) == 1000);
}

TEST_CASE("implementation: of the grants whose genomförande report came in, those that say ja") {
    std::vector<model::ReportRequirement> rows(4);
    rows[0].kind = rows[1].kind = rows[2].kind = model::ReportKind::Implementation;
    rows[0].received = rows[1].received = core::parse_iso_date("2025-11-07");
    rows[0].implemented = true;
    rows[1].implemented = false;
    rows[3].kind = model::ReportKind::Economy;
    rows[3].received = core::parse_iso_date("2025-11-07");
    rows[3].implemented = true;  // not a genomförande report: does not count
    std::vector<model::GrantFollowUp> grants(3);
    grants[0].reports = {{model::ReportKind::Economy, model::ReportStatus::ApprovedOnTime, &rows[3]},
                         {model::ReportKind::Implementation, model::ReportStatus::ApprovedOnTime, &rows[0]}};
    grants[1].reports = {{model::ReportKind::Implementation, model::ReportStatus::NotYetAssessed, &rows[1]}};
    grants[2].reports = {{model::ReportKind::Implementation, model::ReportStatus::Missing, &rows[2]},
                         {model::ReportKind::Economy, model::ReportStatus::NotRecorded, nullptr}};
    const auto share = transform::implementation_share(grants);
    CHECK(share.implemented == 1);
    CHECK(share.reported == 2);
    CHECK(share.percent_tenths == 500);
}
