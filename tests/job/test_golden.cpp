// Golden tests: the text dump of each stage's hand-off structure for the
// fixture, compared with tests/golden/<stage>/. A change in one stage shows
// in that stage's goldens only. After an intended change, regenerate with
//   UPDATE_GOLDEN=1 ctest --test-dir build -R golden
// and review the diff like code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "document/build.hpp"
#include "ingest/dataset_loader.hpp"
#include "layout/layout.hpp"
#include "pdf/font_library.hpp"
#include "transform/transform.hpp"

namespace fs = std::filesystem;

namespace {

void check_golden(const std::string& relative, const std::string& actual) {
    const fs::path path = fs::path(FUEL_SOURCE_DIR) / "tests" / "golden" / relative;
    if (std::getenv("UPDATE_GOLDEN")) {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        WARN("rewrote " << relative);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    INFO("missing golden " << relative << "; run with UPDATE_GOLDEN=1 to create it");
    REQUIRE(in.good());
    std::ostringstream expected;
    expected << in.rdbuf();
    INFO("golden " << relative << " differs; if the change is intended, run with UPDATE_GOLDEN=1 and review");
    CHECK(actual == expected.str());
}

struct Stages {
    model::Dataset dataset;
    model::Report report;
    std::vector<doc::BuiltDocument> documents;
};

// Filled in place: the report and the trees point into the dataset.
void stages_of(const std::string& fixture, Stages& x) {
    core::Diagnostics diagnostics;
    x.dataset = *ingest::load_dataset(std::string(FUEL_SOURCE_DIR) + "/fixtures/" + fixture, diagnostics);
    x.report = transform::aggregate(x.dataset);
    x.documents = doc::build_documents(x.report, std::string(FUEL_SOURCE_DIR) + "/templates", diagnostics);
}

const Stages& stages() {
    static const Stages s = [] {
        Stages x;
        stages_of("lum-mul-2025", x);
        return x;
    }();
    return s;
}

}  // namespace

TEST_CASE("golden: ingest dump of lum-mul-2025") {
    check_golden("ingest/lum-mul-2025.txt", model::dump(stages().dataset));
}

TEST_CASE("golden: transform dump of lum-mul-2025") {
    check_golden("transform/lum-mul-2025.txt", model::dump(stages().report));
}

TEST_CASE("golden: document trees of lum-mul-2025") {
    REQUIRE(stages().documents.size() == 3);
    for (const auto& d : stages().documents)
        check_golden("document/lum-mul-2025/" + d.name + ".txt", doc::dump(d.document));
}

TEST_CASE("golden: layout of the lum-mul-2025 decision document") {
    const auto fonts = pdf::FontLibrary::load(pdf::FontFiles::liberation());
    core::Diagnostics diagnostics;
    const auto& d = stages().documents.at(2);
    REQUIRE(d.name == "tjansteutlatande");
    const layout::Hyphenator hyphenator(layout::kSwedishHyphenationPatterns);
    check_golden("layout/lum-mul-2025/tjansteutlatande.txt",
                 layout::dump(layout::lay_out(d.document, fonts, diagnostics, layout::Style{}, &hyphenator)));
}

// The round after seed 004's: its earlier rounds, the follow-up of the 2025
// grants and the warnings of the decision document.
TEST_CASE("golden: ingest, transform and decision document of lum-mul-2026") {
    Stages s;
    stages_of("lum-mul-2026", s);
    check_golden("ingest/lum-mul-2026.txt", model::dump(s.dataset));
    check_golden("transform/lum-mul-2026.txt", model::dump(s.report));
    REQUIRE(s.documents.size() == 3);
    check_golden("document/lum-mul-2026/tjansteutlatande.txt", doc::dump(s.documents.at(2).document));
}

// The final report: its notes are footnotes, each at its reference with its
// text, numbered through the report.
TEST_CASE("golden: document tree of the halvering-2002-2003 final report") {
    Stages s;
    stages_of("halvering-2002-2003", s);
    const auto it = std::find_if(s.documents.begin(), s.documents.end(),
                                 [](const doc::BuiltDocument& d) { return d.name == "slutrapport"; });
    REQUIRE(it != s.documents.end());
    check_golden("document/halvering-2002-2003/slutrapport.txt", doc::dump(it->document));
}

// The application to the competence fund (seeds 000 and 001): ingest,
// transform, the three document trees and the layout of the application's
// first document.
TEST_CASE("golden: ingest, transform, documents and layout of the fuelstockholm-2005 application") {
    Stages s;
    stages_of("fuelstockholm-2005", s);
    check_golden("ingest/fuelstockholm-2005.txt", model::dump(s.dataset));
    check_golden("transform/fuelstockholm-2005.txt", model::dump(s.report));
    REQUIRE(s.documents.size() == 3);
    for (const auto& d : s.documents)
        check_golden("document/fuelstockholm-2005/" + d.name + ".txt", doc::dump(d.document));
    const auto fonts = pdf::FontLibrary::load(pdf::FontFiles::liberation());
    core::Diagnostics diagnostics;
    const layout::Hyphenator hyphenator(layout::kSwedishHyphenationPatterns);
    const auto& budget = s.documents.at(1);
    REQUIRE(budget.name == "bilaga-budget");
    check_golden("layout/fuelstockholm-2005/bilaga-budget.txt",
                 layout::dump(layout::lay_out(budget.document, fonts, diagnostics, layout::Style{}, &hyphenator)));
    CHECK_FALSE(diagnostics.has_errors());
}
