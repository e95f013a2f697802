#pragma once
// Golden files: compares `actual` with tests/golden/<relative>, or rewrites
// it when UPDATE_GOLDEN is set (review the diff like code).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace test_support {

inline void check_golden(const std::string& relative, const std::string& actual) {
    const auto path = std::filesystem::path(FUEL_SOURCE_DIR) / "tests" / "golden" / relative;
    if (std::getenv("UPDATE_GOLDEN")) {
        std::filesystem::create_directories(path.parent_path());
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

}  // namespace test_support
