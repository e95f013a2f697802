// Reference images: chosen pages of the fixture's documents, rendered by
// pdftoppm at a low resolution and compared with the PNGs committed in
// tests/reference-images/, so that an accidental change of layout fails here.
//
// After an intended change of layout, regenerate the references and review
// them (they are images: look at them) before committing:
//
//     UPDATE_REFERENCE_IMAGES=1 ctest --test-dir build -R reference
//
// On a failure the actual page and a difference image (differing pixels in
// black over the faint page) are written to
// build/reference-images-failed/<name>-actual.png and <name>-diff.png, and
// the message names them.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "command.hpp"
#include "gray_image.hpp"
#include "job/job.hpp"

namespace fs = std::filesystem;
using namespace reference_test;

namespace {

// 40 dpi: an A4 page is 331 × 468 pixels, a few tens of kilobytes as PNG,
// and a body line (11.5 pt) is still 6 pixels high, so that a line moving
// up or down, a column changing width or a page breaking elsewhere changes
// thousands of pixels.
constexpr int kDpi = 40;
// A pixel counts as different when its grey differs by more than a quarter
// of the range: less is anti-aliasing noise (another FreeType or poppler
// rasterising the same glyph edge a little differently).
constexpr int kPixelTolerance = 64;
// At most 0.1 % of the pixels (about 150 on A4) may differ: room for such
// noise, while a single moved line of text differs in several hundred.
constexpr double kMaxShare = 0.001;

// The documents of one fixture dataset, built once per test program.
const std::string& fixture_output(const std::string& dataset) {
    static std::map<std::string, std::string> built;
    auto found = built.find(dataset);
    if (found != built.end()) return found->second;
    const std::string dir = scratch_dir("reference-images-" + dataset);
    job::Spec spec;
    spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures/" + dataset;
    spec.out_dir = dir;
    job::Environment env;
    env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
    const auto result = job::run(spec, env);
    REQUIRE(result.exit_code() == 0);
    return built.emplace(dataset, dir + "/" + dataset).first->second;
}

void check_page(const std::string& document, int page, const std::string& dataset = "lum-mul-2025") {
    // The 2025 decision's pages came first and keep their short names.
    const std::string name = (dataset == "lum-mul-2025" ? "" : dataset + "-") + document + "-" + std::to_string(page);
    const std::string reference = std::string(FUEL_SOURCE_DIR) + "/tests/reference-images/" + name + ".png";
    const GrayImage actual = render_page(fixture_output(dataset) + "/" + document + ".pdf", page, kDpi,
                                         scratch_dir("reference-render-" + name));
    const char* update = std::getenv("UPDATE_REFERENCE_IMAGES");
    if (update && std::string(update) == "1") {
        write_png(reference, actual);
        WARN("rewrote " << reference);
        return;
    }
    REQUIRE(fs::exists(reference));
    const Comparison comparison = compare(read_png(reference), actual, kPixelTolerance);
    if (comparison.same_size && comparison.share() <= kMaxShare) return;
    const std::string failed = std::string(FUEL_BINARY_DIR) + "/reference-images-failed/" + name;
    write_png(failed + "-actual.png", actual);
    write_png(failed + "-diff.png", comparison.diff);
    FAIL_CHECK(name << ": " << comparison.differing << " of " << comparison.total << " pixels differ by more than "
                    << kPixelTolerance << " (at most " << kMaxShare * 100 << " % may)"
                    << (comparison.same_size ? "" : "; the page size changed") << ". See " << failed
                    << "-actual.png and " << failed << "-diff.png; if the change is intended, "
                    << "UPDATE_REFERENCE_IMAGES=1 ctest --test-dir build -R reference");
}

}  // namespace

TEST_CASE("reference: tjansteutlatande page 1, the letterhead and the first sections") {
    check_page("tjansteutlatande", 1);
}

TEST_CASE("reference: tjansteutlatande page 3, where the LUM allocation table starts") {
    check_page("tjansteutlatande", 3);
}

TEST_CASE("reference: tjansteutlatande page 4, the table continued with its head, signatures") {
    check_page("tjansteutlatande", 4);
}

// The heading, the sentence that introduces the table and the table's first
// rows stay together: page 4 has no room for all three.
TEST_CASE("reference: tjansteutlatande page 5, the attestation heading with its introduction and table") {
    check_page("tjansteutlatande", 5);
}

TEST_CASE("reference: bilaga-1 page 1, the LUM applications with motivations") {
    check_page("bilaga-1-lum-ansokningar", 1);
}

TEST_CASE("reference: slutrapport page 3, the bar chart of granted funds per administration") {
    check_page("slutrapport", 3, "halvering-2002-2003");
}

TEST_CASE("reference: slutrapport page 4, a project with its fields and the coordinator's comment") {
    check_page("slutrapport", 4, "halvering-2002-2003");
}

TEST_CASE("reference: the final report's decision document page 2, the chart of the causes of dependency") {
    check_page("tjansteutlatande", 2, "halvering-2002-2003");
}

TEST_CASE("reference: arsuppfoljning page 1, the column chart of granted funds per year and fund") {
    check_page("arsuppfoljning", 1, "lum-mul-2026");
}

TEST_CASE("reference: arsuppfoljning page 3, the city trend as a line chart") {
    check_page("arsuppfoljning", 3, "lum-mul-2026");
}

TEST_CASE("reference: the fund application page 1, letterhead, request sentence, signatures and fields") {
    check_page("ansokan", 1, "fuelstockholm-2005");
}

TEST_CASE("reference: the fund application's budget appendix page 1, the table per year and cost type") {
    check_page("bilaga-budget", 1, "fuelstockholm-2005");
}

TEST_CASE("reference: the fund application's decision document page 1, proposal and summary") {
    check_page("tjansteutlatande", 1, "fuelstockholm-2005");
}

TEST_CASE("reference: the comparison finds a moved line and tolerates faint noise") {
    GrayImage page{100, 100, std::vector<unsigned char>(100 * 100, 255)};
    for (int x = 10; x < 90; ++x) page.pixels[static_cast<std::size_t>(20 * 100 + x)] = 0;  // a line of "text"
    GrayImage noisy = page;
    for (std::size_t i = 0; i < noisy.pixels.size(); i += 7) noisy.pixels[i] = noisy.pixels[i] == 0 ? 40 : 200;
    CHECK(compare(page, noisy, kPixelTolerance).differing == 0);
    GrayImage moved{100, 100, std::vector<unsigned char>(100 * 100, 255)};
    for (int x = 10; x < 90; ++x) moved.pixels[static_cast<std::size_t>(22 * 100 + x)] = 0;
    const auto comparison = compare(page, moved, kPixelTolerance);
    CHECK(comparison.differing == 160);
    CHECK(comparison.share() > kMaxShare);
    CHECK(comparison.diff.pixels[20 * 100 + 50] == 0);
    CHECK_FALSE(compare(page, GrayImage{100, 99, std::vector<unsigned char>(100 * 99, 255)}, 64).same_size);
}
