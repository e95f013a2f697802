// The record of a dataset's last good build survives a round trip with any
// text in it, and a damaged record is rejected (the dataset is then rebuilt).
#include <catch2/catch.hpp>

#include "job/manifest.hpp"

TEST_CASE("manifest: every field survives formatting and parsing, tabs and line breaks included") {
    job::Manifest m;
    m.generator = "fuel 0.1.0 build abc";
    m.inputs = "0123";
    m.template_name = "beslut\tlum";
    m.built_at = 1743296400;
    m.documents = {{"tjansteutlatande", "ff00", 4, 1743296400, {"tjansteutlatande.html", "tjansteutlatande.json"}},
                   {"bilaga 1\\x", "", 12, 1743200000, {}}};
    m.diagnostics = {{core::Severity::Warning, {"data/a.csv", 3, 7}, "two\nlines\tand a tab"},
                     {core::Severity::Note, {"round.xml", 0, 0}, "ok"}};
    m.digests = {{"tjansteutlatande.pdf", "ab12"}, {"account.txt", "cd34"}};
    const auto parsed = job::parse_manifest(job::format_manifest(m));
    REQUIRE(parsed);
    CHECK(parsed->generator == m.generator);
    CHECK(parsed->inputs == m.inputs);
    CHECK(parsed->template_name == m.template_name);
    CHECK(parsed->built_at == m.built_at);
    REQUIRE(parsed->documents.size() == 2);
    CHECK(parsed->documents[1].name == "bilaga 1\\x");
    CHECK(parsed->documents[1].key == "");
    CHECK(parsed->documents[1].pages == 12);
    CHECK(parsed->find("tjansteutlatande")->key == "ff00");
    CHECK(parsed->find("tjansteutlatande")->companions == m.documents[0].companions);
    CHECK(parsed->documents[1].companions.empty());
    CHECK(parsed->find("saknas") == nullptr);
    REQUIRE(parsed->diagnostics.size() == 2);
    CHECK(parsed->diagnostics[0].severity == core::Severity::Warning);
    CHECK(parsed->diagnostics[0].where.file == "data/a.csv");
    CHECK(parsed->diagnostics[0].where.column == 7);
    CHECK(parsed->diagnostics[0].message == "two\nlines\tand a tab");
    CHECK(parsed->digests == m.digests);
}

TEST_CASE("manifest: a damaged or foreign record is not a manifest") {
    CHECK_FALSE(job::parse_manifest(""));
    CHECK_FALSE(job::parse_manifest("fuel-build 3\n"));
    CHECK_FALSE(job::parse_manifest("fuel-build 1\n"));  // before the file digests: rebuilt once
    CHECK_FALSE(job::parse_manifest("fuel-build 2\ndocument\tx\tkey\tfyra\t0\n"));
    CHECK_FALSE(job::parse_manifest("fuel-build 2\nsomething\telse\n"));
    // A companion belongs to the document record just before it.
    CHECK_FALSE(job::parse_manifest("fuel-build 2\ncompanion\tx\tx.html\n"));
    CHECK_FALSE(job::parse_manifest("fuel-build 2\ndocument\ty\tk\t1\t0\ncompanion\tx\tx.html\n"));
    CHECK_FALSE(job::parse_manifest("fuel-build 2\ndiagnostic\tfatal\tf\t1\t1\tm\n"));
    CHECK(job::parse_manifest("fuel-build 2\n"));
}
