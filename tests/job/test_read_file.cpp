// job::read_file, which every digest of an input or a published file reads
// through: the bytes exactly (NULs, more than one read's worth, empty),
// and nothing for what cannot be read.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "job/published_files.hpp"

namespace fs = std::filesystem;

TEST_CASE("read file: the bytes exactly, and nothing for what cannot be read") {
    const auto folder = fs::temp_directory_path() / ("fuel-read-file-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    std::string bytes;
    for (int i = 0; i < 300000; ++i) bytes += static_cast<char>(i * 7 % 256);  // NULs included
    const auto write = [&](const std::string& name, const std::string& text) {
        std::FILE* file = std::fopen((folder / name).c_str(), "wb");
        REQUIRE(file != nullptr);
        REQUIRE(std::fwrite(text.data(), 1, text.size(), file) == text.size());
        std::fclose(file);
    };
    write("large", bytes);
    write("empty", "");
    CHECK(job::read_file(folder / "large") == bytes);
    CHECK(job::read_file(folder / "empty") == std::string());
    CHECK(!job::read_file(folder / "missing"));
    CHECK(!job::read_file(folder));  // a folder is not a file's bytes
    CHECK(job::read_bytes(folder / "missing").empty());
    fs::remove_all(folder);
}
