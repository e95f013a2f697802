// The record of file digests between builds (job::FileDigests): a file is
// answered from the record only while it is the same file, unwritten; any
// write is seen, even one that puts back the size and modification time.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include "job/content_keys.hpp"
#include "job/file_digests.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string plain_digest(std::string_view bytes) { return std::to_string(std::hash<std::string_view>{}(bytes)); }

fs::path scratch(const std::string& name) {
    const auto path = fs::temp_directory_path() / ("fuel-file-digests-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
    return path;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Long enough for a file's ctime to be settled under the tests' 20 ms rule.
void settle() { std::this_thread::sleep_for(40ms); }

constexpr auto kTestSettled = std::chrono::nanoseconds(20ms);

// `text` written to `file`, settled, hashed and its digest recorded in the
// folder's record, as one build leaves it for the next.
void remember(const fs::path& file, const std::string& text, std::chrono::nanoseconds settled = kTestSettled) {
    write(file, text);
    if (settled == kTestSettled) settle();
    job::FileDigests digests(plain_digest, file.parent_path() / ".fuel-digests", settled);
    REQUIRE(digests.of(file) == plain_digest(text));
    CHECK(digests.hashed() == 1);
    digests.save();
}

}  // namespace

TEST_CASE("file digests: a file unwritten since it was hashed is answered from the record") {
    const auto dir = scratch("remembered");
    const auto file = dir / "a.pdf";
    remember(file, "first bytes");
    REQUIRE(fs::exists(dir / ".fuel-digests"));
    job::FileDigests again(plain_digest, dir / ".fuel-digests", kTestSettled);
    CHECK(again.of(file) == plain_digest("first bytes"));
    CHECK(again.hashed() == 0);
    CHECK(again.remembered() == 1);

    SECTION("nothing new: the record is not written again") {
        const auto before = fs::last_write_time(dir / ".fuel-digests");
        struct stat info {};
        REQUIRE(::stat((dir / ".fuel-digests").c_str(), &info) == 0);
        again.save();
        struct stat after {};
        REQUIRE(::stat((dir / ".fuel-digests").c_str(), &after) == 0);
        CHECK(after.st_ino == info.st_ino);
        CHECK(fs::last_write_time(dir / ".fuel-digests") == before);
    }
    fs::remove_all(dir);
}

TEST_CASE("file digests: a write that keeps the size and puts back the modification time is still seen") {
    const auto dir = scratch("rewritten");
    const auto file = dir / "a.pdf";
    remember(file, "AAAA");
    struct stat old {};
    REQUIRE(::stat(file.c_str(), &old) == 0);
    write(file, "BBBB");  // the same size
    const timespec times[2] = {old.st_atim, old.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);  // and the old modification time
    job::FileDigests again(plain_digest, dir / ".fuel-digests", kTestSettled);
    CHECK(again.of(file) == plain_digest("BBBB"));
    CHECK(again.hashed() == 1);
    CHECK(again.remembered() == 0);
    fs::remove_all(dir);
}

TEST_CASE("file digests: a file written just now is hashed again next time, not remembered") {
    const auto dir = scratch("fresh");
    const auto file = dir / "a.pdf";
    // The rule of fuel builds: two seconds, far more than this test takes.
    remember(file, "new", job::FileDigests::kSettled);
    job::FileDigests again(plain_digest, dir / ".fuel-digests");
    CHECK(again.of(file) == plain_digest("new"));
    CHECK(again.hashed() == 1);
    fs::remove_all(dir);
}

TEST_CASE("file digests: a damaged record is ignored whole, and a file that is not there has no digest") {
    const auto dir = scratch("damaged");
    const auto file = dir / "a.pdf";
    remember(file, "bytes");
    auto text = [&] {
        std::ifstream in(dir / ".fuel-digests", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    // The entry's digest replaced by another's: the record's own sum no longer matches.
    const auto at = text.find(plain_digest("bytes"));
    REQUIRE(at != std::string::npos);
    text.replace(at, plain_digest("bytes").size(), plain_digest("other"));
    write(dir / ".fuel-digests", text);
    job::FileDigests again(plain_digest, dir / ".fuel-digests", kTestSettled);
    CHECK(again.of(file) == plain_digest("bytes"));
    CHECK(again.hashed() == 1);
    CHECK_FALSE(again.of(dir / "missing.pdf"));
    CHECK_FALSE(again.of(dir));  // a folder is not a file
    fs::remove_all(dir);
}

TEST_CASE("file digests: the record is never written through a link that stands where its new copy goes") {
    const auto dir = scratch("link");
    const auto precious = dir / "precious.txt";
    write(precious, "a user's own text");
    fs::create_directories(dir / "out");
    fs::create_symlink(precious, dir / "out" / ".fuel-digests.new");
    remember(dir / "out" / "a.pdf", "bytes");
    std::ifstream in(precious, std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "a user's own text");
    CHECK(fs::is_regular_file(fs::symlink_status(dir / "out" / ".fuel-digests")));
    fs::remove_all(dir);
}

TEST_CASE("run fingerprint: the same key on any number of threads, from every font and the patterns in order") {
    const auto folder = scratch("fingerprint");
    job::Environment environment;
    environment.digest = plain_digest;
    std::string expected;
    for (std::size_t i = 0; i < environment.fonts.paths.size(); ++i) {
        environment.fonts.paths[i] = (folder / ("font-" + std::to_string(i))).string();
        write(environment.fonts.paths[i], "font " + std::to_string(i));
        expected += plain_digest("font " + std::to_string(i)) + '\n';
    }
    environment.hyphenation_patterns = (folder / "patterns").string();
    write(environment.hyphenation_patterns, "patterns");
    expected += plain_digest("patterns") + '\n';
    for (const unsigned threads : {1u, 2u, 4u, 16u}) {
        job::FileDigests files(plain_digest);
        CHECK(job::fingerprint_run(environment, files, threads).fonts == plain_digest(expected));
    }
    // A file that cannot be read is named, whichever thread read it.
    environment.fonts.paths[5] = (folder / "missing-font").string();
    job::FileDigests files(plain_digest);
    CHECK_THROWS_WITH(job::fingerprint_run(environment, files, 4), Catch::Contains("missing-font"));
    fs::remove_all(folder);
}
