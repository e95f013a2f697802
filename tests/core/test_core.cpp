#include <catch2/catch.hpp>

#include "core/closest_match.hpp"
#include "core/date.hpp"
#include "core/diagnostics.hpp"

TEST_CASE("core: diagnostics print as file:line:column: severity: message") {
    core::Diagnostics d;
    d.error({"a.csv", 12, 3}, "bad");
    d.warning({"a.csv", 0, 0}, "whole file");
    CHECK(core::to_string(d.items()[0]) == "a.csv:12:3: error: bad");
    CHECK(core::to_string(d.items()[1]) == "a.csv: warning: whole file");
    CHECK(d.error_count() == 1);
    CHECK(d.warning_count() == 1);
}

TEST_CASE("core: diagnostics sort by file and line, keeping the found order for ties") {
    core::Diagnostics d;
    d.error({"b.csv", 2, 1}, "b2");
    d.error({"a.csv", 9, 1}, "a9");
    d.error({"a.csv", 1, 1}, "a1-first");
    d.error({"a.csv", 1, 1}, "a1-second");
    const auto sorted = d.sorted();
    CHECK(sorted[0].message == "a1-first");
    CHECK(sorted[1].message == "a1-second");
    CHECK(sorted[2].message == "a9");
    CHECK(sorted[3].message == "b2");
}

TEST_CASE("core: ISO dates are checked for existence") {
    CHECK(core::parse_iso_date("2024-02-29").has_value());
    CHECK_FALSE(core::parse_iso_date("2025-02-29").has_value());
    CHECK_FALSE(core::parse_iso_date("2024-13-01").has_value());
    CHECK_FALSE(core::parse_iso_date("2024-12-1").has_value());
    CHECK(core::to_iso(*core::parse_iso_date("2024-12-10")) == "2024-12-10");
}

TEST_CASE("core: the closest administration name is suggested, a far one is not") {
    const std::vector<std::string> names = {"Hägersten-Älvsjö", "Farsta", "Järva"};
    CHECK(core::edit_distance("Hägersten-Alvsjö", "Hägersten-Älvsjö") == 1);
    CHECK(core::closest_match("Hägersten-Alvsjö", names) == std::optional<std::string>("Hägersten-Älvsjö"));
    CHECK(core::closest_match("farsta", names) == std::optional<std::string>("Farsta"));
    CHECK_FALSE(core::closest_match("Göteborg", names).has_value());
}
