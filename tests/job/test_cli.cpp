// The fuel program as an operator runs it: commands, options, exit codes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "command.hpp"

namespace fs = std::filesystem;

namespace {

std::string fuel() { return quote(std::string(FUEL_BINARY_DIR) + "/fuel"); }
std::string source(const std::string& path) { return quote(std::string(FUEL_SOURCE_DIR) + "/" + path); }
std::string templates() { return " --templates " + source("templates"); }

}  // namespace

TEST_CASE("cli: --help and --version exit 0") {
    const auto help = run_command(fuel() + " --help 2>&1");
    CHECK(help.status == 0);
    CHECK(help.output.find("build") != std::string::npos);
    CHECK(help.output.find("--data") != std::string::npos);
    const auto version = run_command(fuel() + " --version 2>&1");
    CHECK(version.status == 0);
    CHECK(version.output.rfind("fuel ", 0) == 0);
}

TEST_CASE("cli: usage errors exit 2") {
    CHECK(run_command(fuel() + " 2>&1").status == 2);
    CHECK(run_command(fuel() + " publish 2>&1").status == 2);
    CHECK(run_command(fuel() + " build --no-such-option 2>&1").status == 2);
    CHECK(run_command(fuel() + " build --data 2>&1").status == 2);
}

TEST_CASE("cli: check validates the fixture and writes nothing") {
    const auto out = scratch_dir("cli-check");
    const auto r =
        run_command(fuel() + " check --data " + source("fixtures") + " --out " + quote(out) + templates() + " 2>&1");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("lum-mul-2025: the input is valid") != std::string::npos);
    CHECK(fs::is_empty(out));
}

TEST_CASE("cli: build writes every fixture's documents under out/<dataset>") {
    const auto out = scratch_dir("cli-build");
    const auto r =
        run_command(fuel() + " build --data " + source("fixtures") + " --out " + quote(out) + templates() + " 2>&1");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(fs::exists(out + "/lum-mul-2025/tjansteutlatande.pdf"));
}

TEST_CASE("cli: a dataset with errors exits 1, names them and writes nothing") {
    const auto out = scratch_dir("cli-invalid");
    const auto r = run_command(fuel() + " build --data " + source("tests/fixtures/invalid-round") + " --out " +
                               quote(out) + templates() + " 2>&1");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("ansokningar.csv:3:") != std::string::npos);
    CHECK(r.output.find("a rejection needs a motivation") != std::string::npos);
    CHECK(r.output.find("more than the budget") != std::string::npos);
    CHECK(r.output.find("nothing was written") != std::string::npos);
    // The records of a failed dataset are accounted for too: those with
    // errors rejected, the others fit for documents that are not made.
    CHECK(r.output.find(" records read, ") != std::string::npos);
    CHECK(r.output.find(" rejected") != std::string::npos);
    // A diagnostic starts its line with its place, for editors and CI viewers.
    CHECK(r.output.find("\n" + std::string(FUEL_SOURCE_DIR) +
                        "/tests/fixtures/invalid-round/ansokningar.csv:3:1: error: ") != std::string::npos);
    CHECK(fs::is_empty(out));
}

TEST_CASE("cli: a folder without datasets exits 1 with a clear message") {
    const auto empty = scratch_dir("cli-empty");
    const auto r = run_command(fuel() + " check --data " + quote(empty) + templates() + " 2>&1");
    CHECK(r.status == 1);
    CHECK(r.output.find("no dataset here") != std::string::npos);
}

TEST_CASE("cli: a missing templates folder is a settings error, exit 2, before anything is read") {
    const auto r = run_command(fuel() + " check --data " + source("fixtures") + " --templates no-such-folder 2>&1");
    CHECK(r.status == 2);
    CHECK(r.output.find("the templates folder 'no-such-folder' does not exist") != std::string::npos);
}
