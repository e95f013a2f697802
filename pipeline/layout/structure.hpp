#pragma once
// The logical structure of a laid-out document: which doc node each placed
// item came from, as a tree of elements in reading order. The PDF stage turns
// it into a tagged PDF's structure tree (ISO 32000-1 §14.7, §14.8); the
// roles are the standard structure types of PDF 1.4 (PDF Reference 1.4
// §9.7.4), so that a reader needs no role map.
//
// A new kind of doc node maps to one Role, named in to_string by its PDF
// structure type (pdf/tagging.cpp writes that name); the layout of that
// node opens its element with StructureBuilder::open and every item it
// places is tagged with it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace layout {

enum class Role : std::uint8_t {
    Document,  // the root
    Div,       // a group without a meaning of its own (letterhead, signatures)
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    P,
    BlockQuote,  // a quotation set off as a block
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
    Link,     // the linked text and its annotation
    Note,     // a footnote
    Figure,   // a chart; needs StructElement::alt
    Caption,  // a table's caption, inside its Table
    TOC,      // a table of contents
    TOCI,     // one entry of it, holding a Link to its heading
};

// The role's standard structure type ("H1", "TOCI"): the name the tagged
// PDF gives it. A view of a string literal, so .data() is NUL-terminated.
std::string_view to_string(Role role);
Role heading_role(int level);  // 1..6, clamped

// Which cells a header cell is the header of (ISO 32000-1 §14.8.5.7, Table
// 349, /Scope).
enum class HeaderScope : std::uint8_t { None, Row, Column, Both };

std::string_view to_string(HeaderScope scope);

// No element: the item is an artifact (Item::artifact) or, in hand-made pages,
// simply untagged.
inline constexpr std::int32_t kNoElement = -1;

struct StructElement {
    Role role = Role::P;
    std::int32_t parent = kNoElement;       // index into the same vector; the root has none
    HeaderScope scope = HeaderScope::None;  // for TH
    std::string alt;                        // alternative text, for Figure
    bool signatures = false;                // a Div of signatures (for the layout lint)
    // A Table whose columns' minima, header words included, left room to
    // spare: no header word had to break (for the layout lint).
    bool slack = false;
};

// Builds the element vector in reading order: an element's index is greater
// than its parent's, and siblings come in the order they were opened.
class StructureBuilder {
public:
    // Starts the tree with its Document root, which is the current element.
    explicit StructureBuilder(std::vector<StructElement>& elements);

    // A new child of the current element, which it then replaces.
    std::int32_t open(Role role);
    // A new child of the current element, without entering it.
    std::int32_t add(Role role);
    // Makes an existing element current (a table cell set slice by slice).
    void enter(std::int32_t element);
    // Back to the element current before the last open or enter.
    void close();

    StructElement& element(std::int32_t index) { return elements_[static_cast<std::size_t>(index)]; }
    // The current element, without ending a link.
    std::int32_t current() const { return open_.back(); }

    // The element that plain text placed now belongs to; ends any link.
    std::int32_t content();
    // The Link element for text with `target`: consecutive runs of one link
    // (a bold word inside it, or its continuation on the next line) share
    // one element.
    std::int32_t link(const std::string& target);

private:
    std::vector<StructElement>& elements_;
    std::vector<std::int32_t> open_;
    std::int32_t last_link_ = kNoElement;
    std::string last_target_;
};

}  // namespace layout
