// `fuel values` and `fuel build --document`, as an operator runs them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "command.hpp"

namespace fs = std::filesystem;

namespace {

std::string fuel() { return quote(std::string(FUEL_BINARY_DIR) + "/fuel"); }
std::string source(const std::string& path) { return quote(std::string(FUEL_SOURCE_DIR) + "/" + path); }

std::string bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void append_to(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::app) << text;
}

// The line of a text table that starts with the name (after the indent).
std::string row_of(const std::string& output, const std::string& name) {
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("  " + name + " ", 0) == 0) return line;
    return "";
}

}  // namespace

TEST_CASE("cli values: a document's names with kind, this round's value and the template lines that use them") {
    const auto r = run_command(fuel() + " values --data " + source("fixtures/lum-mul-2026") + " --templates " +
                               source("templates") + " --document tjansteutlatande 2>&1");
    INFO(r.output);
    CHECK(r.status == 0);
    const auto year = row_of(r.output, "round.year");
    CHECK(year.find(" number ") != std::string::npos);
    CHECK(year.find(" 2026 ") != std::string::npos);
    CHECK(year.find("templates/beslut-lum-mul/tjansteutlatande.md:") != std::string::npos);
    // A list: its count and first items; an item's name under "[]".
    CHECK(row_of(r.output, "lum.applications.list").find(" list ") != std::string::npos);
    CHECK(row_of(r.output, "lum.applications.list[].title").find(" text ") != std::string::npos);
    // Only the document asked for.
    CHECK(r.output.find("bilaga-1-lum-ansokningar (") == std::string::npos);
}

TEST_CASE("cli values: --format json is an array of objects with every use at file, line and column") {
    const auto r = run_command(fuel() + " values --data " + source("fixtures/lum-mul-2026") + " --templates " +
                               source("templates") + " --document tjansteutlatande --format json 2>/dev/null");
    CHECK(r.status == 0);
    REQUIRE(!r.output.empty());
    CHECK(r.output.front() == '[');
    CHECK(r.output.find("\"name\": \"round.year\"") != std::string::npos);
    CHECK(r.output.find("\"kind\": \"number\"") != std::string::npos);
    CHECK(r.output.find("\"line\": ") != std::string::npos);
    CHECK(r.output.find("\"column\": ") != std::string::npos);
}

TEST_CASE("cli values: one dataset only, and a document it has") {
    auto r = run_command(fuel() + " values --data " + source("fixtures") + " 2>&1");
    CHECK(r.status == 2);
    CHECK(r.output.find("give one of them with --data") != std::string::npos);
    r = run_command(fuel() + " values --data " + source("fixtures/lum-mul-2026") + " --templates " +
                    source("templates") + " --document tjansteutlatnde 2>&1 >/dev/null");
    CHECK(r.status == 1);
    CHECK(r.output.find("did you mean \"tjansteutlatande\"?") != std::string::npos);
}

TEST_CASE("cli build --document: that document is made, the others stay as last published") {
    const auto out = fs::path(scratch_dir("cli-document"));
    const auto templates = fs::path(scratch_dir("cli-document-templates"));
    fs::copy(std::string(FUEL_SOURCE_DIR) + "/templates", templates, fs::copy_options::recursive);
    const auto build = [&](const std::string& more) {
        return run_command(fuel() + " build --data " + source("fixtures/lum-mul-2026") + " --out " +
                           quote(out.string()) + " --templates " + quote(templates.string()) + more + " 2>&1");
    };
    const auto folder = out / "lum-mul-2026";
    // Into an empty folder: that document alone (with its companions).
    auto r = build(" --document tjansteutlatande");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(fs::exists(folder / "tjansteutlatande.pdf"));
    CHECK(fs::exists(folder / "tjansteutlatande.html"));
    CHECK(!fs::exists(folder / "bilaga-1-lum-ansokningar.pdf"));
    REQUIRE(build("").status == 0);
    const auto appendix = bytes_of(folder / "bilaga-1-lum-ansokningar.pdf");
    const auto decision = bytes_of(folder / "tjansteutlatande.pdf");
    // Both templates change; only the document named is made again.
    append_to(templates / "beslut-lum-mul" / "bilaga-1-lum-ansokningar.md", "\nEn ny mening i bilagan.\n");
    append_to(templates / "beslut-lum-mul" / "tjansteutlatande.md", "\nEn ny mening i utlåtandet.\n");
    r = build(" --document tjansteutlatande");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(bytes_of(folder / "tjansteutlatande.pdf") != decision);
    CHECK(bytes_of(folder / "bilaga-1-lum-ansokningar.pdf") == appendix);
    // The manifest kept the appendix's old key: a full build makes it again.
    REQUIRE(build("").status == 0);
    CHECK(bytes_of(folder / "bilaga-1-lum-ansokningar.pdf") != appendix);
}

TEST_CASE("cli build --document: a decided dataset is refused, and a name the dataset lacks is an error") {
    const auto out = fs::path(scratch_dir("cli-document-refused"));
    auto r = run_command(fuel() + " build --data " + source("fixtures/lum-mul-2025") + " --out " + quote(out.string()) +
                         " --templates " + source("templates") + " --document tjansteutlatande 2>&1");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("--document: this dataset is ") != std::string::npos);
    CHECK(!fs::exists(out / "lum-mul-2025" / "tjansteutlatande.pdf"));
    r = run_command(fuel() + " build --data " + source("fixtures/lum-mul-2026") + " --out " + quote(out.string()) +
                    " --templates " + source("templates") + " --document bilaga-3 2>&1");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("--document: the dataset has no document \"bilaga-3\"") != std::string::npos);
}
