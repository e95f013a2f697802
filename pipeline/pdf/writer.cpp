#include "pdf/writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <hpdf_pages.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "pdf/archival.hpp"
#include "pdf/document_id.hpp"
#include "pdf/document_info.hpp"
#include "pdf/embedded_fonts.hpp"
#include "pdf/font_descriptors.hpp"
#include "pdf/haru_document.hpp"
#include "pdf/navigation.hpp"
#include "pdf/page_painter.hpp"
#include "pdf/stream_compression.hpp"
#include "pdf/tagging.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

// Pages painted between two compressions of their content: a long
// document's content is held deflated (about 15 % of its size) rather than
// whole until the save, and a batch is still large enough to share among
// helper threads.
constexpr std::size_t kPagesPerCompression = 64;

// What needs every page painted first: the font descriptors describe the
// glyphs drawn, and the /ID digests the whole content (`digest` has had
// every page).
void finish(HaruDocument& doc, const EmbeddedFonts& embedded, const layout::PagedDocument& document,
            DocumentDigest& digest, const FontFiles& fonts, const WriteOptions& options) {
    write_document_info(doc, document.meta);
    switch (options.archival) {
        case Archival::None:
            for (const EmbeddedFonts::Loaded& loaded : embedded.distinct()) {
                complete_font_descriptor(doc, loaded.font, *loaded.file, false);
            }
            break;
        case Archival::PdfA1b:
        case Archival::PdfA1a:
            make_pdfa_1(doc, embedded, document.meta, options.output_profile,
                        options.archival == Archival::PdfA1a ? 'A' : 'B');
            break;
    }
    set_document_id(doc, digest.finish(document, fonts, options));
}

// A page's content is final once painted (links and the structure go into
// the page's dictionary, not its content), so it is compressed then.
void compress_contents(HaruDocument& doc, const std::vector<HPDF_Page>& pages, std::size_t from,
                       const WriteOptions& options) {
    std::vector<HPDF_Dict> streams;
    streams.reserve(pages.size() - from);
    for (std::size_t i = from; i < pages.size(); ++i)
        streams.push_back(static_cast<HPDF_PageAttr>(pages[i]->attr)->contents);
    compress_streams(doc, streams, options.compression_threads, doc.page_spill());
}

// `release`: the same document, whose pages' items are freed as soon as
// each page is painted, added to the digest and its links noted; nullptr
// leaves `document` as it is. The bytes are the same either way.
void build(HaruDocument& doc, const layout::PagedDocument& document, layout::PagedDocument* release,
           const FontFiles& fonts, const WriteOptions& options) {
    HPDF_Doc pdf = doc.get();
    HPDF_SetCompressionMode(pdf, options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
    // Text strings (Info, bookmarks) and page text are UTF-8 from here on.
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    doc.check("set up the UTF-8 encoder");

    // PDF/A-1's array limit (StructureTree::kMaxArray) holds for the page
    // tree's /Kids too; libharu puts every page under one /Pages node unless
    // told to group them.
    if (document.pages.size() > StructureTree::kMaxArray)
        HPDF_SetPagesConfiguration(pdf, static_cast<HPDF_UINT>(StructureTree::kMaxArray));
    doc.check("group the pages");
    const EmbeddedFonts embedded(doc, fonts, document);
    StructureTree tree(document);
    DocumentDigest digest(document);
    std::vector<HPDF_Page> pages;
    std::vector<PageLinks> links;
    pages.reserve(document.pages.size());
    links.reserve(document.pages.size());
    std::size_t compressed = 0;  // pages whose content is compressed
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        pages.push_back(paint_page(doc, document.pages[i], i, embedded, tree));
        digest.add_page(document.pages[i]);
        links.push_back(links_of(document.pages[i]));
        if (release) std::vector<layout::Item>().swap(release->pages[i].items);
        if (options.compress && pages.size() - compressed == kPagesPerCompression) {
            compress_contents(doc, pages, compressed, options);
            compressed = pages.size();
        }
    }
    add_links(doc, pages, links, document, tree);
    links.clear();
    add_outline(doc, pages, document);
    tree.write(doc, pages);
    finish(doc, embedded, document, digest, fonts, options);
    if (options.compress) {
        compress_contents(doc, pages, compressed, options);
        std::vector<HPDF_Dict> streams;
        for (const EmbeddedFonts::Loaded& loaded : embedded.distinct()) streams.push_back(font_program(loaded.font));
        compress_streams(doc, streams, options.compression_threads);
    }
}

