// The layout lint (layout/lint.hpp) over every document of every fixture:
// no heading at the foot of a page, no table part of fewer than three rows,
// no list split one item from an end, no header word broken, no page of
// signatures alone. The documents are laid out fresh from the fixtures'
// data (as the golden tests do), decided rounds too, so that a change of
// layout is judged on what it would make today.
#include <catch2/catch.hpp>

#include <string>

#include "document/build.hpp"
#include "ingest/dataset_loader.hpp"
#include "layout/layout.hpp"
#include "layout/lint.hpp"
#include "pdf/font_library.hpp"
#include "transform/transform.hpp"

namespace {

void lint_fixture(const std::string& fixture) {
    static const auto fonts = pdf::FontLibrary::load(pdf::FontFiles::liberation());
    static const layout::Hyphenator hyphenator(layout::kSwedishHyphenationPatterns);
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/" + fixture, diagnostics);
    REQUIRE(dataset);
    const auto report = transform::aggregate(*dataset);
    const auto documents = doc::build_documents(report, std::string(FUEL_SOURCE_DIR) + "/templates", diagnostics);
    REQUIRE_FALSE(documents.empty());
    for (const auto& built : documents) {
        const auto paged = layout::lay_out(built.document, fonts, diagnostics, layout::Style{}, &hyphenator);
        std::string findings;
        for (const auto& finding : layout::lint(paged)) findings += "\n  " + layout::to_string(finding);
        INFO(fixture << "/" << built.name << " (" << paged.pages.size() << " pages):" << findings);
        CHECK(findings.empty());
    }
}

}  // namespace

TEST_CASE("layout lint: the lum-mul-2024 documents") { lint_fixture("lum-mul-2024"); }
TEST_CASE("layout lint: the lum-mul-2025 documents") { lint_fixture("lum-mul-2025"); }
TEST_CASE("layout lint: the lum-mul-2026 documents") { lint_fixture("lum-mul-2026"); }
TEST_CASE("layout lint: the halvering-2002-2003 documents") { lint_fixture("halvering-2002-2003"); }
