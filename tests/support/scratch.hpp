#pragma once
// Scratch folders for tests that write files.
//
// CTest runs each test case as its own process, and `ctest -j` runs several at
// once, so a folder shared by name would be emptied by one test while another
// reads it. Every process therefore gets its own root, test-scratch/<pid>/,
// removed again when the process ends.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace test_support {

inline const std::filesystem::path& scratch_root() {
    struct Root {
        std::filesystem::path path =
            std::filesystem::path(FUEL_BINARY_DIR) / "test-scratch" / std::to_string(::getpid());
        ~Root() {
            std::error_code ignored;  // a test may have left a read-only file behind
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const Root root;
    return root.path;
}

// A fresh, empty folder for one test's files (nested names like "a/b" work).
inline std::string scratch_dir(const std::string& name) {
    const auto dir = scratch_root() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

}  // namespace test_support