// Unique among the threads and processes that may write next to `path`.
std::string temporary_name(const std::string& path) {
    static std::atomic<unsigned long> counter{0};
    return path + "." + std::to_string(::getpid()) + "." + std::to_string(counter++) + ".tmp";
}

// The data must be on disk before the rename makes it the file, or a power
// loss could leave an empty file under the final name.
void flush_to_disk(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw Error(core::tr("cannot flush '{1}' to disk: {2}", path, std::strerror(error)));
    }
    ::close(fd);
}

}  // namespace

namespace {

std::vector<unsigned char> save_to_memory(HaruDocument& doc) {
    HPDF_Doc pdf = doc.get();
    HPDF_SaveToStream(pdf);
    doc.check("save to memory");
    std::vector<unsigned char> bytes(HPDF_GetStreamSize(pdf));
    HPDF_ResetStream(pdf);
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_ReadFromStream(pdf, bytes.data(), &size);
    doc.check("read the saved document");
    bytes.resize(size);
    return bytes;
}

void save_to_file(HaruDocument& doc, const std::string& path, const WriteOptions& options) {
    const std::string temporary = temporary_name(path);
    try {
        errno = 0;
        HPDF_SaveToFile(doc.get(), temporary.c_str());
        // libharu reports a failed write as a generic file error; the
        // operator needs to hear that the disk is full.
        if (errno == ENOSPC || errno == EDQUOT) throw Error(core::tr("the disk is full: cannot save '{1}'", path));
        doc.check("save to '" + temporary + "'");
        if (options.flush_to_disk) flush_to_disk(temporary);
        if (std::rename(temporary.c_str(), path.c_str()) != 0) {
            throw Error(core::tr("cannot rename '{1}' to '{2}': {3}", temporary, path, std::strerror(errno)));
        }
    } catch (...) {
        const int error = errno;  // for the caller, who may ask whether the disk was full
        std::remove(temporary.c_str());
        errno = error;
        throw;
    }
}

}  // namespace

std::vector<unsigned char> render(const layout::PagedDocument& document, const FontFiles& fonts,
                                  const WriteOptions& options) {
    HaruDocument doc;
    build(doc, document, nullptr, fonts, options);
    return save_to_memory(doc);
}

std::vector<unsigned char> render(layout::PagedDocument&& document, const FontFiles& fonts,
                                  const WriteOptions& options) {
    HaruDocument doc;
    build(doc, document, &document, fonts, options);
    return save_to_memory(doc);
}

namespace {

// Written to a file, the finished pages wait for the save beside it
// (page_spill.hpp) rather than in memory.
void spill_pages_beside(HaruDocument& doc, const std::string& path, const WriteOptions& options) {
    if (options.compress) doc.spill_pages_to(std::filesystem::path(path).parent_path().string());
}

}  // namespace

void write_file(const layout::PagedDocument& document, const FontFiles& fonts, const std::string& path,
                const WriteOptions& options) {
    HaruDocument doc;
    spill_pages_beside(doc, path, options);
    build(doc, document, nullptr, fonts, options);
    save_to_file(doc, path, options);
}

void write_file(layout::PagedDocument&& document, const FontFiles& fonts, const std::string& path,
                const WriteOptions& options) {
    HaruDocument doc;
    spill_pages_beside(doc, path, options);
    build(doc, document, &document, fonts, options);
    save_to_file(doc, path, options);
}

}  // namespace pdf
