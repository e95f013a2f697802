#pragma once
// The font files, read and parsed once per process. Internal to the PDF
// stage.
//
// Every document embeds subsets of the same few TrueType files. libharu
// reads its file from disk for each document (HPDF_LoadTTFontFromFile),
// parses its tables, and reads it again, four bytes a call, while it writes
// the subset: for a short document most of the PDF stage. Here each file is
// read and parsed by libharu once, and each document gets a copy of the
// parsed definition (font_definition), reading from the shared bytes.
#include <hpdf.h>

#include <memory>
#include <string>
#include <vector>

#include "pdf/haru_document.hpp"

namespace pdf {

struct FontFile {
    std::string path;
    std::vector<unsigned char> bytes;
    // libharu's TrueType definition of the file, parsed from `bytes` in a
    // document of its own, for embedding, never used to draw: only copied.
    std::unique_ptr<HaruDocument> parsed_in;
    HPDF_FontDef parsed = nullptr;
};

// The file at `path`, read and parsed on the first call for it and kept for
// the rest of the process. Thread-safe. Throws pdf::Error naming the file
// when it cannot be read or libharu cannot parse it.
const FontFile& font_file(const std::string& path);

// Registers a copy of the file's parsed definition in `doc` as
// HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE) would register the file it
// parses: the same definition, the next subset tag (HPDFAA+, HPDFAB+, ...),
// its tables read from `file.bytes`. Returns the font's name for
// HPDF_GetFont, or nullptr with the error in the document's error state.
const char* load_font_definition(HaruDocument& doc, const FontFile& file);

}  // namespace pdf
