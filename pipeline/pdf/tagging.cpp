#include "pdf/tagging.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <limits>
#include <variant>

#include "pdf/raw_entries.hpp"
#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

constexpr std::uint64_t kNoKey = std::numeric_limits<std::uint64_t>::max();

// Reading order: page first, then the item's place in the page's list,
// which layout fills in reading order.
std::uint64_t key(std::size_t page, std::size_t item) {
    return (static_cast<std::uint64_t>(page) << 32) | static_cast<std::uint64_t>(item);
}

// "/Nums [key value ...]" of entries [begin, end), as raw entries.
void append_nums(std::string& text, const std::vector<std::pair<int, std::string>>& entries, std::size_t begin,
                 std::size_t end) {
    text += "/Nums [";
    for (std::size_t i = begin; i < end; ++i) {
        if (i != begin) text += ' ';
        append_number(text, entries[i].first);
        text += ' ';
        text += entries[i].second;
    }
    text += "]\n";
}

// §7.9.7 number trees: one node lists at most kMaxArray / 2 pairs in its
// /Nums (StructureTree::kMaxArray); a longer tree is a root whose /Kids are
// leaves, each with the /Limits of its keys (kept in order, as written).
// Each entry's value is given as PDF text.
HPDF_Dict parent_tree(HaruDocument& doc, const std::vector<std::pair<int, std::string>>& entries) {
    HPDF_Doc pdf = doc.get();
    RawEntries& raw = doc.raw_entries();
    std::string& text = raw.text();
    HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
    constexpr std::size_t kPairs = StructureTree::kMaxArray / 2;
    if (entries.size() <= kPairs) {
        const std::size_t begin = text.size();
        append_nums(text, entries, 0, entries.size());
        raw.attach(root, begin, text.size());
        return root;
    }
    const std::size_t leaves = (entries.size() + kPairs - 1) / kPairs;
    if (leaves > StructureTree::kMaxArray)
        throw Error(core::tr("the parent tree has more entries than two levels of a number tree hold"));
    HPDF_Array kids = HPDF_Array_New(pdf->mmgr);
    for (std::size_t first = 0; first < entries.size(); first += kPairs) {
        const std::size_t last = std::min(first + kPairs, entries.size());
        HPDF_Dict leaf = HPDF_Dict_New(pdf->mmgr);
        HPDF_Xref_Add(pdf->xref, leaf);  // §7.9.7: kids are indirect references
        const std::size_t begin = text.size();
        text += "/Limits [";
        append_number(text, entries[first].first);
        text += ' ';
        append_number(text, entries[last - 1].first);
        text += "]\n";
        append_nums(text, entries, first, last);
        raw.attach(leaf, begin, text.size());
        HPDF_Array_Add(kids, leaf);
    }
    HPDF_Dict_Add(root, "Kids", kids);
    return root;
}

}  // namespace

// PDF Reference 1.4 §9.7.4, the standard structure types: PDF/A-1 is based
// on PDF 1.4, so no type of a later version (THead, Caption in tables, ...)
// is used and no /RoleMap is needed. layout::Role names its values after
// those types (layout/structure.hpp), so the role's name is the type.
const char* structure_type(layout::Role role) { return layout::to_string(role).data(); }

StructureTree::StructureTree(const layout::PagedDocument& document) : elements_(document.structure) {
    if (elements_.empty())
        elements_.push_back(layout::StructElement{layout::Role::Document, layout::kNoElement, {}, {}, false, false});
    for (std::size_t i = 1; i < elements_.size(); ++i) {
        const auto parent = elements_[i].parent;
        if (parent < 0 || static_cast<std::size_t>(parent) >= i)
            throw Error(core::tr("structure element {1} has no parent before it", std::to_string(i)));
    }
    kids_.resize(elements_.size());
    page_content_.resize(document.pages.size());
    first_.assign(elements_.size(), kNoKey);
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const auto& items = document.pages[p].items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].artifact) continue;
            const auto e = static_cast<std::size_t>(element_of(items[i]));
            first_[e] = std::min(first_[e], key(p, i));
        }
    }
    // An element is where its first content is; an empty one (a blank
    // table cell) stays just after the element before it.
    for (std::size_t i = elements_.size(); i-- > 1;) {
        auto& parent = first_[static_cast<std::size_t>(elements_[i].parent)];
        parent = std::min(parent, first_[i]);
    }
    if (first_[0] == kNoKey) first_[0] = 0;
    for (std::size_t i = 1; i < elements_.size(); ++i)
        if (first_[i] == kNoKey) first_[i] = first_[i - 1];
}

