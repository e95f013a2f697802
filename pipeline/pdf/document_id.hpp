#pragma once
// The file identifier (/ID) from the content. Internal to the PDF stage.
#include <array>
#include <cstdint>
#include <memory>

#include "layout/paged_document.hpp"
#include "pdf/haru_document.hpp"

#include "pdf/writer.hpp"

namespace pdf {

using Digest = std::array<std::uint8_t, 16>;

// MD5 over everything that decides the bytes of the file: the metadata, every
// page's size and items (numbers by their exact bit patterns), the anchors,
// the font files and the options. ISO 32000-1 §14.4 suggests hashing the time
// and place of creation; the content gives an identifier that is the same for
// the same document, as reproducible output needs, and differs otherwise.
Digest document_digest(const layout::PagedDocument& document, const FontFiles& fonts, const WriteOptions& options);

class Hasher;

// The same digest, fed one page at a time, so that a page's items can be
// released once it is painted: construct with the document (its metadata
// and page count), add_page for every page in order, then finish.
class DocumentDigest {
public:
    explicit DocumentDigest(const layout::PagedDocument& document);
    ~DocumentDigest();
    DocumentDigest(const DocumentDigest&) = delete;
    DocumentDigest& operator=(const DocumentDigest&) = delete;
    void add_page(const layout::Page& page);
    // The anchors, fonts and options; `document`'s pages are not read again.
    Digest finish(const layout::PagedDocument& document, const FontFiles& fonts, const WriteOptions& options);

private:
    std::unique_ptr<Hasher> hash_;
};

// Sets the trailer's /ID to two copies of `digest` (the first is the
// permanent identifier, the second that of this version; this file has one
// version). PDF/A-1 requires an /ID (ISO 19005-1 §6.1.3); libharu 2.3.0
// would take it from ctime() (docs/libraries.md §1.4).
void set_document_id(HaruDocument& doc, const Digest& digest);

}  // namespace pdf
