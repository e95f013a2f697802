// Rounds across years: a round sees the earlier rounds of its funds that lie
// beside it in the data folder (docs/formats.md, "Rounds across years").
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/dataset_loader.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kFixture = std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025";

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// A copy of the 2025 fixture as the round of `year`, with `fund` instead of
// the fund code LUM when given.
void write_round(const fs::path& folder, int year, const std::string& fund = "LUM") {
    fs::create_directories(folder);
    for (const auto& entry : fs::directory_iterator(kFixture))
        if (entry.path().filename() != "round.xml") fs::copy_file(entry.path(), folder / entry.path().filename());
    auto round = replaced(read(fs::path(kFixture) / "round.xml"), "<year>2025</year>",
                          "<year>" + std::to_string(year) + "</year>");
    if (fund != "LUM") {
        round = replaced(round, "<fund code=\"LUM\">", "<fund code=\"" + fund + "\">");
        round = replaced(round, "<fund code=\"MUL\">", "<fund code=\"" + fund + "2\">");
    }
    std::ofstream(folder / "round.xml", std::ios::binary) << round;
}

}  // namespace

TEST_CASE("history: a round sees the earlier rounds of its funds, the latest first") {
    const fs::path data = test_support::scratch_dir("history/sees");
    write_round(data / "r-2025", 2025);
    write_round(data / "r-2023", 2023);
    write_round(data / "r-2024", 2024);
    write_round(data / "r-2026", 2026);             // later: not seen
    write_round(data / "other-2024", 2024, "XYZ");  // other funds: not seen
    const auto folders = ingest::earlier_rounds((data / "r-2025").string());
    REQUIRE(folders.size() == 2);
    CHECK(fs::path(folders[0]).filename() == "r-2024");
    CHECK(fs::path(folders[1]).filename() == "r-2023");

    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset((data / "r-2025").string(), diagnostics);
    REQUIRE(dataset);
    CHECK(diagnostics.error_count() == 0);
    REQUIRE(dataset->earlier.size() == 2);
    CHECK(dataset->earlier[0].round.year == 2024);
    CHECK(dataset->earlier[0].applications.size() == 28);
    CHECK(dataset->earlier[0].earlier.empty());  // one level: the round's own history only
    CHECK(dataset->earlier[1].round.year == 2023);
}

TEST_CASE("history: the first round of a data folder has none, and a trailing slash changes nothing") {
    const fs::path data = test_support::scratch_dir("history/first");
    write_round(data / "r-2024", 2024);
    write_round(data / "r-2025", 2025);
    CHECK(ingest::earlier_rounds((data / "r-2024").string()).empty());
    CHECK(ingest::earlier_rounds((data / "r-2025").string() + "/").size() == 1);
}

TEST_CASE("history: an earlier round with errors is an error of the round that needs it") {
    const fs::path data = test_support::scratch_dir("history/broken");
    write_round(data / "r-2025", 2025);
    write_round(data / "r-2024", 2024);
    std::ofstream(data / "r-2024" / "mul-ansokningar.xml", std::ios::binary) << "<applications";
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset((data / "r-2025").string(), diagnostics);
    REQUIRE(dataset);
    CHECK(dataset->earlier.empty());
    REQUIRE(diagnostics.error_count() == 1);
    const auto& error = diagnostics.items().front();
    CHECK(error.where.file == (data / "r-2025" / "round.xml").string());
    CHECK(error.message.find("r-2024 has errors") != std::string::npos);
    CHECK(error.message.find("mul-ansokningar.xml") != std::string::npos);
}
