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
std::optional<std::string> read_file(const std::string& path, core::Diagnostics& diagnostics,
                                     std::size_t max_bytes = kMaxInputBytes);

}  // namespace ingest
