#pragma once
// Tagged PDF (ISO 32000-1 §14.6-14.8; PDF Reference 1.4 §9.6-9.8): marked
// content around what the pages paint, and the structure tree that puts it in
// reading order. Internal to the PDF stage.
//
// libharu 2.3.0 has no API for either; both are built through its installed
// internal headers (library-notes §1.6): raw BDC/EMC written into the page's
// content stream between libharu's own calls (they change no graphics state
// libharu tracks), and the tree as dictionaries in the cross-reference
// table whose entries we write as PDF text (raw_entries.hpp).
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
class StructureTree {
public:
    // PDF/A-1 keeps PDF 1.4's implementation limits (ISO 19005-1 §6.1.12;
    // PDF Reference 1.4, Appendix C): no array of more than 8 191 items.
    static constexpr std::size_t kMaxArray = 8191;

    // Throws pdf::Error when an item names an element that does not exist.
    // Pages made by hand with no structure get a Document root, and content
    // that names no element belongs to the root.
    explicit StructureTree(const layout::PagedDocument& document);

    // The element of a non-artifact item.
    std::int32_t element_of(const layout::Item& item) const;
    layout::Role role(std::int32_t element) const { return elements_[static_cast<std::size_t>(element)].role; }

    // A new marked-content identifier on `page` for `element`, whose
    // content starts with item `item` of that page (its place in the reading
    // order).
    int add_content(std::size_t page, std::int32_t element, std::size_t item);
    // A link annotation made for item `item` of `page`: it gets
    // /StructParent, and its element an object reference (OBJR).
    void add_annotation(std::size_t page, std::size_t item, std::int32_t element, HPDF_Annotation annotation);

    // /StructTreeRoot with its /ParentTree, /StructParents on every page,
    // /MarkInfo in the catalog. Call once, after every page and annotation.
    void write(HaruDocument& doc, const std::vector<HPDF_Page>& pages);

private:
    // One entry of an element's /K: marked content, an annotation or a
    // child element, with its place in the reading order.
    struct Kid {
        enum class Kind { Content, Annotation, Element } kind = Kind::Content;
        std::uint64_t order = 0;
        std::size_t page = 0;
        int mcid = 0;
        HPDF_Annotation annotation = nullptr;
        std::int32_t element = layout::kNoElement;
    };
    std::vector<Kid> ordered_kids(std::size_t index, const std::vector<std::int32_t>& children);
    void group_kids(std::size_t index, std::vector<std::vector<Kid>>& kids);
    void write_node(HaruDocument& doc, const std::vector<HPDF_Page>& pages, std::size_t index, const void* parent,
                    std::vector<HPDF_Dict>& objects, const std::vector<Kid>& kids);
    std::vector<layout::StructElement> elements_;
    std::vector<std::vector<Kid>> kids_;                   // per element: its content and annotations
    std::vector<std::vector<std::int32_t>> page_content_;  // per page: the element of each MCID
    std::vector<std::pair<HPDF_Annotation, std::int32_t>> annotations_;
    std::vector<std::uint64_t> first_;  // per element: reading-order key of its first item
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
