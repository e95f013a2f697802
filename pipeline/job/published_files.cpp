#include "job/published_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace job {

namespace fs = std::filesystem;

namespace {

// The files fuel writes into every dataset folder besides the documents.
bool fuels_own(const std::string& name) {
    return name == kManifestFile || name == kAccountTextFile || name == kAccountJsonFile;
}

}  // namespace

// The file's size from fstat(2), read in as few read(2) calls as the kernel
// allows, rather than a stream iterator's char at a time: a build with
// nothing to do reads every published and archived file to compare its
// digest, and the iterator took a fifth of its time. Reads on past that
// size, so a file that grew meanwhile is read whole.
std::optional<std::string> read_descriptor(int fd) {
    struct stat info {};
    std::string bytes;
    if (::fstat(fd, &info) == 0 && info.st_size > 0) bytes.resize(static_cast<std::size_t>(info.st_size));
    std::size_t size = 0;
    bool failed = false;
    while (size < bytes.size()) {
        const auto n = ::read(fd, bytes.data() + size, bytes.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            failed = n < 0;
            break;
        }
        size += static_cast<std::size_t>(n);
    }
    bytes.resize(size);
    char more[65536];
    while (!failed) {
        const auto n = ::read(fd, more, sizeof more);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            failed = n < 0;
            break;
        }
        bytes.append(more, static_cast<std::size_t>(n));
        size += static_cast<std::size_t>(n);
    }
    if (failed) return std::nullopt;
    return bytes;
}

std::optional<std::string> read_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    auto bytes = read_descriptor(fd);
    ::close(fd);
    return bytes;
}

std::string read_bytes(const fs::path& path) { return read_file(path).value_or(""); }

std::map<std::string, std::string> digest_files(const fs::path& folder, FileDigests& files) {
    std::map<std::string, std::string> digests;
    if (!files) return digests;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const auto name = entry.path().filename().string();
        if (name == kManifestFile || !entry.is_regular_file()) continue;
        digests[name] = files.of(entry.path()).value_or(files.digest()(""));
    }
    return digests;
}

std::string first_changed_file(const fs::path& folder, const std::vector<std::string>& files, const Manifest& record,
                               FileDigests& digests) {
    if (!digests || record.digests.empty()) return "";
    for (const auto& name : files) {
        const auto recorded = record.digests.find(name);
        std::error_code ec;
        const auto path = folder / name;
        if (recorded == record.digests.end() || !fs::is_regular_file(fs::symlink_status(path, ec))) return name;
        if (digests.of(path) != recorded->second) return name;
    }
    return "";
}

std::vector<std::string> files_of(const ManifestDocument& document) {
    std::vector<std::string> files{document.name + ".pdf"};
    files.insert(files.end(), document.companions.begin(), document.companions.end());
    return files;
}

std::vector<std::string> foreign_files(const fs::path& folder, const Manifest& record) {
    std::vector<std::string> foreign;
    std::error_code ec;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (fuels_own(name)) continue;
        bool named = false;
        for (const auto& d : record.documents)
            for (const auto& file : files_of(d)) named = named || file == name;
        if (!named) foreign.push_back(name);
    }
    std::sort(foreign.begin(), foreign.end());
    return foreign;
}

}  // namespace job
