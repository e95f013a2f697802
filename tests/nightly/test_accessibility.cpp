// axe-core, the field's own accessibility engine (npm, pinned by
// package-lock.json), in headless Chromium over every HTML file a build of
// the fixtures gives and over the status page of a good and of a failed
// build: the WCAG 2.0/2.1 A and AA rules and the best-practice rules, and at
// a 320 px window a wide table scrolls in its own box (tests/html/axe_check.py).
// One Chromium process checks every page. tests/html/a11y_check.py stays for
// what axe does not test on the documents (heading levels, table scopes,
// text alternatives of the charts).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "datasets.hpp"
#include "job/command.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

std::string axe_check(const std::vector<std::string>& pages, const std::string& profile, int& status) {
    const auto axe = source_path("node_modules/axe-core/axe.min.js");
    INFO("axe-core is missing: run scripts/setup.sh (npm ci)");
    REQUIRE(fs::exists(axe));
    std::string command = "python3 " + quote(source_path("tests/html/axe_check.py")) + " --axe " + quote(axe) +
                          " --profile " + quote(profile);
    for (const auto& page : pages) command += " " + quote(page);
    const auto r = run_command(command + " 2>&1");
    status = r.status;
    return r.output;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("accessibility: axe-core finds no violation in the fixtures' HTML and on the status pages") {
    const auto root = scratch("axe");
    const auto build = [&](const std::string& data, const std::string& out) {
        return run_command(fuel_program() + " build --data " + quote(data) + " --out " + quote(out) + " --templates " +
                           quote(source_path("templates")) + " --jobs 2 --status --quiet 2>&1");
    };
    // Every fixture, built: its documents' HTML and an all-good status page.
    REQUIRE(build(source_path("fixtures"), root + "/ok").status == 0);
    // A failed build: a dataset that never built, and one that broke after
    // a good build (errors and warnings, kept documents).
    copy_folder(source_path("fixtures/lum-mul-2025"), root + "/data/lum-ändrad");
    copy_folder(source_path("tests/fixtures/invalid-round"), root + "/data/invalid-round");
    build(root + "/data", root + "/failed");
    edit_file(root + "/data/lum-ändrad/mul-ansokningar.xml", "<granted>20000</granted>", "<granted>900000</granted>");
    REQUIRE(build(root + "/data", root + "/failed").status == 1);

    std::vector<std::string> pages;
    for (const auto& entry : fs::recursive_directory_iterator(root + "/ok"))
        if (entry.path().extension() == ".html") pages.push_back(entry.path().string());
    std::sort(pages.begin(), pages.end());
    REQUIRE(std::count(pages.begin(), pages.end(), root + "/ok/index.html") == 1);
    REQUIRE(pages.size() > 20);  // every document of every fixture has its HTML
    pages.push_back(root + "/failed/index.html");
    REQUIRE(read_file(root + "/failed/index.html").find("data-status=\"failed\"") != std::string::npos);

    int status = -1;
    const auto output = axe_check(pages, root + "/profile", status);
    INFO(output);
    CHECK(status == 0);
    CHECK(count(output, "PASS ") == pages.size());
}

TEST_CASE("accessibility: the axe check finds violations and a page that does not reflow") {
    const auto root = scratch("axe-broken");
    // No language, an image without a text alternative, a link without a
    // name, and a table wider than 320 px in no box of its own.
    write_file(root + "/broken.html",
               "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Trasig</title></head><body><main>"
               "<h1>Trasig</h1><img src=\"x.png\"><a href=\"a.html\"></a><table><tr><th scope=\"col\">"
               "Kolumn</th></tr><tr><td style=\"min-width: 900px\">bred</td></tr></table></main></body></html>\n");
    int status = -1;
    const auto output = axe_check({root + "/broken.html"}, root + "/profile", status);
    INFO(output);
    CHECK(status == 1);
    for (const auto* rule : {"html-has-lang", "image-alt", "link-name", "reflow (SC 1.4.10)"}) {
        CAPTURE(rule);
        CHECK(output.find(rule) != std::string::npos);
    }
}
