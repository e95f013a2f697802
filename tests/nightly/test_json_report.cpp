// `fuel check --format json` and `fuel build --format json`: the report a
// program reads, on standard output, with every diagnostic structured.
// Parsed with Poco's JSON parser, so a malformed report fails here.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "datasets.hpp"

namespace {

using Poco::JSON::Object;

// Standard output only: the human messages on standard error go elsewhere.
std::string stdout_of(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    const int raw = pclose(pipe);
    status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return out;
}

// Run from the build tree, so the templates are named.
std::string fuel_check_json(const std::string& data) {
    using namespace nightly_test;
    return fuel_program() + " check --format json --templates '" + source_path("templates") + "' --data '" +
           source_path(data) + "'";
}

Object::Ptr parse(const std::string& json) {
    INFO(json);
    return Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
}

}  // namespace

TEST_CASE("json report: check of a dataset with errors lists each with file, line and column") {
    using namespace nightly_test;
    int status = 0;
    const auto json = stdout_of(fuel_check_json("tests/fixtures/invalid-round"), status);
    CHECK(status == 1);
    const auto report = parse(json);
    CHECK(report->getValue<int>("exit_status") == 1);
    CHECK_FALSE(report->getValue<bool>("ok"));
    const auto datasets = report->getArray("datasets");
    REQUIRE(datasets->size() == 1);
    const auto dataset = datasets->getObject(0);
    CHECK(dataset->getValue<std::string>("status") == "input-errors");
    const auto diagnostics = dataset->getArray("diagnostics");
    REQUIRE(diagnostics->size() == 2);
    // Sorted by file and line, as the text report prints them.
    const auto first = diagnostics->getObject(0);
    CHECK(first->getValue<std::string>("file").ends_with("invalid-round/ansokningar.csv"));
    CHECK(first->getValue<int>("line") == 3);
    CHECK(first->getValue<int>("column") == 1);
    CHECK(first->getValue<std::string>("severity") == "error");
    CHECK(first->getValue<std::string>("message").find("LUM-02") != std::string::npos);
    CHECK(diagnostics->getObject(1)->getValue<std::string>("file").ends_with("invalid-round/round.xml"));
}

TEST_CASE("json report: a valid dataset is ok with no diagnostics, and an unknown format is a usage error") {
    using namespace nightly_test;
    int status = 0;
    const auto report = parse(stdout_of(fuel_check_json("fixtures/lum-mul-2025"), status));
    CHECK(status == 0);
    CHECK(report->getValue<bool>("ok"));
    CHECK(report->getArray("datasets")->getObject(0)->getArray("diagnostics")->size() == 0);
    stdout_of(fuel_program() + " check --format yaml", status);
    CHECK(status == 2);
}
