#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "pdf/writer.hpp"
#include "external_tools.hpp"
#include "sample_documents.hpp"

TEST_CASE("two renders of the same pages are byte-identical", "[determinism]") {
    const auto document = pdf_test::two_page_report();
    const auto first = pdf::render(document, pdf::FontFiles::liberation());
    // A second apart, so that anything taken from the clock would differ.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const auto second = pdf::render(document, pdf::FontFiles::liberation());
    REQUIRE(first.size() > 1000);
    CHECK(first == second);
}

TEST_CASE("renders on several threads at once equal the single-threaded one", "[determinism]") {
    const auto document = pdf_test::two_page_report();
    const auto reference = pdf::render(document, pdf::FontFiles::liberation());
    std::vector<std::vector<unsigned char>> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results) {
        threads.emplace_back([&document, &result] { result = pdf::render(document, pdf::FontFiles::liberation()); });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    for (const auto& result : results) {
        CHECK(result == reference);
    }
}

TEST_CASE("the bytes depend on the content", "[determinism]") {
    auto document = pdf_test::two_page_report();
    const auto before = pdf::render(document, pdf::FontFiles::liberation());
    document.meta.date = "2024-12-11";
    CHECK(pdf::render(document, pdf::FontFiles::liberation()) != before);
}

TEST_CASE("streams compressed on several threads give the one-thread bytes, and decode", "[determinism]") {
    const auto document = pdf_test::two_page_report();
    pdf::WriteOptions one;
    pdf::WriteOptions four;
    four.compression_threads = 4;
    const auto reference = pdf::render(document, pdf::FontFiles::liberation(), one);
    CHECK(pdf::render(document, pdf::FontFiles::liberation(), four) == reference);

    // The page content and the font programs come compressed by us, each
    // with one /Filter; the fonts' CMaps by libharu, with its array form.
    const std::string raw(reference.begin(), reference.end());
    const std::size_t fonts = pdf_test::count(raw, "/FontFile2 ");
    REQUIRE(fonts > 0);
    CHECK(pdf_test::count(raw, "/Filter /FlateDecode\n") == document.pages.size() + fonts);
    CHECK(pdf_test::count(raw, "/Filter [ /FlateDecode ]\n/Filter") == 0);
    const std::string path = pdf_test::scratch_path("compressed-streams.pdf");
    pdf_test::write_bytes(path, reference);
    // qpdf decodes every stream; a warning (exit code 3) fails as well.
    const auto check = pdf_test::run_tool("qpdf --check", {path});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    const auto text = pdf_test::run_tool("pdftotext -q", {path, "-"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("1 Ärenden") != std::string::npos);
}

namespace {

// The sample's two pages over and over: more pages than the writer
// compresses at once (writer.cpp), each with its links and marks.
layout::PagedDocument long_report(std::size_t copies) {
    auto document = pdf_test::two_page_report();
    const auto pages = document.pages;
    for (std::size_t i = 1; i < copies; ++i) document.pages.insert(document.pages.end(), pages.begin(), pages.end());
    return document;
}

}  // namespace

TEST_CASE("pages released as they are painted give the same bytes, every page compressed", "[determinism]") {
    const auto document = long_report(75);  // 150 pages: two batches of 64 and the rest
    const auto kept = pdf::render(document, pdf::FontFiles::liberation());
    auto consumed = document;
    const auto released = pdf::render(std::move(consumed), pdf::FontFiles::liberation());
    CHECK(released == kept);
    // What the writer took is gone; what the caller may still read is not.
    REQUIRE(consumed.pages.size() == document.pages.size());
    CHECK(std::all_of(consumed.pages.begin(), consumed.pages.end(),
                      [](const layout::Page& page) { return page.items.empty(); }));
    CHECK(consumed.anchors.size() == document.anchors.size());
    CHECK(consumed.structure.size() == document.structure.size());

    // Every page's content compressed once, in its batch or the last one.
    const std::string raw(released.begin(), released.end());
    const std::size_t fonts = pdf_test::count(raw, "/FontFile2 ");
    CHECK(pdf_test::count(raw, "/Filter /FlateDecode\n") == document.pages.size() + fonts);
    const std::string path = pdf_test::scratch_path("released-pages.pdf");
    pdf_test::write_bytes(path, released);
    const auto check = pdf_test::run_tool("qpdf --check", {path});
    INFO(check.out << check.err);
    CHECK(check.exit_code == 0);
    // The text of every page is there: each copy's first page has the heading.
    const auto text = pdf_test::run_tool("pdftotext -q", {path, "-"});
    CHECK(pdf_test::count(text.out, "1 Ärenden") == 75);
}

TEST_CASE("pages set aside on disk until the save give the bytes render gives, and leave no file", "[determinism]") {
    // write_file keeps each batch of compressed pages in an unlinked file
    // beside the PDF (page_spill.hpp); render keeps them in memory.
    const auto document = long_report(75);  // 150 pages: two batches of 64 and the rest
    const auto in_memory = pdf::render(document, pdf::FontFiles::liberation());
    const std::string folder = pdf_test::scratch_path("spilled-pages");
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    auto consumed = document;
    pdf::write_file(std::move(consumed), pdf::FontFiles::liberation(), folder + "/lang.pdf");
    std::ifstream in(folder + "/lang.pdf", std::ios::binary);
    const std::vector<unsigned char> written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(written == in_memory);
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
    CHECK(names == std::vector<std::string>{"lang.pdf"});
}
