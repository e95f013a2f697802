#include <catch2/catch.hpp>

#include <string>

#include "ingest/values.hpp"

using core::Severity;

namespace {

const core::SourceLocation kWhere{"ansokningar.csv", 7, 12};

// The only diagnostic, which must have `severity`, contain `phrase` and sit at kWhere.
void expect_only(const core::Diagnostics& diagnostics, Severity severity, const std::string& phrase) {
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    REQUIRE(diagnostics.items().size() == 1);
    const auto& d = diagnostics.items().front();
    CHECK(d.severity == severity);
    CHECK(d.message.find(phrase) != std::string::npos);
    CHECK(d.where.file == kWhere.file);
    CHECK(d.where.line == kWhere.line);
    CHECK(d.where.column == kWhere.column);
}

std::optional<std::int64_t> amount(const std::string& text, core::Diagnostics& diagnostics, bool required = true) {
    return ingest::parse_amount(text, kWhere, diagnostics, required);
}

// Parses `text`, which must be a well-formed amount, without any diagnostic.
std::int64_t good_amount(const std::string& text) {
    INFO(text);
    core::Diagnostics diagnostics;
    const auto value = amount(text, diagnostics);
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    CHECK(diagnostics.empty());
    REQUIRE(value.has_value());
    return *value;
}

// Parses `text`, which must be refused with one error containing `phrase`.
void bad_amount(const std::string& text, const std::string& phrase) {
    INFO(text);
    core::Diagnostics diagnostics;
    CHECK_FALSE(amount(text, diagnostics).has_value());
    expect_only(diagnostics, Severity::Error, phrase);
}

std::optional<core::Date> date(const std::string& text, core::Diagnostics& diagnostics, bool required = true) {
    return ingest::parse_date(text, kWhere, diagnostics, required);
}

void bad_date(const std::string& text, const std::string& phrase) {
    INFO(text);
    core::Diagnostics diagnostics;
    CHECK_FALSE(date(text, diagnostics).has_value());
    expect_only(diagnostics, Severity::Error, phrase);
}

}  // namespace

// ---------------------------------------------------------------------------
// normalize_space

TEST_CASE("values: normalize_space trims ASCII white space and folds inner runs") {
    CHECK(ingest::normalize_space("  Farsta \t\r\n  Vantör\n") == "Farsta Vantör");
    CHECK(ingest::normalize_space("a") == "a");
    CHECK(ingest::normalize_space("") == "");
    CHECK(ingest::normalize_space(" \t\r\n ") == "");
}

TEST_CASE("values: normalize_space treats U+00A0 and U+202F as spaces") {
    CHECK(ingest::normalize_space("\u00A0500\u00A0000\u202F") == "500 000");
    CHECK(ingest::normalize_space("\u202F\u00A0 \u3000") == "");
    CHECK(ingest::normalize_space("Hägersten\u2009–\u2003Älvsjö") == "Hägersten – Älvsjö");
}

TEST_CASE("values: normalize_space passes ill-formed bytes through") {
    CHECK(ingest::normalize_space(std::string(" a\xFF b\xC3 ")) == std::string("a\xFF b\xC3"));
    // A lone 0xA0 byte is not U+00A0.
    CHECK(ingest::normalize_space(std::string("\xA0x\xA0")) == std::string("\xA0x\xA0"));
}

// ---------------------------------------------------------------------------
// parse_amount: what is accepted

TEST_CASE("values: amounts grouped by a space, U+00A0 or U+202F are read") {
    CHECK(good_amount("500 000") == 500000);
    CHECK(good_amount("500\u00A0000") == 500000);
    CHECK(good_amount("500\u202F000") == 500000);
    CHECK(good_amount("6 450 000") == 6450000);
    CHECK(good_amount("11 907 000") == 11907000);
    CHECK(good_amount("  20 000\u00A0") == 20000);
}

TEST_CASE("values: ungrouped amounts and zero are read") {
    CHECK(good_amount("500000") == 500000);
    CHECK(good_amount("0") == 0);
    CHECK(good_amount("7") == 7);
    CHECK(good_amount("999 999 999 999") == ingest::kMaxAmount);
}

