#pragma once
// Flate compression of a document's streams with libdeflate instead of
// libharu's zlib. Internal to the PDF stage.
//
// Deflating the page content was most of a long document's PDF stage: at
// zlib's level 6, which libharu uses, about 0.4 s of the 15 MB of content of
// a 1 090-page appendix. libdeflate (Debian's libdeflate-dev) compresses
// the same bytes at its level 6 to the same size in about half the time,
// and whole buffers at once, so the streams can be compressed on several
// threads.
#include <hpdf.h>

#include <vector>

#include "pdf/haru_document.hpp"

namespace pdf {

// Compresses `streams` (stream dictionaries libharu would deflate when
// saving) on up to `threads` threads; libharu then writes their bytes as
// they are, under /Filter /FlateDecode. Only streams whose data is final
// may be given: the page content and the font programs, once everything is
// drawn. Not the fonts' CMaps and CIDToGIDMap: libharu's font hooks fill
// and filter those again while saving. Streams libharu would not deflate,
// or that are empty, are left alone. The bytes do not depend on `threads`.
// With `spill`, the compressed bytes are set aside there (page contents
// only: page_spill.hpp) instead of in libharu's memory.
void compress_streams(HaruDocument& doc, const std::vector<HPDF_Dict>& streams, unsigned threads,
                      PageSpill* spill = nullptr);

}  // namespace pdf
