#pragma once
// When the nightly build runs: a few times of day in the local time of the
// process (TZ, or /etc/localtime), e.g. "02:00" or "02:00, 14:30:15".
//
// Daylight-saving rule, one run per time per calendar day, never skipped:
// the run for time T on day D is the first instant at which the local clock
// shows day D and a time of day at or past T.
//   - Spring forward (T falls in the hour the clocks skip, e.g. 02:30 in
//     Europe/Stockholm on the last Sunday of March): the run is at the
//     moment the clocks jump, 03:00 new time.
//   - Fall back (T occurs twice, e.g. 02:30 on the last Sunday of October):
//     the run is at the first occurrence, in summer time, and not again an
//     hour later.
// This is also what Debian's cron does for jobs in the skipped or repeated
// hour (cron(8), "daylight saving time").
#include <ctime>
#include <string>
#include <vector>

namespace nightly {

struct TimeOfDay {
    int hour = 0;    // 0..23
    int minute = 0;  // 0..59
    int second = 0;  // 0..59
    auto operator<=>(const TimeOfDay&) const = default;
};

// "HH:MM" or "HH:MM:SS", separated by commas; sorted and without
// duplicates. Throws std::invalid_argument with a message that quotes the
// setting.
std::vector<TimeOfDay> parse_schedule(const std::string& text);

std::string to_string(const TimeOfDay& time);

// The run for `time` on the local calendar day that contains `day`.
std::time_t run_on_day(std::time_t day, const TimeOfDay& time);

// The first run strictly after `after`. `times` must not be empty.
std::time_t next_run(std::time_t after, const std::vector<TimeOfDay>& times);

}  // namespace nightly
