// Every PDF the pipeline writes for the datasets under fixtures/, checked by
// tools we did not write: PDFBox Preflight (PDF/A-1b), qpdf (structure),
// pdffonts (embedded subsets) and pdfinfo (page count against the job's own).
#include <catch2/catch.hpp>

#include <filesystem>
#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "command.hpp"
#include "ingest/dataset_loader.hpp"
#include "ingest/final_report_readers.hpp"
#include "job/job.hpp"
#include "pdf/preflight.hpp"

namespace fs = std::filesystem;

namespace {

struct Output {
    std::string path;
    int pages = 0;  // as the job reported it
};

struct Built {
    job::Result result;
    std::string out;
    std::vector<Output> outputs;
};

// The whole fixtures/ folder through the pipeline once, as `fuel build` does.
const Built& built() {
    static const Built b = [] {
        Built x;
        x.out = scratch_dir("archival");
        job::Spec spec;
        spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures";
        spec.out_dir = x.out;
        job::Environment env;
        env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
        x.result = job::run(spec, env);
        for (const auto& dataset : x.result.datasets) {
            for (std::size_t i = 0; i < dataset.outputs.size() && i < dataset.page_counts.size(); ++i) {
                x.outputs.push_back({dataset.outputs[i], dataset.page_counts[i]});
            }
        }
        return x;
    }();
    return b;
}

// Folders directly under fixtures/ that hold a dataset (a round.xml or a
// report.xml), counted here rather than by the job, so that a dataset the job skipped shows.
std::vector<std::string> fixture_datasets() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::path(FUEL_SOURCE_DIR) / "fixtures")) {
        if (entry.is_directory() && (fs::exists(entry.path() / ingest::kRoundFile) ||
                                      fs::exists(entry.path() / ingest::kReportFile))) {
            names.push_back(entry.path().filename().string());
        }
    }
    return names;
}

}  // namespace

TEST_CASE("archival: every fixture dataset builds its documents") {
    const auto& b = built();
    const auto expected = fixture_datasets();
    REQUIRE_FALSE(expected.empty());
    CHECK(b.result.datasets.size() == expected.size());
    for (const auto& dataset : b.result.datasets) {
        CAPTURE(dataset.name, dataset.failure);
        CHECK(dataset.outcome == job::Outcome::Built);
        CHECK_FALSE(dataset.outputs.empty());
        CHECK(dataset.outputs.size() == dataset.page_counts.size());
    }
    // Only what the job reported was written.
    std::size_t on_disk = 0;
    for (const auto& entry : fs::recursive_directory_iterator(b.out)) {
        on_disk += entry.path().extension() == ".pdf" ? 1 : 0;
    }
    CHECK(on_disk == b.outputs.size());
}

TEST_CASE("archival: every generated PDF is valid PDF/A-1b by PDFBox Preflight") {
    const auto& b = built();
    REQUIRE_FALSE(b.outputs.empty());
    std::vector<std::string> files;
    for (const auto& output : b.outputs) files.push_back(output.path);
    // All files in one Java run: Preflight's start-up is most of its time.
    const auto verdicts = preflight::validate(files, b.out + "/preflight");
    REQUIRE(verdicts.size() == files.size());
    for (const auto& verdict : verdicts) {
        INFO(verdict.report());
        CHECK(verdict.valid);
    }
}

TEST_CASE("archival: qpdf finds no structural error in any generated PDF") {
    const auto& b = built();
    REQUIRE_FALSE(b.outputs.empty());
    for (const auto& output : b.outputs) {
        const auto r = run_command("qpdf --check " + quote(output.path) + " 2>&1");
        INFO(output.path << "\n" << r.output);
        CHECK(r.status == 0);
        CHECK(r.output.find("No syntax or stream encoding errors found") != std::string::npos);
        CHECK(r.output.find("WARNING") == std::string::npos);
        CHECK(r.output.find("PDF Version: 1.4") != std::string::npos);
    }
}

TEST_CASE("archival: every font of every generated PDF is an embedded subset") {
    const auto& b = built();
    REQUIRE_FALSE(b.outputs.empty());
    // pdffonts: name, type, encoding, emb, sub, uni, object, generation.
    const std::regex row(R"(^(\S+) +(.+?) +(\S+) +(yes|no) +(yes|no) +(yes|no) +\d+ +\d+$)");
    for (const auto& output : b.outputs) {
        const auto r = run_command("pdffonts " + quote(output.path) + " 2>&1");
        INFO(output.path << "\n" << r.output);
        REQUIRE(r.status == 0);
        std::istringstream lines(r.output);
        std::string line;
        int fonts = 0;
        while (std::getline(lines, line)) {
            std::smatch m;
            if (!std::regex_match(line, m, row)) continue;
            ++fonts;
            CAPTURE(line);
            CHECK(m[4] == "yes");  // embedded
            CHECK(m[5] == "yes");  // subset
            CHECK(m[6] == "yes");  // has a ToUnicode map
            CHECK(std::regex_match(std::string(m[1]), std::regex(R"([A-Z]{6}\+.+)")));
        }
        CHECK(fonts >= 1);
        // Header and rule, then one line per font: no line went unparsed.
        CHECK(std::count(r.output.begin(), r.output.end(), '\n') == 2 + fonts);
    }
}

TEST_CASE("archival: each generated PDF has the number of pages the job reported") {
    const auto& b = built();
    REQUIRE_FALSE(b.outputs.empty());
    for (const auto& output : b.outputs) {
        const auto r = run_command("pdfinfo " + quote(output.path) + " 2>&1");
        INFO(output.path << "\n" << r.output);
        REQUIRE(r.status == 0);
        std::smatch m;
        REQUIRE(std::regex_search(r.output, m, std::regex(R"(Pages:\s+(\d+))")));
        CHECK(std::stoi(m[1]) == output.pages);
        CHECK(output.pages >= 1);
        // No poppler complaint (a broken ToUnicode or metadata would give one).
        CHECK(r.output.find("Syntax Warning") == std::string::npos);
        CHECK(r.output.find("Syntax Error") == std::string::npos);
    }
}
