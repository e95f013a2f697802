// Swedish formatting by Svenska skrivregler as the house style states them.
// Expected strings spell out U+00A0 (no-break space), U+2212 (minus) and
// U+2013 (en dash) so that a reader sees which character is meant.
#include <catch2/catch.hpp>

#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>

#include "document/format_sv.hpp"

namespace sv = doc::sv;

TEST_CASE("format_sv: integers are grouped in threes by a no-break space, from four digits") {
    CHECK(sv::integer(0) == "0");
    CHECK(sv::integer(1) == "1");
    CHECK(sv::integer(999) == "999");
    CHECK(sv::integer(1000) == "1\u00A0000");
    CHECK(sv::integer(5587) == "5\u00A0587");
    CHECK(sv::integer(99999) == "99\u00A0999");
    CHECK(sv::integer(100000) == "100\u00A0000");
    CHECK(sv::integer(1000000) == "1\u00A0000\u00A0000");
    CHECK(sv::integer(4000000) == "4\u00A0000\u00A0000");
}

TEST_CASE("format_sv: negative integers take the minus sign U+2212") {
    CHECK(sv::integer(-12) == "\u221212");
    CHECK(sv::integer(-1) == "\u22121");
    CHECK(sv::integer(-1000) == "\u22121\u00A0000");
    CHECK(sv::integer(std::numeric_limits<std::int64_t>::min()) ==
          "\u22129\u00A0223\u00A0372\u00A0036\u00A0854\u00A0775\u00A0808");
    CHECK(sv::integer(std::numeric_limits<std::int64_t>::max()) ==
          "9\u00A0223\u00A0372\u00A0036\u00A0854\u00A0775\u00A0807");
}

// Our own grouping must agree with ICU's sv-SE data; if a future CLDR changes
// (say, to minimumGroupingDigits 2), this test names the difference.
TEST_CASE("format_sv: integer agrees with ICU's sv-SE number format") {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> icu_format(icu::NumberFormat::createInstance(icu::Locale("sv", "SE"), status));
    REQUIRE(U_SUCCESS(status));
    for (std::int64_t n : {std::int64_t{0}, std::int64_t{7}, std::int64_t{999}, std::int64_t{1000}, std::int64_t{5587},
                           std::int64_t{-12}, std::int64_t{-4321}, std::int64_t{15528000}, std::int64_t{-987654321},
                           std::int64_t{4000000000}}) {
        icu::UnicodeString formatted;
        icu_format->format(static_cast<int64_t>(n), formatted);
        std::string expected;
        formatted.toUTF8String(expected);
        CAPTURE(n);
        CHECK(sv::integer(n) == expected);
    }
}

TEST_CASE("format_sv: decimals use a comma and round half away from zero") {
    CHECK(sv::decimal(37.5, 1) == "37,5");
    CHECK(sv::decimal(37.5, 0) == "38");
    CHECK(sv::decimal(12, 2) == "12,00");
    CHECK(sv::decimal(0.05, 1) == "0,1");
    CHECK(sv::decimal(-0.05, 1) == "\u22120,1");
    CHECK(sv::decimal(0.04, 1) == "0,0");
    CHECK(sv::decimal(0.5, 0) == "1");
    CHECK(sv::decimal(1.5, 0) == "2");
    CHECK(sv::decimal(2.5, 0) == "3");  // not half to even
    CHECK(sv::decimal(-2.5, 0) == "\u22123");
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875;
    // the shortest decimal form is 2.675, and that is what a reader typed.
    CHECK(sv::decimal(2.675, 2) == "2,68");
    CHECK(sv::decimal(9.99, 1) == "10,0");
    CHECK(sv::decimal(999.95, 1) == "1\u00A0000,0");
    CHECK(sv::decimal(1234567.5, 1) == "1\u00A0234\u00A0567,5");
    CHECK(sv::decimal(0.125, 5) == "0,12500");
}

