// job::publish with either durability: the staged folder becomes OUT/<dataset>
// whole, replacing the one before, and no staging is left; Scratch (the
// preview's folder) only skips the flushes to disk, never the publish.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "job/publish.hpp"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("publish: the staged set replaces the published one, flushed or as scratch") {
    for (const auto durability : {job::Durability::Flushed, job::Durability::Scratch}) {
        const auto out = fs::temp_directory_path() /
                         ("fuel-publish-" + std::to_string(::getpid()) + "-" + std::to_string(int(durability)));
        fs::remove_all(out);
        fs::create_directories(out);
        write(fs::path(job::prepare_staging(out.string(), "omgang")) / "a.pdf", "first");
        job::publish(out.string(), "omgang", durability);
        CHECK(read(out / "omgang" / "a.pdf") == "first");

        const fs::path staged = job::prepare_staging(out.string(), "omgang");
        write(staged / "a.pdf", "second");
        write(staged / "b.html", "new");
        job::publish(out.string(), "omgang", durability);
        CHECK(read(out / "omgang" / "a.pdf") == "second");
        CHECK(read(out / "omgang" / "b.html") == "new");
        CHECK_FALSE(fs::exists(staged));
        job::tidy_staging(out.string());
        CHECK_FALSE(fs::exists(out / job::kStagingDir));
        fs::remove_all(out);
    }
}
