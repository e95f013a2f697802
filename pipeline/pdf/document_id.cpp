#include "pdf/document_id.hpp"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>

#include <bit>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace pdf {

// Feeds values to MD5 in a fixed byte order, each string with its length in
// front, so that no two different inputs give the same byte sequence.
class Hasher {
public:
    Hasher() { HPDF_MD5Init(&context_); }

    void add(std::uint64_t value) {
        HPDF_BYTE bytes[8];
        for (int i = 0; i < 8; ++i) {
            bytes[i] = static_cast<HPDF_BYTE>(value >> (8 * i));
        }
        HPDF_MD5Update(&context_, bytes, sizeof bytes);
    }
    void add(double value) { add(std::bit_cast<std::uint64_t>(value)); }
    void add(bool value) { add(std::uint64_t{value ? 1U : 0U}); }
    void add(int value) { add(static_cast<std::uint64_t>(static_cast<std::int64_t>(value))); }
    void add(std::string_view text) {
        add(static_cast<std::uint64_t>(text.size()));
        HPDF_MD5Update(&context_, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                       static_cast<HPDF_UINT32>(text.size()));
    }

    Digest finish() {
        Digest digest{};
        HPDF_MD5Final(digest.data(), &context_);
        return digest;
    }

private:
    HPDF_MD5_CTX context_{};
};

namespace {

void add_item(Hasher& hash, const layout::Item& item) {
    hash.add(static_cast<std::uint64_t>(item.content.index()));
    hash.add(item.artifact);
    std::visit(
        [&hash](const auto& content) {
            using T = std::decay_t<decltype(content)>;
            if constexpr (std::is_same_v<T, layout::TextRun>) {
                for (double v : {content.x, content.baseline, content.size}) hash.add(v);
                hash.add(static_cast<int>(content.font));
                hash.add(content.text);
                for (const layout::Kern& kern : content.kerns) {
                    hash.add(static_cast<std::uint64_t>(kern.index));
                    hash.add(static_cast<double>(kern.amount));
                }
            } else if constexpr (std::is_same_v<T, layout::Rule>) {
                for (double v : {content.x1, content.y1, content.x2, content.y2, content.thickness}) hash.add(v);
            } else if constexpr (std::is_same_v<T, layout::Fill>) {
                for (double v : {content.x, content.y, content.width, content.height, content.gray}) hash.add(v);
            } else if constexpr (std::is_same_v<T, layout::Polyline>) {
                for (const layout::Point& p : content.points) {
                    hash.add(p.x);
                    hash.add(p.y);
                }
                hash.add(content.thickness);
                hash.add(content.gray);
            } else {
                for (double v : {content.x, content.y, content.width, content.height}) hash.add(v);
                hash.add(content.target);
            }
        },
        item.content);
}

void add_metadata(Hasher& hash, const doc::Metadata& meta) {
    for (const std::string* text : {&meta.title, &meta.author, &meta.subject, &meta.language, &meta.date}) {
        hash.add(*text);
    }
}

}  // namespace

// The order below is that of the digest's inputs: what comes before the
// pages is known before any page is painted, what comes after is not
// released with them.
DocumentDigest::DocumentDigest(const layout::PagedDocument& document) : hash_(std::make_unique<Hasher>()) {
    add_metadata(*hash_, document.meta);
    hash_->add(static_cast<std::uint64_t>(document.pages.size()));
}

DocumentDigest::~DocumentDigest() = default;

void DocumentDigest::add_page(const layout::Page& page) {
    hash_->add(page.width);
    hash_->add(page.height);
    hash_->add(static_cast<std::uint64_t>(page.items.size()));
    for (const layout::Item& item : page.items) {
        add_item(*hash_, item);
    }
}

Digest DocumentDigest::finish(const layout::PagedDocument& document, const FontFiles& fonts,
                              const WriteOptions& options) {
    Hasher& hash = *hash_;
    hash.add(static_cast<std::uint64_t>(document.anchors.size()));
    for (const layout::Anchor& anchor : document.anchors) {
        hash.add(anchor.id);
        hash.add(anchor.title);
        hash.add(anchor.level);
        hash.add(anchor.page);
        hash.add(anchor.y);
    }
    for (const std::string& path : fonts.paths) {
        hash.add(path);
    }
    hash.add(options.compress);
    hash.add(static_cast<int>(options.archival));
    hash.add(options.output_profile);
    return hash.finish();
}

Digest document_digest(const layout::PagedDocument& document, const FontFiles& fonts, const WriteOptions& options) {
    DocumentDigest digest(document);
    for (const layout::Page& page : document.pages) {
        digest.add_page(page);
    }
    return digest.finish(document, fonts, options);
}

void set_document_id(HaruDocument& doc, const Digest& digest) {
    HPDF_Doc pdf = doc.get();
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest.data()), digest.size()));
    HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(digest.data()), digest.size()));
    HPDF_Dict_Add(pdf->trailer, "ID", id);
    doc.check("set the file identifier");
}

}  // namespace pdf
