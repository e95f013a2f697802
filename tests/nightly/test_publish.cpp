// Publishing a staged dataset folder, and recovering from a publish that
// was cut short.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "datasets.hpp"
#include "job/publish.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

std::string staged_file(const std::string& out, const std::string& dataset, const std::string& text) {
    const auto staging = job::prepare_staging(out, dataset);
    write_file(staging + "/a.pdf", text);
    return staging;
}

}  // namespace

TEST_CASE("publish: a first publish moves the staged folder in, a second swaps it whole") {
    const auto out = scratch("publish");
    staged_file(out, "ds", "old");
    job::publish(out, "ds");
    CHECK(read_file(out + "/ds/a.pdf") == "old");
    const auto staging = staged_file(out, "ds", "new");
    write_file(staging + "/b.pdf", "only new");
    write_file(out + "/ds/stale.pdf", "from an old template");
    job::publish(out, "ds");
    CHECK(read_file(out + "/ds/a.pdf") == "new");
    CHECK(read_file(out + "/ds/b.pdf") == "only new");
    CHECK_FALSE(fs::exists(out + "/ds/stale.pdf"));  // the folder is the new set, nothing else
    CHECK_FALSE(fs::exists(staging));
    job::tidy_staging(out);
    CHECK_FALSE(fs::exists(out + "/" + job::kStagingDir));
}

TEST_CASE("publish: recovery puts back a folder parked by an interrupted two-rename publish") {
    const auto out = scratch("publish-recover");
    // The state a kill leaves between the two renames: the old folder
    // parked, the new one still staged, OUT/ds missing.
    fs::create_directories(out + "/.fuel-staging/.parked/ds");
    write_file(out + "/.fuel-staging/.parked/ds/a.pdf", "old");
    staged_file(out, "ds", "new, never published");
    // And a folder that was published before the kill: left alone.
    fs::create_directories(out + "/other");
    write_file(out + "/other/a.pdf", "published");
    fs::create_directories(out + "/.fuel-staging/.parked/other");
    write_file(out + "/.fuel-staging/.parked/other/a.pdf", "replaced");

    job::recover_interrupted(out);
    CHECK(read_file(out + "/ds/a.pdf") == "old");
    CHECK(read_file(out + "/other/a.pdf") == "published");
    CHECK_FALSE(fs::exists(out + "/.fuel-staging"));
}

TEST_CASE("publish: a kept file is the same file, not a copy") {
    const auto out = scratch("publish-keep");
    write_file(out + "/from.pdf", "bytes");
    job::keep_file(out + "/from.pdf", out + "/to.pdf");
    struct stat a {
    }, b{};
    REQUIRE(::stat((out + "/from.pdf").c_str(), &a) == 0);
    REQUIRE(::stat((out + "/to.pdf").c_str(), &b) == 0);
    CHECK(a.st_ino == b.st_ino);
}

namespace {

std::size_t open_descriptors() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

}  // namespace

// publish() flushes the staged files itself, holding a limited number open
// at a time: a folder of more files than that is published whole, and no
// descriptor is left open.
TEST_CASE("publish: a folder of many files is flushed and published whole, leaving no file open") {
    const auto out = scratch("publish-many");
    const auto staging = job::prepare_staging(out, "ds");
    for (int i = 0; i < 150; ++i) write_file(staging + "/f" + std::to_string(i) + ".txt", std::to_string(i));
    const auto before = open_descriptors();
    job::publish(out, "ds");
    CHECK(open_descriptors() == before);
    for (int i = 0; i < 150; ++i) CHECK(read_file(out + "/ds/f" + std::to_string(i) + ".txt") == std::to_string(i));
}
