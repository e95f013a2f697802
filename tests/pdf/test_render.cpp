#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "external_tools.hpp"
#include "pdf/writer.hpp"
#include "sample_documents.hpp"

using layout::FontId;
using pdf_test::count;
using pdf_test::run_tool;

namespace {

std::string rendered(const std::string& name, const layout::PagedDocument& document,
                     const pdf::WriteOptions& options = {}) {
    const std::string path = pdf_test::scratch_path(name);
    pdf_test::write_bytes(path, pdf::render(document, pdf::FontFiles::liberation(), options));
    return path;
}

std::string as_text(const std::vector<unsigned char>& bytes) { return {bytes.begin(), bytes.end()}; }

struct WordBox {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

// The box pdftotext -bbox reports for the first occurrence of `word`, in
// poppler's top-left page coordinates.
WordBox box_of(const std::string& bbox_html, const std::string& word) {
    const std::regex pattern(R"re(<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">)re" +
                             word + "</word>");
    std::smatch match;
    REQUIRE(std::regex_search(bbox_html, match, pattern));
    return {std::stod(match[1]), std::stod(match[2]), std::stod(match[3]), std::stod(match[4])};
}

double em_width(FontId font, std::u32string_view text) {
    double total = 0;
    for (char32_t cp : text) {
        total += pdf_test::liberation().advance(font, cp);
    }
    return total;
}

}  // namespace

TEST_CASE("Swedish text comes back from pdftotext, without a CMap warning", "[render]") {
    const std::string path = rendered("swedish.pdf", pdf_test::two_page_report());
    const auto result = run_tool("pdftotext -layout", {path, "-"});
    REQUIRE(result.exit_code == 0);
    // Before the ToUnicode fix poppler printed "Syntax Warning: Invalid
    // 'begincidrange' operator in ToUnicode CMap" here.
    CHECK(result.err.empty());
    CHECK_THAT(result.out, Catch::Contains(pdf_test::kSwedishLine));
    CHECK_THAT(result.out, Catch::Contains("1 Ärenden"));
    CHECK_THAT(result.out, Catch::Contains("Se avsnitt 2 – Beslut"));
    // Page order: page 2's text follows the form feed.
    const auto page_break = result.out.find('\f');
    REQUIRE(page_break != std::string::npos);
    CHECK(result.out.find("2.1 Östermalms ansökan") > page_break);
    CHECK(result.out.find("Nämnden beslutar att bevilja medel.") > page_break);
    CHECK(result.out.find(pdf_test::kSwedishLine) < page_break);
}

TEST_CASE("U+00A0 is extracted by poppler as an ordinary space", "[render]") {
    // The ToUnicode map sends code 00A0 to U+00A0; poppler's text output
    // then turns the no-break space into U+0020. The PDF keeps the NBSP
    // (the line did not break there); only the extraction normalises it.
    const std::string path = rendered("nbsp.pdf", pdf_test::two_page_report());
    const auto result = run_tool("pdftotext -layout", {path, "-"});
    CHECK_THAT(result.out, Catch::Contains("Belopp: 1 234 567 kr"));
    CHECK(count(result.out, "\u00A0") == 0);
    const auto raw = as_text(pdf::render(pdf_test::two_page_report(), pdf::FontFiles::liberation(), {false}));
    // "1 234 " in the content stream: 0031 00A0 0032 0033 0034 00A0; the
    // identity row <0000> <00FF> <0000> maps 00A0 back to U+00A0.
    CHECK(count(raw, "003100A000320033003400A0") == 1);
}

TEST_CASE("every font is an embedded subset with a Unicode map", "[render]") {
    const std::string path = rendered("fonts.pdf", pdf_test::two_page_report());
    const auto result = run_tool("pdffonts", {path});
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    const std::regex row(R"((HPDFA[A-Z]\+[^ ]+) +CID TrueType +Identity-H +yes yes yes +\d+ +0)");
    std::vector<std::string> names;
    for (std::sregex_iterator it(result.out.begin(), result.out.end(), row), end; it != end; ++it) {
        names.push_back((*it)[1]);
    }
    // Only the four faces the pages use, in FontId order of first loading.
    CHECK(names.size() == 4);
    CHECK(count(result.out, "\n") == 2 + 4);  // header, rule, one line per font
    CHECK_THAT(result.out, Catch::Contains("HPDFAA+LiberationSerif "));
    CHECK_THAT(result.out, Catch::Contains("HPDFAB+LiberationSerif-Italic"));
    CHECK_THAT(result.out, Catch::Contains("HPDFAC+LiberationSans "));
    CHECK_THAT(result.out, Catch::Contains("HPDFAD+LiberationSans-Bold"));
}