TEST_CASE("values: zero decimals after a decimal comma are whole kronor") {
    CHECK(good_amount("500 000,00") == 500000);
    CHECK(good_amount("500000,00") == 500000);
    CHECK(good_amount("500 000,0") == 500000);
    CHECK(good_amount("0,00") == 0);
}

TEST_CASE("values: a trailing kr, kronor or :- is accepted silently") {
    CHECK(good_amount("500 000 kr") == 500000);
    CHECK(good_amount("500000kr") == 500000);
    CHECK(good_amount("500 000 Kr.") == 500000);
    CHECK(good_amount("500 000 kronor") == 500000);
    CHECK(good_amount("500 000,00 kr") == 500000);
    CHECK(good_amount("500:-") == 500);
}

// ---------------------------------------------------------------------------
// parse_amount: what is refused

TEST_CASE("values: decimals other than zero are an error") {
    bad_amount("1,5", "amount with decimals: 1,5 kronor is not a whole amount");
    bad_amount("500 000,50", "amount with decimals: 500 000,50 kronor is not a whole amount");
    bad_amount("12,25 kr", "amount with decimals: 12,25 kronor");
}

TEST_CASE("values: a thousands dot is ambiguous and both readings are named") {
    core::Diagnostics diagnostics;
    CHECK_FALSE(amount("1.000", diagnostics).has_value());
    expect_only(diagnostics, Severity::Error, "ambiguous amount");
    const auto& message = diagnostics.items().front().message;
    CHECK(message.find("1 000 kronor with a thousands dot") != std::string::npos);
    CHECK(message.find("1 kronor with a decimal point") != std::string::npos);
    CHECK(message.find("write \"1 000\"") != std::string::npos);
    bad_amount("12.500", "or as 12,5 kronor with a decimal point; write \"12 500\"");
}

TEST_CASE("values: a decimal point is an error") {
    bad_amount("1.5", "amount with a decimal point: \"1.5\" is not a whole amount");
    bad_amount("500000.00", "decimal point");
}

TEST_CASE("values: several thousands dots are an error asking for spaces") {
    bad_amount("1.000.000", "thousands dots in \"1.000.000\"; write \"1 000 000\"");
    bad_amount("1.000,00", "thousands dots in \"1.000,00\"; write \"1 000\"");
}

TEST_CASE("values: a comma before three digits is ambiguous") {
    bad_amount("1,000",
               "ambiguous amount: \"1,000\" reads as 1 000 kronor with a thousands comma, or as 1 kronor "
               "with a decimal comma; write \"1 000\"");
    bad_amount("1,000,000", "thousands commas in \"1,000,000\"; write \"1 000 000\"");
}

TEST_CASE("values: digits not in groups of three are an error") {
    bad_amount("50 00", "badly grouped amount: \"50 00\"");
    bad_amount("5000 000", "badly grouped amount");
    bad_amount("1 0000", "badly grouped amount");
}

TEST_CASE("values: letters other than kr and kronor are not an amount") {
    bad_amount("500 000 SEK", "not an amount: \"500 000 SEK\"");
    bad_amount("femtio", "not an amount");
    bad_amount("5OO", "not an amount");
    bad_amount("kr", "not an amount");
    bad_amount("+500", "not an amount");
    bad_amount(",5", "not an amount");
    bad_amount("1,", "not an amount");
    bad_amount("1,2,3", "not an amount");
}

TEST_CASE("values: thousands and millions units are refused, not misread") {
    bad_amount("500 tkr", "is in thousands or millions");
    bad_amount("6,45 mnkr", "is in thousands or millions");
    bad_amount("2 Mkr", "is in thousands or millions");
}

TEST_CASE("values: negative amounts are an error") {
    bad_amount("-500", "negative amount: \"-500\"");
    bad_amount("\u2212500 000", "negative amount");  // U+2212 MINUS SIGN
    bad_amount("– 500", "negative amount");          // en dash
}

TEST_CASE("values: a lone dash is not read as zero") {
    bad_amount("-", "not an amount: \"-\" is not read as 0");
    bad_amount(" – ", "is not read as 0");
}

