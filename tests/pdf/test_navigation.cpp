#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "external_tools.hpp"
#include "pdf/writer.hpp"
#include "sample_documents.hpp"

using pdf_test::count;

namespace {

std::string raw_pdf(const layout::PagedDocument& document) {
    const auto bytes = pdf::render(document, pdf::FontFiles::liberation(), {false});
    return {bytes.begin(), bytes.end()};
}

// "n 0 R" of each page, in page order, from the page tree's /Kids.
std::vector<std::string> page_objects(const std::string& raw) {
    std::smatch kids;
    REQUIRE(std::regex_search(raw, kids, std::regex(R"(/Kids \[ ([^\]]*)\])")));
    std::vector<std::string> pages;
    const std::string list = kids[1];
    const std::regex reference(R"((\d+) 0 R)");
    for (std::sregex_iterator it(list.begin(), list.end(), reference), end; it != end; ++it) {
        pages.push_back((*it)[1]);
    }
    return pages;
}

std::string object(const std::string& raw, const std::string& number) {
    const auto start = raw.find("\n" + number + " 0 obj\n");
    REQUIRE(start != std::string::npos);
    return raw.substr(start, raw.find("endobj", start) - start);
}

}  // namespace

TEST_CASE("an internal link jumps to its anchor's page and height", "[navigation]") {
    const std::string raw = raw_pdf(pdf_test::two_page_report());
    const auto pages = page_objects(raw);
    REQUIRE(pages.size() == 2);

    std::smatch link;
    REQUIRE(std::regex_search(raw, link,
                              std::regex(R"(/Rect \[ ([-\d. ]+) \]\n/Type /Annot\n/Subtype /Link\n/Dest (\d+) 0 R)")));
    // Link box x 72, y 172, height 13 from the top of an 841.89 pt page.
    const std::string rect = link[1];
    CHECK_THAT(rect, Catch::StartsWith("72 656.89"));
    CHECK_THAT(rect, Catch::EndsWith(" 669.89001"));
    // The anchor "beslut" is on page 2, 96 pt from the top: 745.89 in PDF
    // space, at zoom 1 (libharu rejects 0).
    CHECK_THAT(object(raw, link[2]), Catch::Contains("[ " + pages[1] + " 0 R /XYZ 0 745.89001 1 ]"));
}

TEST_CASE("links have no border and the print flag, and URLs become URI actions", "[navigation]") {
    const std::string raw = raw_pdf(pdf_test::two_page_report());
    CHECK(count(raw, "/Subtype /Link") == 2);
    CHECK(count(raw, "/Border [ 0 0 0 ]") == 2);
    CHECK(count(raw, "/F 4\n") == 2);
    // libharu writes '/' in strings as \057.
    CHECK(count(raw, "/S /URI\n/URI (https:\\057\\057www.example.se\\057fond)") == 1);
    // Both annotations belong to page 1.
    const auto pages = page_objects(raw);
    CHECK(count(raw, "/P " + pages[0] + " 0 R") == 2);
}

TEST_CASE("a link to an anchor that does not exist is an error", "[navigation]") {
    auto document = pdf_test::two_page_report();
    document.pages[1].items.push_back({layout::Link{72, 150, 50, 12, "#ingenstans"}, false});
    CHECK_THROWS_AS(pdf::render(document, pdf::FontFiles::liberation()), pdf::Error);
    CHECK_THROWS_WITH(pdf::render(document, pdf::FontFiles::liberation()),
                      Catch::Contains("#ingenstans") && Catch::Contains("page 2"));
}

TEST_CASE("an anchor beyond the last page is an error", "[navigation]") {
    auto document = pdf_test::two_page_report();
    document.anchors.push_back({"bortom", "3 Bortom", 1, 2, 100});
    CHECK_THROWS_WITH(pdf::render(document, pdf::FontFiles::liberation()), Catch::Contains("bortom"));
}

TEST_CASE("bookmarks nest by level and point at their pages", "[navigation]") {
    auto document = pdf_test::two_page_report();
    // A link-only anchor (no title) makes no bookmark.
    document.anchors.push_back({"tabell-1", "", 1, 1, 300});
    const std::string path = pdf_test::scratch_path("outline.pdf");
    pdf_test::write_bytes(path, pdf::render(document, pdf::FontFiles::liberation()));
    const auto result = pdf_test::run_tool("qpdf --json=2 --json-key=outlines", {path});
    REQUIRE(result.exit_code == 0);
    const std::string& json = result.out;
    CHECK(count(json, "\"title\":") == 3);
    // qpdf prints each item's keys in order (dest, destpageposfrom1, kids,
    // ..., title), so a child's title comes before its parent's.
    const auto first = json.find("\"title\": \"1 Ärenden\"");
    const auto child = json.find("\"title\": \"2.1 Östermalms ansökan\"");
    const auto second = json.find("\"title\": \"2 Beslut\"");
    REQUIRE(first != std::string::npos);
    REQUIRE(child != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(first < child);
    CHECK(child < second);
    CHECK(json.find("\"kids\": [\n        {", first) < child);  // nested under "2 Beslut"
    CHECK(count(json, "\"destpageposfrom1\": 1") == 1);
    CHECK(count(json, "\"destpageposfrom1\": 2") == 2);
    CHECK_THAT(json, Catch::Contains("713.89001"));  // 2.1 at 128 pt from the top

    const std::string raw = raw_pdf(document);
    CHECK(count(raw, "/PageMode /UseOutlines") == 1);
    // Each item's destination is a direct array (PDF/A validators reject an
    // indirect one); only the link's stays an indirect object.
    const auto pages = page_objects(raw);
    CHECK(count(raw, "/Dest [ " + pages[0] + " 0 R /XYZ 0 745.89001 1 ]") == 1);
    CHECK(count(raw, "/Dest [ " + pages[1] + " 0 R /XYZ 0 745.89001 1 ]") == 1);
    CHECK(count(raw, "/Dest [ " + pages[1] + " 0 R /XYZ 0 713.89001 1 ]") == 1);
    CHECK(count(raw, "/Dest [") == 3);
}

TEST_CASE("without headings there is no outline", "[navigation]") {
    auto document = pdf_test::two_page_report();
    document.anchors.clear();
    document.pages[0].items.erase(document.pages[0].items.begin() + 6);  // the internal link
    const std::string raw = raw_pdf(document);
    CHECK(count(raw, "/Outlines") == 0);
    CHECK(count(raw, "/PageMode") == 0);
}