TEST_CASE("qpdf finds no structural errors, compressed or not", "[render]") {
    for (bool compress : {true, false}) {
        INFO("compress " << compress);
        const std::string path =
            rendered(compress ? "check.pdf" : "check-raw.pdf", pdf_test::two_page_report(), {compress});
        const auto result = run_tool("qpdf --check", {path});
        CHECK(result.exit_code == 0);
        CHECK_THAT(result.out, Catch::Contains("No syntax or stream encoding errors found"));
        CHECK(result.err.empty());
    }
}

TEST_CASE("pdfinfo shows the metadata, page count and page size", "[render]") {
    const std::string path = rendered("info.pdf", pdf_test::two_page_report());
    const auto result = run_tool("pdfinfo -isodates", {path});
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK_THAT(result.out, Catch::Contains("Title:           Fördelning av utvecklingsmedel 2025 – Östermalm\n"));
    CHECK_THAT(result.out, Catch::Contains("Author:          Socialförvaltningen, Örebro kommun\n"));
    CHECK_THAT(result.out, Catch::Contains("Subject:         Beslut om fördelning – LUM/MUL\n"));
    CHECK_THAT(result.out, Catch::Contains("CreationDate:    2024-12-10T00:00:00"));
    CHECK_THAT(result.out, Catch::Contains("Pages:           2\n"));
    CHECK_THAT(result.out, Catch::Contains("Page size:       595.276 x 841.89 pts (A4)"));
    // Made once: the modification date is the creation date.
    CHECK_THAT(result.out, Catch::Contains("ModDate:         2024-12-10T00:00:00"));
}

TEST_CASE("each page gets its own size", "[render]") {
    auto document = pdf_test::two_page_report();
    document.pages[1].width = 841.89;
    document.pages[1].height = 595.276;
    const std::string path = rendered("landscape.pdf", document);
    const auto result = run_tool("pdfinfo -f 1 -l 2", {path});
    CHECK_THAT(result.out, Catch::Contains("Page    1 size:  595.276 x 841.89 pts (A4)"));
    CHECK_THAT(result.out, Catch::Contains("Page    2 size:  841.89 x 595.276 pts (A4)"));
}

TEST_CASE("the catalog carries /Lang and DisplayDocTitle, Info both dates", "[render]") {
    const auto raw = as_text(pdf::render(pdf_test::two_page_report(), pdf::FontFiles::liberation()));
    CHECK(count(raw, "/Lang (sv-SE)") == 1);
    CHECK(count(raw, "/ViewerPreferences <<\n/DisplayDocTitle true\n>>") == 1);
    CHECK(count(raw, "/ModDate (D:20241210000000)") == 1);
    CHECK(count(raw, "/CreationDate (D:20241210000000)") == 1);

    auto english = pdf_test::two_page_report();
    english.meta.language = "en-GB";
    const auto raw_en = as_text(pdf::render(english, pdf::FontFiles::liberation()));
    CHECK(count(raw_en, "/Lang (en-GB)") == 1);
}

TEST_CASE("the ToUnicode CMaps are valid bfrange identity maps", "[render]") {
    const auto raw = as_text(pdf::render(pdf_test::two_page_report(), pdf::FontFiles::liberation(), {false}));
    const std::size_t fonts = 4;
    CHECK(count(raw, "begincidrange") == 0);
    // 248 rows (256 high bytes less the 8 surrogate blocks) in blocks of at
    // most 100: 100 + 100 + 48.
    CHECK(count(raw, "100 beginbfrange") == 2 * fonts);
    CHECK(count(raw, "48 beginbfrange") == fonts);
    CHECK(count(raw, "endbfrange") == 3 * fonts);
    CHECK(count(raw, "<0000> <00FF> <0000>") == fonts);
    CHECK(count(raw, "<D700> <D7FF> <D700>") == fonts);
    CHECK(count(raw, "<D800>") == 0);
    CHECK(count(raw, "<DF00>") == 0);
    CHECK(count(raw, "<E000> <E0FF> <E000>") == fonts);
    CHECK(count(raw, "<FF00> <FFFF> <FF00>") == fonts);
    CHECK(count(raw, "<0000> <FFFF> <0000>") == 0);  // the invalid single row
    CHECK(count(raw, "/CMapName /UTF-8") == 0);      // the encoding CMap's entries are gone
}