TEST_CASE("values: an amount above the maximum is an error") {
    // 10^12, just past the documented bound, and 10^15, an absurd amount
    // that the old bound (15 digits) let through to the totals.
    bad_amount("1 000 000 000 000", "amount too large");
    bad_amount("1 000 000 000 000 000", "amount too large");
    bad_amount("999 999 999 999 999", "amount too large");
    bad_amount("99999999999999999999999999", "amount too large");
}

TEST_CASE("values: an empty amount is an error only when required") {
    bad_amount("", "missing amount");
    bad_amount(" \u00A0 ", "missing amount");
    core::Diagnostics diagnostics;
    CHECK_FALSE(amount("", diagnostics, false).has_value());
    CHECK_FALSE(amount("\u202F", diagnostics, false).has_value());
    CHECK(diagnostics.empty());
}

TEST_CASE("values: an optional amount that is present is still checked") {
    core::Diagnostics diagnostics;
    CHECK_FALSE(amount("1,5", diagnostics, false).has_value());
    expect_only(diagnostics, Severity::Error, "amount with decimals");
}

TEST_CASE("values: a long bad amount is cut short in the message") {
    core::Diagnostics diagnostics;
    const std::string text = "ö" + std::string(200, 'x');
    CHECK_FALSE(amount(text, diagnostics).has_value());
    expect_only(diagnostics, Severity::Error, "not an amount: \"öxxx");
    CHECK(diagnostics.items().front().message.size() < 120);
}

// ---------------------------------------------------------------------------
// parse_date

TEST_CASE("values: an ISO date is read") {
    core::Diagnostics diagnostics;
    const auto d = date("2024-12-10", diagnostics);
    REQUIRE(d.has_value());
    CHECK(*d == core::Date{2024, 12, 10});
    CHECK(date("\u00A02025-01-31 ", diagnostics) == core::Date{2025, 1, 31});
    CHECK(diagnostics.empty());
}

TEST_CASE("values: 29 February exists in leap years only") {
    core::Diagnostics diagnostics;
    CHECK(date("2024-02-29", diagnostics) == core::Date{2024, 2, 29});
    CHECK(date("2000-02-29", diagnostics) == core::Date{2000, 2, 29});
    CHECK(diagnostics.empty());
    bad_date("2025-02-29", "the date 2025-02-29 does not exist: February 2025 has 28 days");
    bad_date("1900-02-29", "the date 1900-02-29 does not exist: February 1900 has 28 days");
}

TEST_CASE("values: other days that do not exist are named") {
    bad_date("2025-02-30", "the date 2025-02-30 does not exist");
    bad_date("2025-04-31", "does not exist: April 2025 has 30 days");
    bad_date("2025-13-01", "does not exist: there is no month 13");
    bad_date("2025-00-10", "there is no month 0");
    bad_date("2025-01-00", "does not exist: January 2025 has 31 days");
    bad_date("0000-01-01", "there is no year 0");
}

TEST_CASE("values: other date forms are an error that shows the expected form") {
    bad_date("10/12-24", "not a date: \"10/12-24\"; expected the form YYYY-MM-DD");
    bad_date("10 december 2024", "expected the form YYYY-MM-DD");
    bad_date("20241210", "expected the form YYYY-MM-DD");
    bad_date("2024-12-10 00:00", "expected the form YYYY-MM-DD");
}

TEST_CASE("values: an unpadded ISO date is an error that suggests the padded form") {
    bad_date("2024-12-1", "not a date in the form YYYY-MM-DD: \"2024-12-1\"; write 2024-12-01");
    bad_date("2024-2-3", "write 2024-02-03");
    bad_date("2025-2-29", "expected the form YYYY-MM-DD");  // no suggestion of a day that does not exist
}

TEST_CASE("values: an empty date is an error only when required") {
    bad_date("", "missing date: expected YYYY-MM-DD");
    core::Diagnostics diagnostics;
    CHECK_FALSE(date(" ", diagnostics, false).has_value());
    CHECK(diagnostics.empty());
}