TEST_CASE("format_sv: a decimal that rounds to zero has no minus sign") {
    CHECK(sv::decimal(-0.04, 1) == "0,0");
    CHECK(sv::decimal(-0.0, 2) == "0,00");
    CHECK(sv::decimal(-1e-9, 0) == "0");
    CHECK(sv::decimal(1e-7, 2) == "0,00");
}

TEST_CASE("format_sv: decimal rejects what it cannot print honestly") {
    CHECK_THROWS_AS(sv::decimal(std::nan(""), 1), std::invalid_argument);
    CHECK_THROWS_AS(sv::decimal(std::numeric_limits<double>::infinity(), 1), std::invalid_argument);
    CHECK_THROWS_AS(sv::decimal(1.0, -1), std::invalid_argument);
    CHECK_THROWS_AS(sv::decimal(1.0, 16), std::invalid_argument);
    CHECK(sv::decimal(1e20, 0) == "100\u00A0000\u00A0000\u00A0000\u00A0000\u00A0000\u00A0000");
}

TEST_CASE("format_sv: percent in prose and in tables, the unit glued to the number") {
    CHECK(sv::percent_prose(37.5, 1) == "37,5\u00A0procent");
    CHECK(sv::percent_prose(100, 0) == "100\u00A0procent");
    CHECK(sv::percent_table(37.5, 1) == "37,5\u00A0%");
    CHECK(sv::percent_table(-2.25, 1) == "\u22122,3\u00A0%");
    CHECK(sv::percent_table(0.05, 1) == "0,1\u00A0%");
}

TEST_CASE("format_sv: kronor in prose and kr in tables") {
    CHECK(sv::kronor(4000000) == "4\u00A0000\u00A0000\u00A0kronor");
    CHECK(sv::kronor(0) == "0\u00A0kronor");
    CHECK(sv::kronor(-12) == "\u221212\u00A0kronor");
    CHECK(sv::kr(4000000) == "4\u00A0000\u00A0000\u00A0kr");
    CHECK(sv::kr(999) == "999\u00A0kr");
    CHECK(sv::kr(-1500) == "\u22121\u00A0500\u00A0kr");
}

TEST_CASE("format_sv: tkr rounds to thousands half away from zero") {
    CHECK(sv::tkr(15528000) == "15\u00A0528\u00A0tkr");
    CHECK(sv::tkr(15528499) == "15\u00A0528\u00A0tkr");
    CHECK(sv::tkr(15528500) == "15\u00A0529\u00A0tkr");
    CHECK(sv::tkr(-15528500) == "\u221215\u00A0529\u00A0tkr");
    CHECK(sv::tkr(-15528499) == "\u221215\u00A0528\u00A0tkr");
    CHECK(sv::tkr(0) == "0\u00A0tkr");
    CHECK(sv::tkr(499) == "0\u00A0tkr");
    CHECK(sv::tkr(-499) == "0\u00A0tkr");
    CHECK(sv::tkr(500) == "1\u00A0tkr");
    CHECK(sv::tkr(999999) == "1\u00A0000\u00A0tkr");
}

TEST_CASE("format_sv: millions keep up to two decimals and drop trailing zeros") {
    CHECK(sv::millions(4000000, "mkr") == "4\u00A0mkr");
    CHECK(sv::millions(4220000, "mkr") == "4,22\u00A0mkr");
    CHECK(sv::millions(4225000, "mkr") == "4,23\u00A0mkr");
    CHECK(sv::millions(4224999, "mkr") == "4,22\u00A0mkr");
    CHECK(sv::millions(4200000, "mkr") == "4,2\u00A0mkr");
    CHECK(sv::millions(4050000, "mkr") == "4,05\u00A0mkr");
    CHECK(sv::millions(4995000, "mkr") == "5\u00A0mkr");
    CHECK(sv::millions(1234000000, "mnkr") == "1\u00A0234\u00A0mnkr");
    CHECK(sv::millions(-4225000, "mkr") == "\u22124,23\u00A0mkr");
    CHECK(sv::millions(5000, "mkr") == "0,01\u00A0mkr");
    CHECK(sv::millions(4999, "mkr") == "0\u00A0mkr");
    CHECK(sv::millions(-4999, "mkr") == "0\u00A0mkr");
    CHECK(sv::millions(0, "mnkr") == "0\u00A0mnkr");
    CHECK(sv::millions(4220000, "") == "4,22");
}

