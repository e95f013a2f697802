#pragma once
// The document's XMP metadata packet, for PDF/A. Internal to the PDF stage.
#include <string>

#include "document/node.hpp"
#include "pdf/haru_document.hpp"

namespace pdf {

// The XMP packet (ISO 16684-1) for `meta`: dc:title, dc:creator,
// dc:description and dc:language, xmp:CreateDate and xmp:ModifyDate,
// pdf:Producer, and the PDF/A identification (part 1, `conformance`). Every
// value holds the same text as its Info entry, as ISO 19005-1 §6.7.3
// requires, and is XML-escaped (libharu 2.3.0's own packet is not:
// docs/libraries.md §1.3).
std::string xmp_packet(const doc::Metadata& meta, const std::string& producer, char conformance = 'B');

// Adds the packet as the catalog's /Metadata stream, with /Subtype /XML
// (libharu 2.3.0 misspells it /SubType) and without a filter, so that the
// metadata stays readable to tools that know nothing of PDF. Call after
// write_document_info: it reads the producer libharu put in the Info
// dictionary. `conformance`: 'A' or 'B'.
void add_xmp_metadata(HaruDocument& doc, const doc::Metadata& meta, char conformance);

}  // namespace pdf
