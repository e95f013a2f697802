#pragma once
// 8-bit greyscale images for the reference-image tests: pages rendered by
// pdftoppm (its PGM output, read here), stored and compared as PNG through
// libpng's simplified API (png_image), Debian's libpng-dev.
#include <string>
#include <vector>

namespace reference_test {

struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels;  // row by row, 0 black .. 255 white
};

// Page `page` (1-based) of `pdf` at `dpi`, rendered by `pdftoppm -gray`.
GrayImage render_page(const std::string& pdf, int page, int dpi, const std::string& work_dir);

// Throws std::runtime_error when the file cannot be read or written.
GrayImage read_png(const std::string& path);
void write_png(const std::string& path, const GrayImage& image);

struct Comparison {
    bool same_size = false;
    long differing = 0;  // pixels that differ by more than the tolerance
    long total = 0;
    GrayImage diff;  // black where a pixel differs; elsewhere the actual page, faint
    double share() const { return total == 0 ? 1.0 : static_cast<double>(differing) / static_cast<double>(total); }
};

Comparison compare(const GrayImage& expected, const GrayImage& actual, int pixel_tolerance);

}  // namespace reference_test
