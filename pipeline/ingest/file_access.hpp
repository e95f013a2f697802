#pragma once
// Reading input files with a size cap: exports are at most a few megabytes,
// so anything far larger is a mistake (a wrong file, a runaway export) and is
// refused before it is read into memory.
#include <cstddef>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace ingest {

// 64 MiB: about a hundred times the largest real export we have seen.
constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;

// The whole file, or nullopt with an error naming the file: missing, a
// broken symbolic link, a folder, a device or pipe, unreadable,
// or larger than `max_bytes`.
// While a ConfineReads lives, read_file on its thread refuses any file whose
// real place (after `..` and symbolic links) lies outside `folder`: a link or
// an href in a dataset that points elsewhere (/etc/passwd, another user's
// files) is an error naming the link, and not a byte of the file is read, so
// no diagnostic can quote it. Guards nest; the innermost applies.
class ConfineReads {
public:
    explicit ConfineReads(const std::string& folder);
    ~ConfineReads();
    ConfineReads(const ConfineReads&) = delete;
    ConfineReads& operator=(const ConfineReads&) = delete;

private:
    std::string previous_;
};

std::optional<std::string> read_file(const std::string& path, core::Diagnostics& diagnostics,
                                     std::size_t max_bytes = kMaxInputBytes);

}  // namespace ingest
