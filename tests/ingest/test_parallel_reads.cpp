// A round's files are read on several threads (dataset_loader.cpp,
// run_reads): the dataset, its records and the diagnostics, in their order,
// must be what one thread gives, for a valid round and for a broken one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/dataset_loader.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;

namespace {

// The dataset, every source file's records and every diagnostic, as text.
std::string read_with(const std::string& folder, unsigned threads) {
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset(folder, diagnostics, threads);
    std::ostringstream out;
    if (dataset) {
        out << model::dump(*dataset);
        for (const auto& source : dataset->sources) {
            out << "source " << source.file << " readable " << source.readable << "\n";
            for (const auto& r : source.records)
                out << "  " << r.where.line << ":" << r.where.column << " " << r.id << " -> " << r.application << " "
                    << r.feeds << " " << r.dropped_because << "\n";
        }
    }
    for (const auto& d : diagnostics.items()) out << core::to_string(d) << "\n";
    return out.str();
}

void append_line(const fs::path& file, const std::string& line) {
    std::ofstream out(file, std::ios::app | std::ios::binary);
    out << line;
}

}  // namespace

TEST_CASE("ingest: a round read on two threads is the round read on one") {
    for (const auto* fixture : {"lum-mul-2024", "lum-mul-2025", "lum-mul-2026"}) {
        const auto folder = std::string(FUEL_SOURCE_DIR) + "/fixtures/" + fixture;
        INFO(fixture);
        const auto one = read_with(folder, 1);
        CHECK(one.find("source ") != std::string::npos);
        CHECK(read_with(folder, 2) == one);
        CHECK(read_with(folder, 4) == one);
    }
}

TEST_CASE("ingest: a broken round read on two threads gives the same diagnostics in the same order") {
    const fs::path folder = test_support::scratch_dir("ingest-parallel-broken") + "/lum-mul-2025";
    fs::copy(std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025", folder, fs::copy_options::recursive);
    // An error in the CSV, one in the registers, one in the XML.
    append_line(folder / "lum-ansokningar.csv", "LUM-99;LUM;Södermalm;;Titel;;Text;mycket;;;;;;beviljas;0;\r\n");
    append_line(folder / "rapporter.csv", "inte;en;rad\r\n");
    std::string xml;
    {
        std::ifstream in(folder / "mul-ansokningar.xml", std::ios::binary);
        xml.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const auto at = xml.find("<requested>");
    REQUIRE(at != std::string::npos);
    xml.insert(at + std::string("<requested>").size(), "x");
    std::ofstream(folder / "mul-ansokningar.xml", std::ios::binary | std::ios::trunc) << xml;

    const auto one = read_with(folder.string(), 1);
    CHECK(one.find("lum-ansokningar.csv:") != std::string::npos);
    CHECK(one.find("mul-ansokningar.xml:") != std::string::npos);
    CHECK(one.find("rapporter.csv:") != std::string::npos);
    CHECK(read_with(folder.string(), 2) == one);
}
