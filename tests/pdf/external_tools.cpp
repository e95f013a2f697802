#include "external_tools.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace pdf_test {

namespace {

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

}  // namespace

std::string scratch_path(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(FUEL_BINARY_DIR) / "tests" / "pdf-scratch";
    std::filesystem::create_directories(dir);
    const std::filesystem::path path = dir / name;
    std::filesystem::remove_all(path);
    return path.string();
}

ToolResult run_tool(const std::string& command, const std::vector<std::string>& files) {
    const std::string err_path = files.at(0) + ".stderr";
    std::string line = command;
    for (const std::string& file : files) {
        line += " " + quoted(file);
    }
    line += " 2>" + quoted(err_path);
    FILE* pipe = ::popen(line.c_str(), "r");
    if (pipe == nullptr) {
        throw std::runtime_error("cannot run: " + line);
    }
    ToolResult result;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        result.out.append(buffer.data(), n);
    }
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_text(err_path);
    std::filesystem::remove(err_path);
    return result;
}

GrayImage rasterize(const std::string& pdf_path, int page) {
    const std::string prefix = pdf_path + ".page" + std::to_string(page);
    const std::string pages = " -f " + std::to_string(page) + " -l " + std::to_string(page);
    const ToolResult result = run_tool("pdftoppm -gray -r 72 -singlefile" + pages, {pdf_path, prefix});
    if (result.exit_code != 0) {
        throw std::runtime_error("pdftoppm failed: " + result.err);
    }
    // Netpbm P5: "P5 <width> <height> <maxval>" and one whitespace byte.
    std::istringstream pgm(read_text(prefix + ".pgm"));
    std::string magic;
    int maxval = 0;
    GrayImage image;
    pgm >> magic >> image.width >> image.height >> maxval;
    pgm.get();
    if (magic != "P5" || maxval != 255) {
        throw std::runtime_error("unexpected pdftoppm output " + magic);
    }
    image.pixels.resize(static_cast<std::size_t>(image.width * image.height));
    pgm.read(reinterpret_cast<char*>(image.pixels.data()), static_cast<std::streamsize>(image.pixels.size()));
    std::filesystem::remove(prefix + ".pgm");
    return image;
}

void write_bytes(const std::string& path, const std::vector<unsigned char>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        throw std::runtime_error("cannot write " + path);
    }
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t found = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size())) {
        ++found;
    }
    return found;
}

}  // namespace pdf_test