TEST_CASE("text stands where layout put it, measured as layout measures", "[render]") {
    const std::string path = rendered("bbox.pdf", pdf_test::two_page_report());
    const auto result = run_tool("pdftotext -bbox -f 1 -l 1", {path, "-"});
    REQUIRE(result.exit_code == 0);
    // The run starts at x 72 with its baseline 150 pt from the top, in
    // Liberation Serif 11 pt; poppler's box spans ascent to descent.
    const WordBox word = box_of(result.out, "Stadsdelsförvaltningarna");
    const double size = 11;
    const auto& fonts = pdf_test::liberation();
    CHECK(word.x_min == Approx(72).margin(0.01));
    CHECK(word.x_max - word.x_min ==
          Approx(em_width(FontId::SerifRegular, U"Stadsdelsförvaltningarna") * size / 1000).margin(0.01));
    CHECK(word.y_min == Approx(150 - fonts.ascent(FontId::SerifRegular) * size / 1000).margin(0.01));
    CHECK(word.y_max == Approx(150 - fonts.descent(FontId::SerifRegular) * size / 1000).margin(0.01));

    // The heading in Sans Bold 16 at baseline 112.
    const WordBox heading = box_of(result.out, "Ärenden");
    CHECK(heading.x_max - heading.x_min == Approx(em_width(FontId::SansBold, U"Ärenden") * 16 / 1000).margin(0.01));
    CHECK(heading.y_max == Approx(112 - fonts.descent(FontId::SansBold) * 16 / 1000).margin(0.01));
}

TEST_CASE("pdftoppm sees shading, rules and text at their top-left positions", "[render]") {
    layout::PagedDocument document;
    layout::Page page;
    page.items.push_back({layout::Fill{50, 50, 100, 20, 0.0}, false});
    page.items.push_back({layout::Rule{50, 200, 300, 200, 4}, false});
    page.items.push_back(pdf_test::text(300, 100, FontId::SansBold, 40, "MMMM"));
    document.pages.push_back(page);
    const auto image = pdf_test::rasterize(rendered("raster.pdf", document), 1);
    // pdftoppm rounds the 595.276 x 841.89 pt page up to whole pixels.
    REQUIRE(image.width == 596);
    REQUIRE(image.height == 842);
    auto dark = [&](int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) {
                n += image.at(x, y) < 128 ? 1 : 0;
            }
        }
        return n;
    };
    // The fill: solid inside, white just outside, and nothing where a
    // missing flip would put it (y 70..90 measured from the bottom).
    CHECK(dark(52, 52, 148, 68) == 96 * 16);
    CHECK(dark(52, 72, 148, 80) == 0);
    CHECK(dark(52, 754, 148, 770) == 0);
    // The 4 pt rule around y 200.
    CHECK(dark(60, 199, 290, 201) == 230 * 2);
    CHECK(dark(60, 205, 290, 210) == 0);
    // Capital M in Sans Bold 40 stands on the baseline 100: cap height
    // about 29 pt, so ink between y 71 and 100, none below the baseline.
    CHECK(dark(300, 75, 420, 99) > 1000);
    CHECK(dark(300, 102, 420, 120) == 0);
    CHECK(dark(300, 714, 420, 740) == 0);
    // Not mirrored: no ink at the mirrored x.
    CHECK(dark(595 - 148, 52, 595 - 52, 68) == 0);
}

TEST_CASE("uncompressed output is readable and larger", "[render]") {
    const auto compressed = as_text(pdf::render(pdf_test::two_page_report(), pdf::FontFiles::liberation()));
    const auto plain = as_text(pdf::render(pdf_test::two_page_report(), pdf::FontFiles::liberation(), {false}));
    CHECK(count(compressed, "/FlateDecode") > 0);
    CHECK(count(plain, "/FlateDecode") == 0);
    CHECK(plain.size() > 3 * compressed.size());
    // One BT/ET block per page, one Tf per change of font or size: page 1
    // has runs in Sans Bold 16, Serif 11 (three runs), Serif Italic 11,
    // Serif 11, Sans 9; page 2 in Sans Bold 16, Sans Bold 12, Serif 11, Sans 9.
    CHECK(count(plain, "\nBT\n") == 2);
    CHECK(count(plain, "\nET\n") == 2);
    CHECK(count(plain, " Tf\n") == 5 + 4);
}
