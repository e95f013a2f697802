#include "ingest/file_access.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace ingest {

namespace {

namespace fs = std::filesystem;

// The folder reads are confined to on this thread; empty: none.
thread_local std::string confined_to;

fs::path real_place(const std::string& path) {
    std::error_code ec;
    auto real = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? fs::absolute(path).lexically_normal() : real;
}

// `inner` lies at or below `outer`; both without `..` or links.
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

// Why `path` may not be read under the confinement; "" when it may.
std::string why_outside(const std::string& path) {
    if (confined_to.empty() || within(real_place(path), fs::path(confined_to))) return "";
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(path, ec)))
        return "the file is a symbolic link to a place outside the dataset folder; fuel reads only the dataset's own "
               "files and did not follow it";
    return "the file lies outside the dataset folder (through a link or `..` in its path); fuel reads only the "
           "dataset's own files and did not read it";
}

// Why `path` cannot be opened as a file, in words a case officer can act
// on; "" when it is a regular file.
std::string why_not_a_file(const std::string& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::is_regular_file(status)) return "";
    const auto link = fs::symlink_status(path, ec);
    if (fs::is_symlink(link) && !fs::exists(status)) {
        const auto target = fs::read_symlink(path, ec);
        return "the file is a symbolic link to \"" + target.string() + "\", which does not exist";
    }
    if (!fs::exists(status)) return "the file does not exist";
    if (fs::is_directory(status)) return "this is a folder, not a file";
    return "not a regular file (a device, a pipe or a socket); expected an exported file";
}

}  // namespace

ConfineReads::ConfineReads(const std::string& folder) : previous_(confined_to) {
    confined_to = real_place(folder).string();
}

ConfineReads::~ConfineReads() { confined_to = previous_; }

std::optional<std::string> read_file(const std::string& path, core::Diagnostics& diagnostics, std::size_t max_bytes) {
    const core::SourceLocation where{path, 0, 0};
    if (const auto why = why_outside(path); !why.empty()) {
        diagnostics.error(where, why);
        return std::nullopt;
    }
    if (const auto why = why_not_a_file(path); !why.empty()) {
        diagnostics.error(where, why);
        return std::nullopt;
    }
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        diagnostics.error(where, "the file's size cannot be read (" + ec.message() + ")");
        return std::nullopt;
    }
    if (size > max_bytes) {
        diagnostics.error(where, "the file is " + std::to_string(size) + " bytes, more than the " +
                                     std::to_string(max_bytes) + " an export can be; is it the right file?");
        return std::nullopt;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const std::string reason = errno != 0 ? std::strerror(errno) : "unknown reason";
        diagnostics.error(where, "the file cannot be read (" + reason + "); check its permissions");
        return std::nullopt;
    }
    // Read no more than the size checked above: a file that grows while it
    // is read (an export still being written) cannot get past the cap.
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        diagnostics.error(where, "reading the file failed");
        return std::nullopt;
    }
    return bytes;
}

}  // namespace ingest
