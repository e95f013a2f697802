#pragma once
// A calendar date without time or zone: committee documents are dated by day.
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31
    auto operator<=>(const Date&) const = default;
    bool valid() const;
};

// Parses "YYYY-MM-DD" (ISO 8601 calendar date) and checks that the day
// exists (leap years by the Gregorian rule). Returns nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);

// "2024-12-10"
std::string to_iso(const Date& date);

}  // namespace core
