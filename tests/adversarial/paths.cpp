// Family 1, paths: output folders that overlap the data or the templates,
// `.` and `..`, symlinks, names that are not UTF-8, stray folders.
#include "adversarial/adversarial.hpp"

using namespace adversarial;

TEST_CASE("a clean world builds, and a second build changes nothing in data or templates") {
    World world("clean");
    const auto data = snapshot(world.data);
    const auto templates = snapshot(world.templates);
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    REQUIRE(fs::is_regular_file(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
    REQUIRE_UNCHANGED(templates, snapshot(world.templates));
}
