// Documents built on several threads (one libharu document per thread) are
// byte for byte the documents of a serial build. The speed-up is measured by
// bench/nightly_parallel.cpp, not here.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "datasets.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

// Every PDF under `out`, by its path relative to `out`.
std::map<std::string, std::string> pdfs(const std::string& out) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(out))
        if (entry.path().extension() == ".pdf")
            files[fs::relative(entry.path(), out).string()] = read_file(entry.path().string());
    return files;
}

}  // namespace

TEST_CASE("parallel: 1, 2 and 5 threads write byte-identical documents") {
    const auto root = scratch("parallel");
    const auto data = root + "/data";
    copy_folder(source_path("fixtures/lum-mul-2025"), data + "/a-lum-mul-2025");
    write_enlarged_fixture(data + "/b-dubbel", 2);
    write_enlarged_fixture(data + "/c-trippel", 3);
    auto env = environment();
    env.digest = nullptr;  // every document rendered each time

    std::map<unsigned, std::map<std::string, std::string>> outputs;
    for (const unsigned jobs : {1u, 2u, 5u}) {
        const auto out = root + "/out-" + std::to_string(jobs);
        const auto r = job::run(spec(data, out, jobs), env);
        REQUIRE(r.exit_code() == 0);
        REQUIRE(r.datasets.size() == 3);
        outputs[jobs] = pdfs(out);
    }
    REQUIRE(outputs[1].size() == 9);
    for (const unsigned jobs : {2u, 5u}) {
        CAPTURE(jobs);
        REQUIRE(outputs[jobs].size() == outputs[1].size());
        for (const auto& [path, bytes] : outputs[1]) {
            CAPTURE(path);
            CHECK(outputs[jobs][path] == bytes);
        }
    }
    // The larger datasets really are larger: the test covers uneven work.
    CHECK(outputs[1]["c-trippel/bilaga-1-lum-ansokningar.pdf"].size() >
          outputs[1]["a-lum-mul-2025/bilaga-1-lum-ansokningar.pdf"].size());
}

TEST_CASE("parallel: the result lists datasets and documents in the same order as a serial build") {
    const auto root = scratch("parallel-order");
    const auto data = root + "/data";
    for (const auto* name : {"x", "a", "m"}) copy_folder(source_path("fixtures/lum-mul-2025"), data + "/" + name);
    const auto serial = job::run(spec(data, root + "/out-1", 1), environment());
    const auto parallel = job::run(spec(data, root + "/out-2", 2), environment());
    REQUIRE(serial.datasets.size() == 3);
    REQUIRE(parallel.datasets.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(parallel.datasets[i].name == serial.datasets[i].name);
        REQUIRE(parallel.datasets[i].documents.size() == serial.datasets[i].documents.size());
        for (std::size_t k = 0; k < serial.datasets[i].documents.size(); ++k) {
            CHECK(parallel.datasets[i].documents[k].name == serial.datasets[i].documents[k].name);
            CHECK(parallel.datasets[i].documents[k].pages == serial.datasets[i].documents[k].pages);
        }
    }
    CHECK(serial.datasets[0].name == "a");
}
