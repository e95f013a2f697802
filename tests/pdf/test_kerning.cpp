// Pair kerning from the real fonts (HarfBuzz reads GPOS and kern), painted
// with TJ: the effect on capitals, and what readers get back.
#include <catch2/catch.hpp>

#include <string>

#include "external_tools.hpp"
#include "layout/layout.hpp"
#include "layout/text_shaping.hpp"
#include "pdf/writer.hpp"
#include "preflight.hpp"
#include "sample_documents.hpp"

using layout::FontId;
using pdf_test::run_tool;

namespace {

// Width in 1/1000 em of one line of Liberation Sans, as layout measures it.
double shaped_width(const std::string& text) {
    core::Diagnostics diagnostics;
    layout::TextShaper shaper(pdf_test::liberation(), diagnostics);
    layout::ShapedText shaped;
    shaper.shape(text, layout::TextSetting{layout::Family::Sans, 1000, 1.2, false}, shaped);
    return shaped.line_width(0, shaped.glyphs.size());
}

std::string rendered_kerned(const std::string& name) {
    doc::Document d;
    d.body.push_back(doc::Block{doc::Paragraph{{doc::Text{"AVTAL Tåg Vägar. To Yes WA.", {}, {}}}, doc::Align::Left}});
    core::Diagnostics diagnostics;
    const auto paged = layout::lay_out(d, pdf_test::liberation(), diagnostics);
    const std::string path = pdf_test::scratch_path(name);
    pdf::WriteOptions options;
    options.compress = false;
    pdf_test::write_bytes(path, pdf::render(paged, pdf::FontFiles::liberation(), options));
    return path;
}

}  // namespace

TEST_CASE("kerning: capitals set closer than their advances", "[kerning]") {
    // docs/libraries.md §1.1: libharu's unkerned widths 8107 and 5051; HarfBuzz
    // 6.0 gives 8115.2 → 7911.6 and 5056.6 → 4798.8 with kerning on. Layout
    // adds the kerning (rounded per pair) to libharu's widths.
    CHECK(shaped_width("AVTAL Tåg Vägar") == Approx(8107 + (7911.6 - 8115.2)).margin(2));
    CHECK(shaped_width("To Yes WA") == Approx(5051 + (4798.8 - 5056.6)).margin(2));
    // Lower-case Swedish text hardly moves.
    CHECK(shaped_width("åäö") == Approx(1668));
    CHECK(pdf_test::liberation().kerning(FontId::SansRegular, U'A', U'V') < 0);
    CHECK(pdf_test::liberation().kerning(FontId::SansRegular, U'a', U'b') == 0);
}

TEST_CASE("kerning: painted with TJ, extracted as the same words, valid PDF/A", "[kerning]") {
    const std::string path = rendered_kerned("kerned.pdf");
    CHECK(pdf_test::count(pdf_test::read_text(path), "] TJ") >= 1);
    const auto text = run_tool("pdftotext", {path, "-"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.err.empty());
    CHECK_THAT(text.out, Catch::Contains("AVTAL Tåg Vägar. To Yes WA."));
    // The drawn width is the kerned one: poppler's box of "AVTAL" is
    // narrower than the sum of its advances.
    const auto bbox = run_tool("pdftotext -bbox", {path, "-"});
    const auto at = bbox.out.find(">AVTAL</word>");
    REQUIRE(at != std::string::npos);
    const auto line = bbox.out.substr(bbox.out.rfind("<word", at), at - bbox.out.rfind("<word", at));
    const double x_min = std::stod(line.substr(line.find("xMin=\"") + 6));
    const double x_max = std::stod(line.substr(line.find("xMax=\"") + 6));
    const double size = 11.5;  // the default body size
    const auto& fonts = pdf_test::liberation();
    double advances = 0;
    for (char32_t c : std::u32string(U"AVTAL")) advances += fonts.advance(FontId::SerifRegular, c);
    double kerns = 0;
    for (const char32_t* p = U"AVTAL"; p[1]; ++p) kerns += fonts.kerning(FontId::SerifRegular, p[0], p[1]);
    CHECK(kerns < 0);
    CHECK(x_max - x_min == Approx((advances + kerns) * size / 1000).margin(0.02));

    const auto verdicts = preflight::validate({path}, pdf_test::scratch_path("preflight-kerned"));
    REQUIRE(verdicts.size() == 1);
    INFO((verdicts[0].errors.empty() ? std::string() : verdicts[0].errors[0]));
    CHECK(verdicts[0].valid);
}

TEST_CASE("justified lines: words placed one by one come back with single spaces", "[kerning][justify]") {
    const std::string paragraph =
        "Socialförvaltningens arbete med forskning och utveckling ska bidra till utveckling av socialtjänsten "
        "och till bättre resultat för brukarna. I detta ingår utlysning och fördelning av lokala "
        "utvecklingsmedel och medel för utbyte och lärande genom studieresor och studiebesök.";
    doc::Document d;
    d.body.push_back(doc::Block{doc::Paragraph{{doc::Text{paragraph, {}, {}}}, doc::Align::Justify}});
    core::Diagnostics diagnostics;
    const auto paged = layout::lay_out(d, pdf_test::liberation(), diagnostics);
    std::size_t runs = 0;
    for (const auto& item : paged.pages.at(0).items) runs += std::holds_alternative<layout::TextRun>(item.content);
    CHECK(runs > 20);  // a run per word on the stretched lines
    const std::string path = pdf_test::scratch_path("justified.pdf");
    pdf_test::write_bytes(path, pdf::render(paged, pdf::FontFiles::liberation()));
    const auto text = run_tool("pdftotext", {path, "-"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.err.empty());
    std::string flat;
    for (const char c : text.out) {
        const bool space = c == ' ' || c == '\n' || c == '\f';
        if (space && (flat.empty() || flat.back() == ' ')) continue;
        flat += space ? ' ' : c;
    }
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    CHECK(flat == paragraph);
}
