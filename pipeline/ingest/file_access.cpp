#include "ingest/file_access.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace ingest {

std::optional<std::string> read_file(const std::string& path, core::Diagnostics& diagnostics,
                                     std::size_t max_bytes) {
    namespace fs = std::filesystem;
    const core::SourceLocation where{path, 0, 0};
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        diagnostics.error(where, "the file does not exist");
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
        diagnostics.error(where, "not a regular file");
        return std::nullopt;
    }
    const auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
        diagnostics.error(where, "the file is " + std::to_string(size) + " bytes, more than the " +
                                     std::to_string(max_bytes) + " an export can be; is it the right file?");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error(where, "the file cannot be read (permissions?)");
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(ec ? 0 : size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        diagnostics.error(where, "reading the file failed");
        return std::nullopt;
    }
    return bytes;
}

}  // namespace ingest