std::int32_t StructureTree::element_of(const layout::Item& item) const {
    if (item.structure == layout::kNoElement) return 0;
    if (item.structure < 0 || static_cast<std::size_t>(item.structure) >= elements_.size())
        throw Error(core::tr("an item names structure element {1} of {2}", std::to_string(item.structure),
                             std::to_string(elements_.size())));
    return item.structure;
}

int StructureTree::add_content(std::size_t page, std::int32_t element, std::size_t item) {
    auto& content = page_content_.at(page);
    const int mcid = static_cast<int>(content.size());
    content.push_back(element);
    Kid kid;
    kid.kind = Kid::Kind::Content;
    kid.order = key(page, item);
    kid.page = page;
    kid.mcid = mcid;
    kids_[static_cast<std::size_t>(element)].push_back(kid);
    return mcid;
}

void StructureTree::add_annotation(std::size_t page, std::size_t item, std::int32_t element,
                                   HPDF_Annotation annotation) {
    Kid kid;
    kid.kind = Kid::Kind::Annotation;
    kid.order = key(page, item);
    kid.page = page;
    kid.annotation = annotation;
    kids_[static_cast<std::size_t>(element)].push_back(kid);
    annotations_.emplace_back(annotation, element);
}

std::vector<StructureTree::Kid> StructureTree::ordered_kids(std::size_t index,
                                                            const std::vector<std::int32_t>& children) {
    // Taken once: the element's own kids move out (write is called once).
    std::vector<Kid> kids = std::move(kids_[index]);
    kids.reserve(kids.size() + children.size());
    for (const std::int32_t child : children) {
        Kid kid;
        kid.kind = Kid::Kind::Element;
        kid.order = first_[static_cast<std::size_t>(child)];
        kid.element = child;
        kids.push_back(kid);
    }
    std::stable_sort(kids.begin(), kids.end(), [](const Kid& a, const Kid& b) { return a.order < b.order; });
    return kids;
}

// An element with more kids than one array may hold (the Document of a long
// appendix: each project's heading, paragraphs and table) gets them in Div
// elements, the standard's generic group (§14.8.4.2), of up to kMaxArray
// each. A moved kid's parent is its Div: an element's /P, and in the parent
// tree the Div for marked content and annotations.
void StructureTree::group_kids(std::size_t index, std::vector<std::vector<Kid>>& kids) {
    const std::vector<Kid> all = std::move(kids[index]);
    kids[index].clear();
    for (std::size_t start = 0; start < all.size(); start += kMaxArray) {
        const auto group = static_cast<std::int32_t>(elements_.size());
        elements_.push_back(
            layout::StructElement{layout::Role::Div, static_cast<std::int32_t>(index), {}, {}, false, false});
        std::vector<Kid> members(all.begin() + static_cast<std::ptrdiff_t>(start),
                                 all.begin() + static_cast<std::ptrdiff_t>(std::min(start + kMaxArray, all.size())));
        for (const Kid& kid : members) {
            if (kid.kind == Kid::Kind::Element) {
                elements_[static_cast<std::size_t>(kid.element)].parent = group;
            } else if (kid.kind == Kid::Kind::Content) {
                page_content_[kid.page][static_cast<std::size_t>(kid.mcid)] = group;
            } else {
                for (auto& [annotation, element] : annotations_)
                    if (annotation == kid.annotation) element = group;
            }
        }
        Kid reference;
        reference.kind = Kid::Kind::Element;
        reference.order = members.front().order;
        reference.element = group;
        kids[index].push_back(reference);
        kids.push_back(std::move(members));
    }
}

