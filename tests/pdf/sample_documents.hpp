#pragma once
// Paged documents built by hand, so that the PDF stage is tested without the
// layout stage.
#include <string>

#include "layout/paged_document.hpp"
#include "pdf/font_library.hpp"

namespace pdf_test {

inline constexpr const char* kSwedishLine = "Stadsdelsförvaltningarna – årsredovisning ÅÄÖ åäö";
inline constexpr const char* kTitle = "Fördelning av utvecklingsmedel 2025 – Östermalm";

// The real metrics of Debian's Liberation fonts, loaded once per test run.
const pdf::FontLibrary& liberation();

layout::Item text(double x, double baseline, layout::FontId font, double size, const std::string& utf8);

// Two A4 pages: shading, a rule, Swedish text in three faces, a heading per
// page with anchors (levels 1 and 2), an internal link and a URL link on the
// first page; metadata with Swedish letters and a date; the structure layout
// would give it (headings, a paragraph with two links), the page marks,
// shading and rule as artifacts.
layout::PagedDocument two_page_report();

}  // namespace pdf_test
