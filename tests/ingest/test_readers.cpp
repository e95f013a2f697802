// The round and application readers, on the fixture and on broken files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "ingest/dataset_loader.hpp"
#include "support/scratch.hpp"
#include "ingest/readers.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025";

std::string write_temp(const std::string& name, const std::string& content) {
    const auto dir = test_support::scratch_root() / "readers";
    fs::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

bool has(const core::Diagnostics& d, core::Severity severity, const std::string& text) {
    for (const auto& item : d.items())
        if (item.severity == severity && item.message.find(text) != std::string::npos) return true;
    return false;
}

const model::Application* find(const model::Dataset& d, const std::string& id) {
    for (const auto& a : d.applications)
        if (a.id == id) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("readers: the fixture loads without errors or warnings") {
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset(kFixture, diagnostics);
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    REQUIRE(dataset);
    CHECK(diagnostics.error_count() == 0);
    CHECK(diagnostics.warning_count() == 0);
    CHECK(dataset->name == "lum-mul-2025");
    CHECK(dataset->applications.size() == 16 + 12);
    const auto& round = dataset->round;
    CHECK(round.year == 2025);
    CHECK(round.funds.size() == 2);
    CHECK(round.funds[0].criteria.size() == 5);
    CHECK(round.funds[1].max_per_application == std::optional<model::Kronor>(25000));
    CHECK(round.case_officers.size() == 2);
    CHECK(round.signatories.size() == 2);
    CHECK(round.attestations.size() == 2);
    CHECK(round.preparation.size() == 2);
    CHECK(round.repayment_notice_deadline == core::parse_iso_date("2025-06-02"));
}

TEST_CASE("readers: CSV fields keep quotes, separators and their positions") {
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset(kFixture, diagnostics);
    REQUIRE(dataset);
    const auto* lots = find(*dataset, "LUM-03");
    REQUIRE(lots);
    CHECK(lots->description.find("\"lots\"") != std::string::npos);
    CHECK(lots->where.file.find("lum-ansokningar.csv") != std::string::npos);
    CHECK(lots->where.line == 4);
    const auto* partly = find(*dataset, "LUM-12");
    REQUIRE(partly);
    CHECK(partly->decision == model::Decision::PartlyGranted);
    CHECK(partly->requested == 500000);
    CHECK(partly->granted == 200000);
    CHECK(partly->unit == "Resursteamens barn och unga");
    CHECK(partly->assessments.size() == 5);
    const auto* trip = find(*dataset, "MUL-07");
    REQUIRE(trip);
    CHECK(trip->decision == model::Decision::Rejected);
    CHECK(trip->where.file.find("mul-ansokningar.xml") != std::string::npos);
    CHECK(trip->where.line > 1);
}

TEST_CASE("readers: XML that is not well-formed is reported with line and column") {
    const auto path = write_temp(
        "broken.xml",
        "<?xml version=\"1.0\"?>\n<round schema-version=\"1\">\n  <id>x</id>\n  <title>a</titel>\n</round>\n");
    core::Diagnostics diagnostics;
    CHECK_FALSE(ingest::read_round(path, diagnostics));
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.items()[0].where.line == 4);
    CHECK(diagnostics.items()[0].message.find("not well-formed") != std::string::npos);
}

TEST_CASE("readers: an unknown root element or schema version is refused") {
    core::Diagnostics diagnostics;
    CHECK_FALSE(ingest::read_round(write_temp("other-root.xml", "<ansokan schema-version=\"1\"/>"), diagnostics));
    CHECK(has(diagnostics, core::Severity::Error, "the root element is <ansokan>, expected <round>"));
    core::Diagnostics version;
    CHECK_FALSE(ingest::read_round(write_temp("v2.xml", "<round schema-version=\"2\"/>"), version));
    CHECK(has(version, core::Severity::Error, "schema-version \"2\" is not supported"));
}

TEST_CASE("readers: an unknown element is an error, so no data is lost silently") {
    model::Round round;
    round.funds.push_back({"MUL", "m", 100000, 25000, {}, {}});
    const auto path = write_temp("apps.xml",
                                 "<applications schema-version=\"1\">\n"
                                 "  <application id=\"M1\" fund=\"MUL\">\n"
                                 "    <administration>Farsta</administration><title>T</title>\n"
                                 "    <requested>25000</requested><decision>avslås</decision><granted>0</granted>\n"
                                 "    <motivering>stavfel</motivering>\n"
                                 "  </application>\n</applications>\n");
    core::Diagnostics diagnostics;
    const auto apps = ingest::read_applications_xml(path, round, diagnostics);
    CHECK(apps.applications.size() == 1);
    CHECK(has(diagnostics, core::Severity::Error, "unknown element <motivering>"));
    CHECK(diagnostics.items()[0].where.line == 5);
}

TEST_CASE("readers: a misspelt CSV column is named with a suggestion") {
    model::Round round;
    round.funds.push_back({"LUM", "l", 100000, std::nullopt, {{"H1", model::CriterionKind::Main, "k"}}, {}});
    const auto path = write_temp("apps.csv",
                                 "id;fond;förvaltning;titl;sökt_belopp;beslut;beviljat_belopp\r\n"
                                 "L1;LUM;Farsta;T;500 000;beviljas;500 000\r\n");
    core::Diagnostics diagnostics;
    ingest::read_applications_csv(path, round, diagnostics);
    CHECK(has(diagnostics, core::Severity::Error, "unknown column \"titl\"; did you mean titel?"));
    CHECK(has(diagnostics, core::Severity::Error, "the header has no column titel"));
}

TEST_CASE("readers: unknown decision and rating words are errors at their field") {
    model::Round round;
    round.funds.push_back({"LUM", "l", 100000, std::nullopt, {{"H1", model::CriterionKind::Main, "k"}}, {}});
    const auto path = write_temp("words.csv",
                                 "id;fond;förvaltning;titel;sökt_belopp;H1;beslut;beviljat_belopp\r\n"
                                 "L1;LUM;Farsta;T;500 000;ja;bifall;500 000\r\n");
    core::Diagnostics diagnostics;
    ingest::read_applications_csv(path, round, diagnostics);
    CHECK(has(diagnostics, core::Severity::Error, "the decision \"bifall\" is not one of"));
    CHECK(has(diagnostics, core::Severity::Error, "the rating \"ja\" for H1"));
    for (const auto& d : diagnostics.items()) CHECK(d.where.line == 2);
}

TEST_CASE("readers: a data file the round does not list is named") {
    const fs::path dir = test_support::scratch_dir("unlisted");
    fs::copy(kFixture, dir);
    std::ofstream(dir / "extra.csv") << "id\n";
    core::Diagnostics diagnostics;
    ingest::load_dataset(dir.string(), diagnostics);
    CHECK(has(diagnostics, core::Severity::Warning, "not listed in round.xml"));
}
