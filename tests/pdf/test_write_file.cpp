#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "external_tools.hpp"
#include "pdf/writer.hpp"
#include "sample_documents.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh, empty folder for one test, so that leftovers are easy to see.
fs::path fresh_folder(const std::string& name) {
    const fs::path folder = pdf_test::scratch_path(name);
    fs::create_directories(folder);
    return folder;
}

std::vector<fs::path> entries(const fs::path& folder) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder)) {
        found.push_back(entry.path().filename());
    }
    return found;
}

std::vector<unsigned char> bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("write_file writes what render returns, and nothing else", "[write_file]") {
    const auto document = pdf_test::two_page_report();
    const fs::path folder = fresh_folder("write-new");
    const fs::path target = folder / "beslut 2025.pdf";
    pdf::write_file(document, pdf::FontFiles::liberation(), target.string());
    CHECK(entries(folder) == std::vector<fs::path>{"beslut 2025.pdf"});
    CHECK(bytes_of(target) == pdf::render(document, pdf::FontFiles::liberation()));
}

TEST_CASE("write_file replaces an existing file", "[write_file]") {
    const auto document = pdf_test::two_page_report();
    const fs::path folder = fresh_folder("write-replace");
    const fs::path target = folder / "beslut.pdf";
    std::ofstream(target) << "an older version";
    pdf::write_file(document, pdf::FontFiles::liberation(), target.string(), {false});
    CHECK(entries(folder) == std::vector<fs::path>{"beslut.pdf"});
    CHECK(bytes_of(target) == pdf::render(document, pdf::FontFiles::liberation(), {false}));
}

TEST_CASE("a failed write leaves the previous file and no temporary file", "[write_file]") {
    const fs::path folder = fresh_folder("write-failed");
    const fs::path target = folder / "beslut.pdf";
    std::ofstream(target) << "the last good version";
    pdf::FontFiles fonts = pdf::FontFiles::liberation();
    fonts.paths[0] = (folder / "saknas.ttf").string();
    CHECK_THROWS_AS(pdf::write_file(pdf_test::two_page_report(), fonts, target.string()), pdf::Error);
    CHECK(entries(folder) == std::vector<fs::path>{"beslut.pdf"});
    CHECK(pdf_test::read_text(target.string()) == "the last good version");
}

TEST_CASE("a folder that does not exist is a pdf::Error, not a crash", "[write_file]") {
    const fs::path folder = fresh_folder("write-nowhere");
    const fs::path target = folder / "saknas" / "beslut.pdf";
    CHECK_THROWS_AS(pdf::write_file(pdf_test::two_page_report(), pdf::FontFiles::liberation(), target.string()),
                    pdf::Error);
    CHECK(entries(folder).empty());
}
