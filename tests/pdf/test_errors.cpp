#include <catch2/catch.hpp>

#include "pdf/writer.hpp"
#include "sample_documents.hpp"

TEST_CASE("a font file that does not exist is a pdf::Error naming it", "[errors]") {
    pdf::FontFiles fonts = pdf::FontFiles::liberation();
    fonts.paths[static_cast<std::size_t>(layout::FontId::SansBold)] = "/nonexistent/Fet.ttf";
    try {
        (void)pdf::render(pdf_test::two_page_report(), fonts);
        FAIL("no exception");
    } catch (const pdf::Error& error) {
        CHECK_THAT(error.what(), Catch::Contains("/nonexistent/Fet.ttf"));
        CHECK_THAT(error.what(), Catch::Contains("No such file or directory"));
    }
}

TEST_CASE("a font the pages do not use is never opened", "[errors]") {
    pdf::FontFiles fonts = pdf::FontFiles::liberation();
    fonts.paths[static_cast<std::size_t>(layout::FontId::SansBoldItalic)] = "/nonexistent/FetKursiv.ttf";
    CHECK_NOTHROW(pdf::render(pdf_test::two_page_report(), fonts));
}

TEST_CASE("a document date must be an ISO calendar date", "[errors]") {
    auto document = pdf_test::two_page_report();
    document.meta.date = "10/12/2024";
    CHECK_THROWS_WITH(pdf::render(document, pdf::FontFiles::liberation()), Catch::Contains("10/12/2024"));
    // Well-formed but not a day: libharu's calendar check, reported with the
    // libharu code for HPDF_INVALID_DATE_TIME.
    document.meta.date = "2025-02-29";
    CHECK_THROWS_WITH(pdf::render(document, pdf::FontFiles::liberation()),
                      Catch::Contains("0x1022") && Catch::Contains("2025-02-29"));
    document.meta.date = "2024-02-29";
    CHECK_NOTHROW(pdf::render(document, pdf::FontFiles::liberation()));
    document.meta.date.clear();
    CHECK_NOTHROW(pdf::render(document, pdf::FontFiles::liberation()));
}
