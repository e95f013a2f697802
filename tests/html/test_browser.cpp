// The HTML documents in headless Chromium (Debian's chromium, a browser we
// did not write): they render, and Chromium's own accessibility tree and
// computed styles pass the WCAG 2.1 A/AA checks of a11y_check.py (lang,
// title, heading levels, main landmark, table headers with scope, link
// names and targets, text alternatives, text contrast). Not a full audit:
// see the script's header and README.md.
#include <algorithm>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "fixture_documents.hpp"
#include "html/writer.hpp"
#include "job/command.hpp"

namespace fs = std::filesystem;

namespace {

const char* kChecks[] = {"lang", "title", "headings", "landmarks", "tables", "links", "images", "contrast"};

std::string write_page(const std::string& folder, const std::string& name, const std::string& html) {
    const auto path = folder + "/" + name + ".html";
    std::ofstream(path, std::ios::binary) << html;
    return path;
}

CommandResult check_page(const std::string& page, const std::string& extra = "") {
    const auto profile = scratch_dir("chromium-profile-" + fs::path(page).stem().string());
    return run_command("python3 " + quote(std::string(FUEL_SOURCE_DIR) + "/tests/html/a11y_check.py") + " " +
                       quote(page) + " --profile " + quote(profile) + " " + extra + " 2>&1");
}

// "PASS tables: 17 checked" -> 17; -1 when the check did not pass.
int passed_count(const std::string& output, const std::string& check) {
    std::smatch m;
    if (!std::regex_search(output, m, std::regex("PASS " + check + ": ([0-9]+) checked"))) return -1;
    return std::stoi(m[1]);
}

bool failed(const std::string& output, const std::string& check) {
    return output.find("FAIL " + check + ":") != std::string::npos;
}

}  // namespace

TEST_CASE("html browser: every document of the fixture passes the accessibility checks") {
    const auto folder = scratch_dir("a11y-fixture");
    for (const auto& d : html_test::fixture_documents()) {
        const auto result = check_page(write_page(folder, d.name, html::render(d.document)));
        INFO(d.name << ":\n" << result.output);
        CHECK(result.status == 0);
        for (const auto* check : kChecks) CHECK(passed_count(result.output, check) >= 0);
        CHECK(passed_count(result.output, "headings") > 1);
        CHECK(passed_count(result.output, "tables") >= 1);
        CHECK(passed_count(result.output, "contrast") > 20);  // every text element, not a few
    }
}

TEST_CASE("html browser: the application, its budget appendix and decision document pass the accessibility checks") {
    const auto folder = scratch_dir("a11y-application");
    for (const auto& d : html_test::application_documents()) {
        const auto result = check_page(write_page(folder, d.name, html::render(d.document)));
        INFO(d.name << ":\n" << result.output);
        CHECK(result.status == 0);
        CHECK(passed_count(result.output, "headings") >= 1);
        CHECK(passed_count(result.output, "contrast") > 10);
    }
}

// The final report has footnotes: their references and links back are
// in-page links whose targets exist and whose names are read.
TEST_CASE("html browser: the final report with its footnotes passes the accessibility checks") {
    core::Diagnostics diagnostics;
    const auto dataset =
        ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/halvering-2002-2003", diagnostics);
    REQUIRE(dataset);
    const auto report = transform::aggregate(*dataset);
    const auto documents = doc::build_documents(report, std::string(FUEL_SOURCE_DIR) + "/templates", diagnostics);
    const auto it = std::find_if(documents.begin(), documents.end(),
                                 [](const doc::BuiltDocument& d) { return d.name == "slutrapport"; });
    REQUIRE(it != documents.end());
    const std::string html = html::render(it->document);
    REQUIRE(html.find("role=\"doc-endnotes\"") != std::string::npos);
    const auto result = check_page(write_page(scratch_dir("a11y-final-report"), "slutrapport", html));
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK(passed_count(result.output, "links") >= 8);  // four notes, each a reference and a link back
}

TEST_CASE("html browser: the checks find every kind of violation in a broken page") {
    const auto page = write_page(scratch_dir("a11y-broken"), "broken", R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title> </title><style>.grey { color: #999; }</style></head>
<body>
<h1>Titel</h1><h3>Hoppar över en nivå</h3><h2></h2>
<table><tr><td>a</td></tr></table>
<table><tr><th>Namn</th></tr><tr><td>x</td></tr></table>
<p class="grey">Grå text, 2,85:1</p>
<a href="#saknas">Till avsnittet</a> <a href="https://example.org/"><img src="x.png"></a>
</body></html>
)");
    const auto result = check_page(page);
    INFO(result.output);
    CHECK(result.status == 1);
    for (const auto* check : kChecks) CHECK(failed(result.output, check));
    CHECK(result.output.find("level 3 after level 1") != std::string::npos);
    CHECK(result.output.find("an empty heading") != std::string::npos);
    CHECK(result.output.find("<th> 'Namn' has no scope") != std::string::npos);
    CHECK(result.output.find("link #saknas points to no element") != std::string::npos);
    CHECK(result.output.find("2.85:1 < 4.5:1") != std::string::npos);
}

TEST_CASE("html browser: Chromium renders the decision document") {
    const auto folder = scratch_dir("a11y-screenshot");
    const auto& documents = html_test::fixture_documents();
    const auto& decision = documents.at(2);
    REQUIRE(decision.name == "tjansteutlatande");
    const auto png = folder + "/tjansteutlatande.png";
    const auto result =
        check_page(write_page(folder, decision.name, html::render(decision.document)), "--screenshot " + quote(png));
    INFO(result.output);
    CHECK(result.status == 0);
    REQUIRE(fs::exists(png));
    CHECK(fs::file_size(png) > 20000);  // a page of text, not an empty canvas
}
