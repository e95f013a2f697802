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
#include "ingest/fund_application_readers.hpp"
#include "job/job.hpp"
#include "pdf/content_streams.hpp"
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

// Folders directly under fixtures/ that hold a dataset (a round.xml, a
// report.xml or an application.xml), counted here rather than by the job, so that a dataset the job skipped shows.
std::vector<std::string> fixture_datasets() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::path(FUEL_SOURCE_DIR) / "fixtures")) {
        if (entry.is_directory() &&
            (fs::exists(entry.path() / ingest::kRoundFile) || fs::exists(entry.path() / ingest::kReportFile) ||
             fs::exists(entry.path() / ingest::kApplicationFile))) {
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

namespace {

// Collapses runs of white space (pdfinfo keeps a line's trailing space and
// writes a heading's two lines as two strings) and trims.
std::string collapsed(const std::string& text) {
    std::string out;
    for (char c : fold_nbsp(text)) {
        if (c == ' ' || c == '\n') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The headings of a tagged PDF as a screen reader finds them: each H1-H6
// element of `pdfinfo -struct-text` with the text inside it, in reading
// order. A footnote inside a heading is a Note element, and its reference
// mark a Link whose text is the note's number: both are left out, as the
// bookmark leaves them out.
std::vector<std::string> tagged_headings(const std::string& pdf) {
    const auto r = run_command("pdfinfo -struct-text " + quote(pdf) + " 2>&1");
    REQUIRE(r.status == 0);
    std::vector<std::string> headings;
    constexpr std::size_t kNone = std::string::npos;
    std::size_t heading_indent = kNone, note_indent = kNone, link_indent = kNone;
    const std::regex heading(R"(^( *)H[1-6] \(block\)$)");
    const std::regex text(R"(^( *)\"(.*)\"$)");
    const std::regex digits("[0-9]+");
    std::istringstream in(r.output);
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
        const std::size_t indent = line.find_first_not_of(' ');
        if (heading_indent != kNone && indent <= heading_indent) heading_indent = kNone;
        if (note_indent != kNone && indent <= note_indent) note_indent = kNone;
        if (link_indent != kNone && indent <= link_indent) link_indent = kNone;
        if (std::regex_match(line, m, heading)) {
            heading_indent = static_cast<std::size_t>(m[1].length());
            headings.emplace_back();
        } else if (heading_indent == kNone || note_indent != kNone) {
            continue;
        } else if (line.compare(indent, std::string::npos, "Note (inline)") == 0) {
            note_indent = indent;
        } else if (line.compare(indent, std::string::npos, "Link (inline)") == 0) {
            link_indent = indent;
        } else if (std::regex_match(line, m, text)) {
            if (link_indent != kNone && std::regex_match(std::string(m[2]), digits)) continue;  // a note's mark
            headings.back() += std::string(m[2]);
        }
    }
    for (auto& h : headings) h = collapsed(h);
    return headings;
}

// The titles of a PDF's bookmarks, at any depth.
std::vector<std::string> bookmark_titles(const std::string& pdf) {
    const auto r = run_command("qpdf --json=2 --json-key=outlines " + quote(pdf));
    REQUIRE(r.status == 0);
    std::vector<std::string> titles;
    const std::regex title(R"re(^ *"title": "(.*)",?$)re");
    std::istringstream in(r.output);
    std::smatch m;
    for (std::string line; std::getline(in, line);)
        if (std::regex_match(line, m, title)) titles.push_back(collapsed(m[1]));
    return titles;
}

}  // namespace

TEST_CASE("archival: every text and paint operator of every generated PDF is tagged or an artifact") {
    const auto& b = built();
    REQUIRE_FALSE(b.outputs.empty());
    for (const auto& output : b.outputs) {
        const auto summary = content_check::check(output.path, output.path + ".qdf");
        CAPTURE(output.path);
        CHECK(summary.pages == output.pages);
        CHECK(summary.text_operators > 0);
        CHECK(summary.tagged_sequences > 0);
        CHECK(summary.balanced);
        for (const auto& finding : summary.outside) {
            CAPTURE(finding.page, finding.op);
            CHECK(false);  // an operator outside marked content
        }
        fs::remove(output.path + ".qdf");
    }
}

TEST_CASE("archival: the headings a screen reader finds in each PDF are its bookmarks") {
    const auto& b = built();
    REQUIRE_FALSE(b.outputs.empty());
    int documents_with_headings = 0;
    for (const auto& output : b.outputs) {
        CAPTURE(output.path);
        auto headings = tagged_headings(output.path);
        auto bookmarks = bookmark_titles(output.path);
        documents_with_headings += headings.empty() ? 0 : 1;
        // qpdf prints an outline's kids before their parent, so compare the
        // titles as sets; the tagged order is the reading order.
        std::sort(headings.begin(), headings.end());
        std::sort(bookmarks.begin(), bookmarks.end());
        CHECK(headings == bookmarks);
    }
    CHECK(documents_with_headings == static_cast<int>(b.outputs.size()));
}
