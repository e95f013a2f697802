// The synthetic rounds that bench/pipeline_speed measures are valid data:
// they build without errors and hold exactly the applications asked for.
#include <catch2/catch.hpp>
#include <set>

#include "datasets.hpp"
#include "ingest/dataset_loader.hpp"

using namespace nightly_test;

TEST_CASE("sized fixture: a round of any size is a valid dataset that builds") {
    // 10: fewer than the fixture has; 45: more, cut inside the second
    // repetition, so a multi-line CSV record and the raised budgets count.
    for (const int applications : {10, 45}) {
        CAPTURE(applications);
        const auto root = scratch("sized-" + std::to_string(applications));
        write_sized_fixture(root + "/data", applications);

        core::Diagnostics diagnostics;
        const auto dataset = ingest::load_dataset(root + "/data", diagnostics);
        REQUIRE(dataset);
        CHECK(dataset->applications.size() == static_cast<std::size_t>(applications));
        std::set<std::string> funds;
        for (const auto& a : dataset->applications) funds.insert(a.fund);
        CHECK(funds == std::set<std::string>{"LUM", "MUL"});

        auto env = environment();
        env.digest = nullptr;
        const auto result = job::run_dataset(root + "/data", spec(root + "/data", root + "/out"), env);
        for (const auto& d : result.diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
        CHECK(result.diagnostics.error_count() == 0);
        CHECK(result.outcome == job::Outcome::Built);
        CHECK(result.documents.size() == 3);
    }
}
