// Family 4, size: a check renders the templates over one record of each
// shape (document/view_shapes.hpp), so that it stays fast on large rounds.
// What it must not lose is any template error a build would report. The
// speed itself is measured in bench/check_speed, not here.
#include "adversarial/adversarial.hpp"

using namespace adversarial;

namespace {

// The error lines of `err` that name `part`: the diagnostics, without the
// summary lines that differ between check and build.
std::vector<std::string> lines_naming(const std::string& err, const std::string& part) {
    std::vector<std::string> found;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
        if (contains(line, ": error: ") && contains(line, part)) found.push_back(line);
    return found;
}

}  // namespace

TEST_CASE("size: a misspelt name that only a partly granted application opens is reported by check as by build") {
    World world("size-rare-section");
    world.make_draft();
    // One of the round's fourteen LUM applications is partly granted, and
    // not the first: only its item opens this section.
    replace_in_file(world.templates / "beslut-lum-mul" / "bilaga-1-lum-ansokningar.md",
                    "**Förslag till beslut:** Beviljas delvis, {{granted.kronor}}",
                    "**Förslag till beslut:** Beviljas delvis, {{granted.kronnor}}");
    const auto data = snapshot(world.data);
    const auto check = world.fuel("check");
    const auto build = world.fuel("build");
    INFO(check.err);
    INFO(build.err);
    CHECK(check.status == 1);
    CHECK(build.status == 1);
    const auto from_check = lines_naming(check.err, "granted.kronnor");
    REQUIRE(from_check.size() == 1);
    CHECK(contains(from_check.front(), "bilaga-1-lum-ansokningar.md:46:"));
    CHECK(from_check == lines_naming(build.err, "granted.kronnor"));
    CHECK(snapshot(world.out / "lum-mul-2025").empty());
    REQUIRE_UNCHANGED(data, snapshot(world.data));
}

TEST_CASE("size: a misspelt name in a letter's partly granted item is reported by check as by build") {
    World world("size-letter-item", {"lum-mul-2026"});  // a draft with letters
    replace_in_file(world.templates / "beslutsbrev-lum-mul" / "beslutsbrev.md", "av sökta {{requested.kronor}}",
                    "av sökta {{requested.kronorr}}");
    const auto check = world.fuel("check");
    const auto build = world.fuel("build");
    INFO(check.err);
    INFO(build.err);
    CHECK(check.status == 1);
    CHECK(build.status == 1);
    // One of the round's applications is partly granted: the letter to its
    // administration has the error.
    const auto from_check = lines_naming(check.err, "requested.kronorr");
    REQUIRE(!from_check.empty());
    CHECK(contains(from_check.front(), "beslutsbrev.md:41:"));
    CHECK(from_check == lines_naming(build.err, "requested.kronorr"));
}
