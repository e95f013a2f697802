// job::preload_render_resources, font_library and hyphenator: read once per
// process, by a preload or by the first caller, whichever comes first.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "job/render_resources.hpp"
#include "pdf/writer.hpp"

namespace {

namespace fs = std::filesystem;

pdf::FontFiles missing_fonts(const std::string& name) {
    pdf::FontFiles fonts = pdf::FontFiles::liberation();
    fonts.paths[0] = "/nonexistent/" + name + ".ttf";
    return fonts;
}

}  // namespace

TEST_CASE("render resources: a preload and every later caller share one loaded copy") {
    const auto fonts = pdf::FontFiles::liberation();
    job::preload_render_resources(fonts, layout::kSwedishHyphenationPatterns);
    // Asked for from several threads while the preload may still be reading.
    std::vector<std::future<const pdf::FontLibrary*>> asked;
    for (int i = 0; i < 4; ++i)
        asked.push_back(std::async(std::launch::async, [&] { return &job::font_library(fonts); }));
    const pdf::FontLibrary* first = &job::font_library(fonts);
    for (auto& f : asked) CHECK(f.get() == first);
    CHECK(first->glyph_count(layout::FontId::SerifRegular) > 200);
    const layout::Hyphenator* patterns = &job::hyphenator(layout::kSwedishHyphenationPatterns);
    CHECK(patterns == &job::hyphenator(layout::kSwedishHyphenationPatterns));
    CHECK(patterns->path() == layout::kSwedishHyphenationPatterns);
    // A second preload of what is loaded reads nothing again.
    job::preload_render_resources(fonts, layout::kSwedishHyphenationPatterns);
    job::finish_preloads();
    CHECK(&job::font_library(fonts) == first);
}

TEST_CASE("render resources: a font that cannot be read fails every caller, and is tried again later") {
    const auto folder = fs::temp_directory_path() / ("fuel-render-resources-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    pdf::FontFiles fonts = pdf::FontFiles::liberation();
    const std::string installed_later = (folder / "LiberationSerif-Regular.ttf").string();
    const std::string installed_from = fonts.paths[0];
    fonts.paths[0] = installed_later;
    job::preload_render_resources(fonts, layout::kSwedishHyphenationPatterns);
    job::finish_preloads();
    // The preload's failure reaches the caller, naming the file ...
    CHECK_THROWS_WITH(job::font_library(fonts), Catch::Contains(installed_later));
    // ... and is not kept: once the file is there, the next call reads it.
    fs::copy_file(installed_from, installed_later);
    CHECK(job::font_library(fonts).glyph_count(layout::FontId::SerifRegular) > 200);
    // Without a preload, the caller reads and fails alike.
    CHECK_THROWS_WITH(job::font_library(missing_fonts("asked")), Catch::Contains("/nonexistent/asked.ttf"));
    CHECK_THROWS_WITH(job::hyphenator("/nonexistent/hyph_xx.dic"), Catch::Contains("/nonexistent/hyph_xx.dic"));
    fs::remove_all(folder);
}
