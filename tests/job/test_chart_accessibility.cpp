// The documents with charts, as `fuel build` writes them, in headless
// Chromium: each chart's SVG is an image in the accessibility tree with the
// alternative text as its name, and the pages still pass every check of
// tests/html/a11y_check.py.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "command.hpp"
#include "job/job.hpp"

namespace fs = std::filesystem;

namespace {

const std::string& built_fixtures() {
    static const std::string out = [] {
        const auto dir = scratch_dir("chart-a11y");
        job::Spec spec;
        spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures";
        spec.out_dir = dir;
        job::Environment env;
        env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
        REQUIRE(job::run(spec, env).exit_code() == 0);
        return dir;
    }();
    return out;
}

int passed_count(const std::string& output, const std::string& check) {
    std::smatch m;
    if (!std::regex_search(output, m, std::regex("PASS " + check + ": ([0-9]+) checked"))) return -1;
    return std::stoi(m[1]);
}

}  // namespace

TEST_CASE("chart accessibility: every chart in the HTML is a named image and the pages pass the checks") {
    const std::pair<const char*, int> pages[] = {{"halvering-2002-2003/tjansteutlatande", 1},
                                                 {"halvering-2002-2003/slutrapport", 1},
                                                 {"lum-mul-2026/arsuppfoljning", 1}};
    for (const auto& [name, charts] : pages) {
        const auto page = built_fixtures() + "/" + name + ".html";
        REQUIRE(fs::exists(page));
        const auto profile = scratch_dir("chart-a11y-profile-" + fs::path(name).stem().string());
        const auto result = run_command("python3 " + quote(std::string(FUEL_SOURCE_DIR) + "/tests/html/a11y_check.py") +
                                        " " + quote(page) + " --profile " + quote(profile) + " 2>&1");
        INFO(name << ":\n" << result.output);
        CHECK(result.status == 0);
        CHECK(passed_count(result.output, "images") >= charts);
        for (const char* check : {"lang", "title", "headings", "landmarks", "tables", "links", "contrast"})
            CHECK(passed_count(result.output, check) >= 0);
    }
}
