// Progress on a terminal, silence elsewhere. `script` (util-linux) gives
// the build a pseudo-terminal, as a person running it by hand has.
#include <catch2/catch.hpp>

#include <regex>

#include "datasets.hpp"
#include "job/command.hpp"

using namespace nightly_test;

namespace {

// `command` run on a pseudo-terminal; its single quotes sit inside double ones.
std::string on_terminal(const std::string& command) { return "script -qec \"" + command + "\" /dev/null"; }

std::string build(const std::string& out, const std::string& extra = "") {
    return fuel_program() + " build --data " + quote(source_path("fixtures")) + " --out " + quote(out) +
           " --templates " + quote(source_path("templates")) + " " + extra;
}

}  // namespace

TEST_CASE("terminal: a build run by hand shows documents done of total") {
    // fixtures/ holds lum-mul-2025 (three documents) and halvering-2002-2003 (two).
    const auto out = scratch("terminal-tty");
    const auto r = run_command(on_terminal(build(out)));
    INFO(r.output);
    CHECK(r.status == 0);
    // Every dataset under fixtures/ is built, so the total is the fixtures' count.
    std::smatch total;
    REQUIRE(std::regex_search(r.output, total, std::regex("\rfuel: 0 of ([0-9]+) documents")));
    CHECK(r.output.find("\rfuel: " + total[1].str() + " of " + total[1].str() + " documents") != std::string::npos);
}

TEST_CASE("terminal: not on a terminal, or with --quiet, there is no progress") {
    const auto out = scratch("terminal-none");
    const auto piped = run_command(build(out) + " 2>&1");
    INFO(piped.output);
    CHECK(piped.status == 0);
    CHECK(piped.output.find("documents\r") == std::string::npos);
    CHECK_FALSE(std::regex_search(piped.output, std::regex("of [0-9]+ documents")));
    const auto quiet = run_command(on_terminal(build(scratch("terminal-quiet"), "--quiet")));
    INFO(quiet.output);
    CHECK(quiet.status == 0);
    CHECK_FALSE(std::regex_search(quiet.output, std::regex("of [0-9]+ documents")));
    CHECK(quiet.output.find("written to") == std::string::npos);  // --quiet: problems only
}
