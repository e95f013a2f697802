#include "ingest/file_access.hpp"
#include "core/messages.hpp"

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
        return core::tr(
            "the file is a symbolic link to a place outside the dataset folder; fuel reads only the dataset's own "
            "files and did not follow it");
    return core::tr(
        "the file lies outside the dataset folder (through a link or `..` in its path); fuel reads only the "
        "dataset's own files and did not read it");
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
        return core::tr("the file is a symbolic link to \"{1}\", which does not exist", target.string());
    }
    if (!fs::exists(status)) return core::tr("the file does not exist");
    if (fs::is_directory(status)) return core::tr("this is a folder, not a file");
    return core::tr("not a regular file (a device, a pipe or a socket); expected an exported file");
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
        diagnostics.error(where, core::tr("the file's size cannot be read ({1})", ec.message()));
        return std::nullopt;
    }
    if (size > max_bytes) {
        diagnostics.error(where,
                          core::tr("the file is {1} bytes, more than the {2} an export can be; is it the right file?",
                                   std::to_string(size), std::to_string(max_bytes)));
        return std::nullopt;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const std::string reason = errno != 0 ? std::string(std::strerror(errno)) : core::tr("unknown reason");
        diagnostics.error(where, core::tr("the file cannot be read ({1}); check its permissions", reason));
        return std::nullopt;
    }
    // Read no more than the size checked above: a file that grows while it
    // is read (an export still being written) cannot get past the cap.
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        diagnostics.error(where, core::tr("reading the file failed"));
        return std::nullopt;
    }
    return bytes;
}

}  // namespace ingest
