#include "nightly/schedule.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <stdexcept>
#include <tuple>

namespace nightly {

namespace {

constexpr std::time_t kHour = 3600;

std::tm local_time(std::time_t t) {
    std::tm local{};
    localtime_r(&t, &local);
    return local;
}

auto wall(const std::tm& t) { return std::tie(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec); }

// The local clock at `t` shows `target`'s day and time, or later.
bool at_or_past(std::time_t t, const std::tm& target) {
    const auto local = local_time(t);
    return wall(local) >= wall(target);
}

// mktime with a given DST flag; the instant only if it really shows `target`.
bool exact_instant(std::tm target, int isdst, std::time_t& out) {
    std::tm probe = target;
    probe.tm_isdst = isdst;
    const std::time_t t = std::mktime(&probe);
    if (t == static_cast<std::time_t>(-1)) return false;
    const auto local = local_time(t);
    if (wall(local) != wall(target)) return false;
    out = t;
    return true;
}

// `target` does not exist (the clocks jump over it): the jump itself,
// the first instant whose local clock is past it, by bisection between an
// instant before and one after. The local clock runs forward over that
// stretch, so the predicate is monotonic there.
std::time_t end_of_gap(const std::tm& target) {
    std::tm probe = target;
    probe.tm_isdst = -1;
    std::time_t lo = std::mktime(&probe), hi = lo;
    while (at_or_past(lo, target)) lo -= kHour;
    while (!at_or_past(hi, target)) hi += kHour;
    while (hi - lo > 1) {
        const std::time_t mid = lo + (hi - lo) / 2;
        (at_or_past(mid, target) ? hi : lo) = mid;
    }
    return hi;
}

int parse_part(const std::string& digits) { return std::stoi(digits); }

}  // namespace

std::vector<TimeOfDay> parse_schedule(const std::string& text) {
    static const std::regex one(R"(\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*)");
    std::vector<TimeOfDay> times;
    std::size_t start = 0;
    for (;;) {
        const auto comma = text.find(',', start);
        const auto part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        std::smatch m;
        if (!std::regex_match(part, m, one))
            throw std::invalid_argument(
                core::tr("the schedule '{1}' is not a list of times like 02:00 or 02:00:30", text));
        TimeOfDay t{parse_part(m[1]), parse_part(m[2]), m[3].matched ? parse_part(m[3]) : 0};
        if (t.hour > 23 || t.minute > 59 || t.second > 59)
            throw std::invalid_argument(core::tr("the schedule '{1}' has a time that does not exist: {2}", text, part));
        times.push_back(t);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

std::string to_string(const TimeOfDay& time) {
    char text[16];
    if (time.second == 0)
        std::snprintf(text, sizeof text, "%02d:%02d", time.hour, time.minute);
    else
        std::snprintf(text, sizeof text, "%02d:%02d:%02d", time.hour, time.minute, time.second);
    return text;
}

std::time_t run_on_day(std::time_t day, const TimeOfDay& time) {
    std::tm target = local_time(day);
    target.tm_hour = time.hour;
    target.tm_min = time.minute;
    target.tm_sec = time.second;
    // When the time occurs twice both flags find it; the earlier wins.
    // (Not "summer time first": Europe/Dublin's winter time is its DST.)
    std::time_t best = 0, found = 0;
    for (const int isdst : {1, 0})
        if (exact_instant(target, isdst, found) && (best == 0 || found < best)) best = found;
    return best != 0 ? best : end_of_gap(target);
}

std::time_t next_run(std::time_t after, const std::vector<TimeOfDay>& times) {
    if (times.empty()) throw std::invalid_argument(core::tr("an empty schedule has no next run"));
    std::time_t best = 0;
    // Today's runs, else tomorrow's; the day after covers a day whose every
    // run is already past when `after` is late in a long (25-hour) day.
    for (int days = 0; days <= 2; ++days) {
        std::tm noon = local_time(after);
        noon.tm_mday += days;
        noon.tm_hour = 12;  // noon: never inside a DST change, so the day is unambiguous
        noon.tm_min = noon.tm_sec = 0;
        noon.tm_isdst = -1;
        const std::time_t day = std::mktime(&noon);
        for (const auto& time : times) {
            const auto run = run_on_day(day, time);
            if (run > after && (best == 0 || run < best)) best = run;
        }
        if (best != 0) return best;
    }
    return best;
}

}  // namespace nightly
