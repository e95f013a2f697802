#pragma once
// What every document is laid out with: the fonts' metrics and the
// hyphenation patterns. Each is read once per process and shared by every
// document and thread (both are immutable once loaded).
//
// Reading them is a fixed cost of about a tenth of a short build (libharu
// parses each font file, HarfBuzz opens it, libhyphen compiles its
// patterns). A build that knows a dataset will be rendered starts reading
// them on threads of their own (preload), so that the reading overlaps
// ingest and the checks instead of holding up the first document. A build
// with nothing to render never starts it.
#include <string>

#include "layout/hyphenation.hpp"
#include "pdf/font_library.hpp"
#include "pdf/writer.hpp"

namespace job {

// Starts reading the fonts and the patterns in the background, unless they
// are read or being read. Returns at once.
void preload_render_resources(const pdf::FontFiles& fonts, const std::string& hyphenation_patterns);

// Waits for any reading preload started. Called before a build returns, so
// that no thread still reads while the process exits.
void finish_preloads();

// The fonts' metrics: read on the first call (or taken from the preload)
// and kept for the rest of the process. Throws pdf::Error naming a file that
// cannot be read, to every caller that asked while it was read; the next
// call reads again (a font installed meanwhile is found).
const pdf::FontLibrary& font_library(const pdf::FontFiles& fonts);

// The patterns of a file, likewise; std::runtime_error naming the file.
const layout::Hyphenator& hyphenator(const std::string& path);

}  // namespace job
