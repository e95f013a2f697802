#pragma once
// Tagged PDF (ISO 32000-1 §14.6-14.8; PDF Reference 1.4 §9.6-9.8): marked
// content around what the pages paint, and the structure tree that puts it in
// reading order. Internal to the PDF stage.
//
// libharu 2.3.0 has no API for either; both are built through its installed
// internal headers (docs/libraries.md §1.6): raw BDC/EMC written into the page's
// content stream between libharu's own calls (they change no graphics state
// libharu tracks), and the tree as dictionaries in the cross-reference
// table whose entries we write as PDF text through libharu's write hook
// (raw_entries.hpp).
#include <hpdf.h>

#include <cstdint>
#include <string>
#include <vector>

#include "layout/paged_document.hpp"
#include "pdf/haru_document.hpp"

namespace pdf {

// The structure type an element is written as. One case per layout::Role.
const char* structure_type(layout::Role role);

// What the document's pages mark, gathered while they are painted, and the
// tree written from it at the end.
//
// A long appendix has hundreds of thousands of elements, so the tree keeps
// them compact: an element is its parent and role, its kids one range of a
// flat array (docs/memory.md). The elements' entries are not held as PDF
// text either: each /StructElem dictionary writes its own when libharu
// saves the document (Elements below, kept by the HaruDocument).
class StructureTree {
public:
    // PDF/A-1 keeps PDF 1.4's implementation limits (ISO 19005-1 §6.1.12;
    // PDF Reference 1.4, Appendix C): no array of more than 8 191 items.
    static constexpr std::size_t kMaxArray = 8191;

    // Throws pdf::Error when an item names an element that does not exist.
    // Pages made by hand with no structure get a Document root, and content
    // that names no element belongs to the root. `document` must outlive
    // the tree (write reads its elements' alternative texts and scopes).
    explicit StructureTree(const layout::PagedDocument& document);

    // The element of a non-artifact item.
    std::int32_t element_of(const layout::Item& item) const;
    layout::Role role(std::int32_t element) const { return nodes_[static_cast<std::size_t>(element)].role; }

    // A new marked-content identifier on `page` for `element`, whose
    // content starts with item `item` of that page (its place in the reading
    // order).
    int add_content(std::size_t page, std::int32_t element, std::size_t item);
    // A link annotation made for item `item` of `page`: it gets
    // /StructParent, and its element an object reference (OBJR).
    void add_annotation(std::size_t page, std::size_t item, std::int32_t element, HPDF_Annotation annotation);

    // /StructTreeRoot with its /ParentTree, /StructParents on every page,
    // /MarkInfo in the catalog. Call once, after every page and annotation;
    // the tree's own data is released, and what the elements write when the
    // document is saved is handed to `doc`.
    void write(HaruDocument& doc, const std::vector<HPDF_Page>& pages);

    // One entry of an element's /K: marked content (a page and its MCID), a
    // link annotation (a page and the annotation's index) or a child
    // element.
    struct Kid {
        enum class Kind : std::uint8_t { Content, Annotation, Element } kind = Kind::Content;
        std::uint32_t first = 0;   // the page; for an element, its index
        std::uint32_t second = 0;  // the MCID or the annotation's index
    };
    struct Node {
        std::int32_t parent = layout::kNoElement;
        layout::Role role = layout::Role::Document;
    };
    // An element's kids: [begin, end) of the flat kid array.
    struct Range {
        std::uint32_t begin = 0, end = 0;
        std::size_t size() const { return end - begin; }
    };

private:
    // What painting records: one per marked-content sequence or annotation,
    // in the order they are made.
    struct Mark {
        std::int32_t element = 0;
        std::uint32_t page = 0, item = 0;
        std::uint32_t value = 0;  // the MCID, or the annotation's index
        bool annotation = false;
    };
    void order_kids();
    void group_kids(std::size_t index);

    const std::vector<layout::StructElement>* source_;  // alternative texts and scopes
    std::vector<Node> nodes_;
    std::vector<std::uint64_t> first_;  // per element: reading-order key of its first item
    std::vector<Mark> marks_;
    std::vector<std::vector<std::int32_t>> page_content_;  // per page: the element of each MCID
    std::vector<std::pair<HPDF_Annotation, std::int32_t>> annotations_;
    std::vector<Kid> kids_;      // every element's kids, in reading order
    std::vector<Range> ranges_;  // per element
};

// The marked-content sequences of one page as it is painted: consecutive
// items of one element share a sequence; artifacts get /Artifact sequences
// of type Pagination (text: headers, page marks, repeated table heads) or
// Layout (rules and shading).
class PageMarks {
public:
    PageMarks(HPDF_Page page, std::size_t index, StructureTree& tree);
    // Before painting item `item`: ends the open sequence unless the item
    // belongs to it, and opens the item's.
    void mark(std::size_t item, const layout::Item& content);
    // Ends the open sequence (before ET, and after each painting phase).
    void close();

private:
    void write(const std::string& operators);
    HPDF_Page page_;
    std::size_t index_;
    StructureTree& tree_;
    bool open_ = false;
    std::int32_t element_ = layout::kNoElement;  // of the open sequence; kNoElement: an artifact
    bool text_artifact_ = false;
};

}  // namespace pdf
