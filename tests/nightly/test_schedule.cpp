// The next-run computation, in Europe/Stockholm, across both daylight-saving
// nights of 2025 (EU rule: the last Sundays of March and October, 01:00
// UTC): the spring night when 02:30 does not exist and the autumn night
// when it occurs twice. Expected instants are written in UTC.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <map>
#include <stdexcept>

#include "nightly/schedule.hpp"

using nightly::next_run;
using nightly::parse_schedule;
using nightly::TimeOfDay;

namespace {

// The process's local zone for one test case.
class LocalZone {
public:
    explicit LocalZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) old_ = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~LocalZone() {
        if (old_.empty())
            unsetenv("TZ");
        else
            setenv("TZ", old_.c_str(), 1);
        tzset();
    }

private:
    std::string old_;
};

std::time_t utc(int year, int month, int day, int hour, int minute, int second = 0) {
    std::tm t{};
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    t.tm_hour = hour;
    t.tm_min = minute;
    t.tm_sec = second;
    return timegm(&t);
}

std::string local(std::time_t t) {
    std::tm l{};
    localtime_r(&t, &l);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %Z", &l);
    return text;
}

}  // namespace

TEST_CASE("schedule: times of day are parsed, sorted and checked") {
    CHECK(parse_schedule("02:00") == std::vector<TimeOfDay>{{2, 0, 0}});
    CHECK(parse_schedule(" 14:30:15 ,2:05,02:05") == std::vector<TimeOfDay>{{2, 5, 0}, {14, 30, 15}});
    for (const auto* bad : {"", "2", "24:00", "02:60", "02:00:60", "02.00", "02:00,", "kl 02"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_schedule(bad), std::invalid_argument);
    }
    CHECK(nightly::to_string({2, 0, 0}) == "02:00");
    CHECK(nightly::to_string({2, 0, 9}) == "02:00:09");
}

TEST_CASE("schedule: an ordinary night, in winter and in summer time") {
    LocalZone zone("Europe/Stockholm");
    const auto at_two = parse_schedule("02:00");
    // 2025-01-15 10:00 CET -> the next night, 02:00 CET = 01:00 UTC.
    CHECK(next_run(utc(2025, 1, 15, 9, 0), at_two) == utc(2025, 1, 16, 1, 0));
    // 01:59 CET -> the same night.
    CHECK(next_run(utc(2025, 1, 15, 0, 59), at_two) == utc(2025, 1, 15, 1, 0));
    // Exactly at the run -> the next night, not the same instant again.
    CHECK(next_run(utc(2025, 1, 15, 1, 0), at_two) == utc(2025, 1, 16, 1, 0));
    // Summer: 02:00 CEST = 00:00 UTC.
    CHECK(next_run(utc(2025, 6, 15, 10, 0), at_two) == utc(2025, 6, 16, 0, 0));
    // Two times a day: the afternoon one comes first.
    CHECK(next_run(utc(2025, 6, 15, 10, 0), parse_schedule("02:00, 14:00")) == utc(2025, 6, 15, 12, 0));
}

TEST_CASE("schedule: spring forward, 02:30 does not exist and the run is at the jump, 03:00 CEST") {
    LocalZone zone("Europe/Stockholm");
    const auto half_past_two = parse_schedule("02:30");
    // 2025-03-30: at 01:00 UTC the clocks go from 02:00 CET to 03:00 CEST.
    const auto run = next_run(utc(2025, 3, 29, 12, 0), half_past_two);
    INFO(local(run));
    CHECK(run == utc(2025, 3, 30, 1, 0));
    CHECK(local(run) == "2025-03-30 03:00:00 CEST");
    // The next run is the next night, at 02:30 CEST: once a night.
    CHECK(next_run(run, half_past_two) == utc(2025, 3, 31, 0, 30));
    // Times just outside the gap are kept as they are.
    CHECK(next_run(utc(2025, 3, 29, 12, 0), parse_schedule("01:59")) == utc(2025, 3, 30, 0, 59));
    CHECK(next_run(utc(2025, 3, 29, 12, 0), parse_schedule("03:00")) == utc(2025, 3, 30, 1, 0));
    CHECK(next_run(utc(2025, 3, 29, 12, 0), parse_schedule("02:00")) == utc(2025, 3, 30, 1, 0));
}

TEST_CASE("schedule: fall back, 02:30 occurs twice and the run is at the first, once") {
    LocalZone zone("Europe/Stockholm");
    const auto half_past_two = parse_schedule("02:30");
    // 2025-10-26: at 01:00 UTC the clocks go from 03:00 CEST back to 02:00 CET.
    const auto run = next_run(utc(2025, 10, 25, 12, 0), half_past_two);
    INFO(local(run));
    CHECK(run == utc(2025, 10, 26, 0, 30));
    CHECK(local(run) == "2025-10-26 02:30:00 CEST");
    // Not again at 02:30 CET (01:30 UTC) the same night: the next night.
    const auto next = next_run(run, half_past_two);
    CHECK(next == utc(2025, 10, 27, 1, 30));
    CHECK(local(next) == "2025-10-27 02:30:00 CET");
    // Asked during the repeated hour, after the first 02:30: still the next night.
    CHECK(next_run(utc(2025, 10, 26, 1, 10), half_past_two) == utc(2025, 10, 27, 1, 30));
}

TEST_CASE("schedule: a whole year in Stockholm has exactly one run a day, at 02:30 but for the spring night") {
    LocalZone zone("Europe/Stockholm");
    const auto half_past_two = parse_schedule("02:30");
    std::map<std::string, int> runs_per_day;
    std::time_t t = utc(2024, 12, 31, 12, 0);
    for (int i = 0; i < 365; ++i) {
        t = next_run(t, half_past_two);
        const auto shown = local(t);
        runs_per_day[shown.substr(0, 10)]++;
        if (shown.substr(0, 10) == "2025-03-30")
            CHECK(shown.substr(11, 8) == "03:00:00");
        else
            CHECK(shown.substr(11, 8) == "02:30:00");
    }
    CHECK(runs_per_day.size() == 365);
    CHECK(runs_per_day.begin()->first == "2025-01-01");
    CHECK(runs_per_day.rbegin()->first == "2025-12-31");
}

TEST_CASE("schedule: a zone whose winter time is its DST (Europe/Dublin) still runs at the first occurrence") {
    LocalZone zone("Europe/Dublin");
    // 2025-10-26 at 01:00 UTC Dublin goes from IST (+1) to GMT (+0); 01:30 occurs at 00:30 and 01:30 UTC.
    CHECK(next_run(utc(2025, 10, 25, 12, 0), parse_schedule("01:30")) == utc(2025, 10, 26, 0, 30));
}
