#include "gray_image.hpp"

#include <png.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "command.hpp"

namespace reference_test {

namespace {

// Netpbm's binary greymap (P5), as pdftoppm -gray writes it: magic, width,
// height and maximum value separated by whitespace, then the rows.
GrayImage read_pgm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string magic;
    int max_value = 0;
    GrayImage image;
    in >> magic >> image.width >> image.height >> max_value;
    in.get();  // the single whitespace before the pixels
    if (!in || magic != "P5" || max_value != 255 || image.width <= 0 || image.height <= 0)
        throw std::runtime_error("not an 8-bit PGM: " + path);
    image.pixels.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
    in.read(reinterpret_cast<char*>(image.pixels.data()), static_cast<std::streamsize>(image.pixels.size()));
    if (!in) throw std::runtime_error("truncated PGM: " + path);
    return image;
}

}  // namespace

GrayImage render_page(const std::string& pdf, int page, int dpi, const std::string& work_dir) {
    const std::string prefix = work_dir + "/page";
    const std::string n = std::to_string(page);
    const auto result = run_command("pdftoppm -gray -singlefile -r " + std::to_string(dpi) + " -f " + n + " -l " + n +
                                    " '" + pdf + "' '" + prefix + "' 2>&1");
    if (result.status != 0) throw std::runtime_error("pdftoppm failed on " + pdf + ": " + result.output);
    return read_pgm(prefix + ".pgm");
}

GrayImage read_png(const std::string& path) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&png, path.c_str()))
        throw std::runtime_error("cannot read " + path + ": " + png.message);
    png.format = PNG_FORMAT_GRAY;
    GrayImage image;
    image.width = static_cast<int>(png.width);
    image.height = static_cast<int>(png.height);
    image.pixels.resize(PNG_IMAGE_SIZE(png));
    if (!png_image_finish_read(&png, nullptr, image.pixels.data(), 0, nullptr))
        throw std::runtime_error("cannot decode " + path + ": " + png.message);
    return image;
}

void write_png(const std::string& path, const GrayImage& image) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(image.width);
    png.height = static_cast<png_uint_32>(image.height);
    png.format = PNG_FORMAT_GRAY;
    if (!png_image_write_to_file(&png, path.c_str(), 0, image.pixels.data(), 0, nullptr))
        throw std::runtime_error("cannot write " + path + ": " + png.message);
}

Comparison compare(const GrayImage& expected, const GrayImage& actual, int pixel_tolerance) {
    Comparison result;
    result.same_size = expected.width == actual.width && expected.height == actual.height;
    result.diff = actual;
    result.total = static_cast<long>(actual.pixels.size());
    if (!result.same_size) {
        result.differing = result.total;
        return result;
    }
    for (std::size_t i = 0; i < actual.pixels.size(); ++i) {
        const int delta = std::abs(int{expected.pixels[i]} - int{actual.pixels[i]});
        if (delta > pixel_tolerance) {
            ++result.differing;
            result.diff.pixels[i] = 0;
        } else {
            // The page faintly, so that a reader sees where the differences are.
            result.diff.pixels[i] = static_cast<unsigned char>(191 + actual.pixels[i] / 4);
        }
    }
    return result;
}

}  // namespace reference_test
