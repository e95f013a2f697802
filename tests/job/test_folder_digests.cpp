// A build hashes each dataset folder once (job::FolderDigests): the 2026
// round sees the 2025 and 2024 rounds, which are datasets of the same
// build. The memo must give the digests made without it, and must not
// read a folder again.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "job/content_keys.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kFixtures = (fs::path(FUEL_SOURCE_DIR) / "fixtures").string();

// Any function of the bytes will do here: what is checked is which bytes
// are hashed, and how often.
std::string plain_digest(std::string_view bytes) { return std::to_string(std::hash<std::string_view>{}(bytes)); }

}  // namespace

TEST_CASE("folder digests: the same digests as without the memo, each folder hashed once") {
    std::atomic<int> calls{0};
    const job::Digest counting = [&](std::string_view bytes) {
        ++calls;
        return plain_digest(bytes);
    };
    const auto round_2026 = kFixtures + "/lum-mul-2026";
    const auto round_2025 = kFixtures + "/lum-mul-2025";
    const auto round_2024 = kFixtures + "/lum-mul-2024";
    const auto expected_2026 = job::round_inputs_digest(round_2026, plain_digest);
    const auto expected_2025 = job::round_inputs_digest(round_2025, plain_digest);
    REQUIRE(expected_2026 != expected_2025);

    job::FolderDigests folders(counting);
    CHECK(job::round_inputs_digest(round_2026, counting, &folders) == expected_2026);
    const int after_2026 = calls.load();
    REQUIRE(after_2026 > 0);
    // 2025 sees 2024: both folders were hashed for 2026, so only the
    // round's own listing of them is hashed now.
    CHECK(job::round_inputs_digest(round_2025, counting, &folders) == expected_2025);
    CHECK(calls.load() == after_2026 + 1);
    CHECK(folders.of(round_2024) == job::inputs_digest(round_2024, plain_digest));
    CHECK(folders.of(round_2026 + "/../lum-mul-2024") == folders.of(round_2024));
    CHECK(calls.load() == after_2026 + 1);
}

TEST_CASE("folder digests: threads asking for one folder get one digest, made once") {
    std::atomic<int> calls{0};
    const job::Digest counting = [&](std::string_view bytes) {
        ++calls;
        return plain_digest(bytes);
    };
    const auto folder = kFixtures + "/lum-mul-2025";
    job::FolderDigests folders(counting);
    std::vector<std::string> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i) threads.emplace_back([&, i] { seen[i] = folders.of(folder); });
    for (auto& t : threads) t.join();
    const int once = calls.load();
    calls = 0;
    CHECK(job::inputs_digest(folder, counting) == seen[0]);
    CHECK(calls.load() == once);
    for (const auto& s : seen) CHECK(s == seen[0]);
}