// One /StructElem: /S, /P, /Pg (the page of its first content), /K in
// reading order, /A for a header cell's scope, /Alt for a figure. The
// frequent entries are written as raw entries (raw_entries.hpp); the rare
// /A and /Alt, which need libharu's string encoding, as its objects.
void StructureTree::write_node(HaruDocument& doc, const std::vector<HPDF_Page>& pages, std::size_t index,
                               const void* parent, std::vector<HPDF_Dict>& objects, const std::vector<Kid>& kids) {
    HPDF_Doc pdf = doc.get();
    const layout::StructElement& element = elements_[index];
    HPDF_Dict node = objects[index];
    std::string& text = doc.raw_entries().text();
    const std::size_t begin = text.size();
    text += "/Type /StructElem\n/S /";
    text += structure_type(element.role);
    text += "\n/P ";
    append_reference(text, parent);
    const auto own = std::find_if(kids.begin(), kids.end(), [](const Kid& k) { return k.kind != Kid::Kind::Element; });
    const std::size_t home = own == kids.end() ? pages.size() : own->page;
    if (home < pages.size()) {
        text += "\n/Pg ";
        append_reference(text, pages[home]);
    }
    // §14.7.2: /K is one kid or an array of them. Most elements (a table
    // cell, a paragraph on one page) have one marked-content sequence,
    // written bare.
    const auto append_kid = [&](const Kid& kid) {
        if (kid.kind == Kid::Kind::Element) {
            append_reference(text, objects[static_cast<std::size_t>(kid.element)]);
        } else if (kid.kind == Kid::Kind::Content && kid.page == home) {
            append_number(text, kid.mcid);
        } else if (kid.kind == Kid::Kind::Content) {  // continued on another page (§14.7.4.2)
            text += "<</Type /MCR /Pg ";
            append_reference(text, pages[kid.page]);
            text += " /MCID ";
            append_number(text, kid.mcid);
            text += ">>";
        } else {  // ISO 32000-1 §14.7.4.3: an object reference to the annotation
            text += "<</Type /OBJR /Pg ";
            append_reference(text, pages[kid.page]);
            text += " /Obj ";
            append_reference(text, kid.annotation);
            text += ">>";
        }
    };
    if (kids.size() == 1) {
        text += "\n/K ";
        append_kid(kids.front());
    } else {
        text += "\n/K [";
        for (std::size_t i = 0; i < kids.size(); ++i) {
            if (i != 0) text += ' ';
            append_kid(kids[i]);
        }
        text += ']';
    }
    text += '\n';
    doc.raw_entries().attach(node, begin, text.size());
    if (element.scope != layout::HeaderScope::None) {
        // §14.8.5.7: table attributes, owner /Table.
        HPDF_Dict attributes = HPDF_Dict_New(pdf->mmgr);
        HPDF_Dict_AddName(attributes, "O", "Table");
        HPDF_Dict_AddName(attributes, "Scope", std::string(layout::to_string(element.scope)).c_str());
        HPDF_Dict_Add(node, "A", attributes);
    }
    if (!element.alt.empty())
        HPDF_Dict_Add(node, "Alt", HPDF_String_New(pdf->mmgr, element.alt.c_str(), HPDF_GetEncoder(pdf, "UTF-8")));
}

