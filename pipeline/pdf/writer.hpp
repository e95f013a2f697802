#pragma once
// The PDF stage: the only code in fuel that includes hpdf.h (libharu 2.3.0).
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "layout/font_metrics.hpp"
#include "layout/paged_document.hpp"

namespace pdf {

// libharu reported an error (the message names the libharu error code in hex
// and the step that failed), a font file or the colour profile could not be
// read, the file could not be written, or the pages contradict themselves (a
// link to an anchor that does not exist, a metadata date that is not
// YYYY-MM-DD). Not for bad input data: that never reaches this stage.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The TrueType files for each layout::FontId, in FontId order.
struct FontFiles {
    std::array<std::string, layout::kFontCount> paths;
    // Liberation Serif and Sans from Debian's fonts-liberation2.
    static FontFiles liberation();
};

// The ISO 19005 (PDF/A) level of the output. The city archives its records
// as PDF/A under RA-FS 2009:2, but which parts and levels its e-archive takes
// is not settled, so the level is a setting. Every PDF is tagged whatever
// the level. PDF/A-1a is the default: level B plus the logical structure,
// language and Unicode text level A asks for (ISO 19005-1 §6.8). The only
// validator packaged in Debian (PDFBox Preflight) checks level B only; the
// level A requirements are checked by our own tests (README.md).
enum class Archival {
    None,    // plain PDF 1.3, tagged
    PdfA1b,  // ISO 19005-1, level B: XMP metadata, sRGB output intent, CIDSet
    PdfA1a,  // ISO 19005-1, level A: level B, and claims the structure tree
};

// icc-profiles-free's sRGB profile: ICC v2, as PDF/A-1 requires (colord's
// sRGB.icc is ICC v4, which PDF/A-1 validators reject).
inline constexpr const char* kSrgbProfile = "/usr/share/color/icc/sRGB.icc";

struct WriteOptions {
    bool compress = true;  // HPDF_COMP_ALL: about 17x smaller for little time
    // Level B by default: the only level a validator here confirms (PDFBox
    // Preflight). Level A is claimed only when asked for.
    Archival archival = Archival::PdfA1b;
    std::string output_profile = kSrgbProfile;  // read only for PDF/A
    // write_file: fsync the file before renaming it into place. A caller
    // that flushes a whole folder of new files at once later (the job's
    // publish step) turns it off: one fsync per file made the threads of a
    // build wait on each other's journal commits.
    bool flush_to_disk = true;
    // Threads that compress the streams (stream_compression.hpp); the
    // bytes are the same for any number.
    unsigned compression_threads = 1;
};

// Renders the pages to PDF bytes in memory, PDF/A-1b unless `options` say
// otherwise. Deterministic: the same pages give the same bytes (no clock; the
// /ID is a digest of the content).
std::vector<unsigned char> render(const layout::PagedDocument& document, const FontFiles& fonts,
                                  const WriteOptions& options = {});

// Renders to `path` through a temporary file renamed into place, so that a
// crash never leaves a half-written PDF where the last good one was.
void write_file(const layout::PagedDocument& document, const FontFiles& fonts, const std::string& path,
                const WriteOptions& options = {});

// The same, taking the pages: each page's items are freed as soon as the
// page is painted, and its content compressed with the pages around it, so
// that a long document is not held whole twice, as laid-out pages and as
// PDF content. The bytes are those of the overloads above. Afterwards
// `document` keeps its metadata, anchors, structure and page sizes; its
// pages hold no items.
std::vector<unsigned char> render(layout::PagedDocument&& document, const FontFiles& fonts,
                                  const WriteOptions& options = {});
void write_file(layout::PagedDocument&& document, const FontFiles& fonts, const std::string& path,
                const WriteOptions& options = {});

}  // namespace pdf
