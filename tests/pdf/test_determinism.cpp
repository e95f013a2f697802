#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "pdf/writer.hpp"
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