void StructureTree::write(HaruDocument& doc, const std::vector<HPDF_Page>& pages) {
    HPDF_Doc pdf = doc.get();
    HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, root);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    // Each element's children, in index order, collected in one pass: finding
    // them by scanning every later element for each element was quadratic in
    // the elements and made this the largest cost of a long document's PDF.
    std::vector<std::vector<std::int32_t>> children(elements_.size());
    for (std::size_t i = 1; i < elements_.size(); ++i)
        children[static_cast<std::size_t>(elements_[i].parent)].push_back(static_cast<std::int32_t>(i));
    std::vector<std::vector<Kid>> kids(elements_.size());
    for (std::size_t i = 0; i < elements_.size(); ++i) kids[i] = ordered_kids(i, children[i]);
    // Groups are elements too, appended as they are made (and grouped in
    // turn if there are too many of them).
    for (std::size_t i = 0; i < kids.size(); ++i)
        while (kids[i].size() > kMaxArray) group_kids(i, kids);
    // Every element is an indirect object, so that the parent tree, the
    // parent and the kids can all refer to it.
    std::vector<HPDF_Dict> objects(elements_.size());
    for (HPDF_Dict& object : objects) {
        object = HPDF_Dict_New(pdf->mmgr);
        HPDF_Xref_Add(pdf->xref, object);
    }
    doc.check("create the structure elements");
    for (std::size_t i = 0; i < elements_.size(); ++i) {
        const void* parent = i == 0 ? static_cast<void*>(root) : objects[static_cast<std::size_t>(elements_[i].parent)];
        write_node(doc, pages, i, parent, objects, kids[i]);
    }
    doc.check("write the structure elements");
    HPDF_Dict_Add(root, "K", objects[0]);

    // §14.7.4.4: the parent tree maps each page's /StructParents to the
    // elements of its MCIDs, and each annotation's /StructParent to its
    // element. Keys: pages 0..n-1, then the annotations.
    std::vector<std::pair<int, std::string>> entries;
    entries.reserve(pages.size() + annotations_.size());
    int next_key = 0;
    for (std::size_t p = 0; p < pages.size(); ++p, ++next_key) {
        if (page_content_[p].empty()) continue;
        if (page_content_[p].size() > kMaxArray)
            throw Error(
                core::tr("page {1} has more marked-content sequences than PDF/A-1 allows", std::to_string(p + 1)));
        HPDF_Dict_AddNumber(pages[p], "StructParents", next_key);
        std::string parents = "[";
        for (const std::int32_t e : page_content_[p]) {
            if (parents.size() > 1) parents += ' ';
            append_reference(parents, objects[static_cast<std::size_t>(e)]);
        }
        parents += ']';
        entries.emplace_back(next_key, std::move(parents));
    }
    for (const auto& [annotation, element] : annotations_) {
        HPDF_Dict_AddNumber(annotation, "StructParent", next_key);
        std::string reference;
        append_reference(reference, objects[static_cast<std::size_t>(element)]);
        entries.emplace_back(next_key++, std::move(reference));
    }
    HPDF_Dict_Add(root, "ParentTree", parent_tree(doc, entries));
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", next_key);
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
    doc.check("write the structure tree");
}

PageMarks::PageMarks(HPDF_Page page, std::size_t index, StructureTree& tree)
    : page_(page), index_(index), tree_(tree) {}

void PageMarks::write(const std::string& operators) {
    HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page_->attr)->stream, operators.c_str());
}

void PageMarks::mark(std::size_t item, const layout::Item& content) {
    const bool text = std::holds_alternative<layout::TextRun>(content.content);
    const std::int32_t element = content.artifact ? layout::kNoElement : tree_.element_of(content);
    if (open_ && element == element_ && (element != layout::kNoElement || text == text_artifact_)) return;
    close();
    if (element == layout::kNoElement) {
        // PDF Reference 1.4 §9.8.2.2: pagination artifacts (running
        // headers, page marks, repeated heads) and layout artifacts (rules).
        write(text ? "/Artifact <</Type /Pagination>> BDC\n" : "/Artifact <</Type /Layout>> BDC\n");
    } else {
        const int mcid = tree_.add_content(index_, element, item);
        // The tag of a marked-content sequence is its element's type.
        write(std::string("/") + structure_type(tree_.role(element)) + " <</MCID " + std::to_string(mcid) + ">> BDC\n");
    }
    open_ = true;
    element_ = element;
    text_artifact_ = text;
}

void PageMarks::close() {
    if (!open_) return;
    write("EMC\n");
    open_ = false;
}

}  // namespace pdf