TEST_CASE("format_sv: counts up to twelve are words, with en/ett by gender") {
    using sv::Gender;
    const char* common[] = {"noll", "en",   "två", "tre", "fyra", "fem", "sex",
                            "sju",  "åtta", "nio", "tio", "elva", "tolv"};
    for (int n = 0; n <= 12; ++n) {
        CAPTURE(n);
        CHECK(sv::count(n) == common[n]);
        CHECK(sv::count(n, Gender::Common) == common[n]);
        CHECK(sv::count(n, Gender::Neuter) == (n == 1 ? "ett" : common[n]));
    }
    CHECK(sv::count(0, Gender::Neuter) == "noll");
    CHECK(sv::count(1, Gender::Common) == "en");
    CHECK(sv::count(1, Gender::Neuter) == "ett");
    CHECK(sv::count(12, Gender::Neuter) == "tolv");
    CHECK(sv::count(13, Gender::Common) == "13");
    CHECK(sv::count(13, Gender::Neuter) == "13");
    CHECK(sv::count(1000) == "1\u00A0000");
    CHECK(sv::count(-1) == "\u22121");
}

TEST_CASE("format_sv: capitalize_first changes only the first letter") {
    CHECK(sv::capitalize_first("nio") == "Nio");
    CHECK(sv::capitalize_first("åtta") == "Åtta");
    CHECK(sv::capitalize_first("ärendet är återremitterat") == "Ärendet är återremitterat");
    CHECK(sv::capitalize_first("ö") == "Ö");
    CHECK(sv::capitalize_first("") == "");
    CHECK(sv::capitalize_first("Redan stor") == "Redan stor");
    CHECK(sv::capitalize_first("4 ansökningar") == "4 ansökningar");
    CHECK(sv::capitalize_first("\u01C6ungla") == "\u01C5ungla");  // titlecase, not "\u01C4"
    CHECK(sv::capitalize_first("\xFF"
                               "abc") ==
          "\xFF"
          "abc");
    CHECK(sv::capitalize_first("\xC3") == "\xC3");  // truncated "å"
}

TEST_CASE("format_sv: month names") {
    const char* names[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                           "juli",    "augusti",  "september", "oktober", "november", "december"};
    for (int m = 1; m <= 12; ++m) {
        CAPTURE(m);
        CHECK(sv::month_name(m) == names[m - 1]);
    }
    CHECK_THROWS_AS(sv::month_name(0), std::out_of_range);
    CHECK_THROWS_AS(sv::month_name(13), std::out_of_range);
}

TEST_CASE("format_sv: dates in running text and in headers") {
    CHECK(sv::date_long({2024, 12, 10}) == "10 december 2024");
    CHECK(sv::date_long({2025, 1, 5}) == "5 januari 2025");
    CHECK(sv::date_long({2024, 2, 29}) == "29 februari 2024");
    CHECK(sv::date_iso({2024, 12, 10}) == "2024-12-10");
    CHECK(sv::date_iso({2025, 1, 5}) == "2025-01-05");
    CHECK_THROWS_AS(sv::date_long({2023, 2, 29}), std::invalid_argument);
    CHECK_THROWS_AS(sv::date_long({2024, 13, 1}), std::invalid_argument);
    CHECK_THROWS_AS(sv::date_iso({2024, 0, 1}), std::invalid_argument);
}

TEST_CASE("format_sv: ranges take an en dash without spaces and are not grouped") {
    CHECK(sv::range(2002, 2003) == "2002\u20132003");
    CHECK(sv::range(50, 70) == "50\u201370");
    CHECK(sv::range(1207, 12000) == "1207\u201312000");
    CHECK(sv::range(-5, 5) == "\u22125\u20135");
}
