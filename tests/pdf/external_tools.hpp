#pragma once
// Runs the command-line PDF tools (poppler-utils, qpdf) on rendered files, so
// that the output is judged by readers we did not write.
#include <string>
#include <vector>

namespace pdf_test {

struct ToolResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `command` through the shell with `files` appended as its last
// arguments, quoted. Captures stdout and stderr separately.
ToolResult run_tool(const std::string& command, const std::vector<std::string>& files);

// An 8-bit greyscale raster (pdftoppm -gray), 0 black .. 255 white.
struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels;
    int at(int x, int y) const { return pixels[static_cast<std::size_t>(y * width + x)]; }
};

// Rasterises page `page` (1-based) of a PDF file at 72 dpi, so that one
// pixel is one point.
GrayImage rasterize(const std::string& pdf_path, int page);

// A fresh path in this test program's scratch folder under the build tree.
std::string scratch_path(const std::string& name);

void write_bytes(const std::string& path, const std::vector<unsigned char>& bytes);
std::string read_text(const std::string& path);

// How often `needle` occurs in `haystack`.
std::size_t count(const std::string& haystack, const std::string& needle);

}  // namespace pdf_test
