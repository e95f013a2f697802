#pragma once
// PDF/A-1 (ISO 19005-1, level B or A) on top of a painted, tagged document.
// Internal to the PDF stage.
#include <string>

#include "document/node.hpp"
#include "pdf/embedded_fonts.hpp"
#include "pdf/haru_document.hpp"

namespace pdf {

// Makes the document PDF/A-1b, working around each defect of libharu 2.3.0's
// own PDF/A mode (docs/libraries.md §1.3), which is therefore never switched on:
// - header %PDF-1.4, the version PDF/A-1 is based on;
// - /CapHeight and a /CIDSet in every font descriptor;
// - XMP metadata of our own, escaped and with /Subtype /XML;
// - an sRGB output intent with the ICC v2 profile at `profile_path`, under
//   the correctly spelled key /DestOutputProfile.
// The remaining defects are handled where the objects are made: /F 4 on links
// and direct outline destinations in navigation.cpp, the /ID in
// document_id.cpp. Call after every page is painted and after
// write_document_info. Throws pdf::Error when the profile cannot be read.
// `conformance` is 'B' or 'A', as the XMP's pdfaid:conformance says; level A
// adds nothing here, since every PDF is tagged (tagging.hpp).
void make_pdfa_1(HaruDocument& doc, const EmbeddedFonts& fonts, const doc::Metadata& meta,
                 const std::string& profile_path, char conformance);

}  // namespace pdf
