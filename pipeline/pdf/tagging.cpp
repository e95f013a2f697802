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

namespace {

// The elements as libharu saves them: each /StructElem is an empty
// dictionary in the cross-reference table whose write hook (the one
// raw_entries.hpp describes) writes its entries from these arrays. Made
// when the tree is written, kept by the document until it is freed.
class StructureElements {
public:
    StructureElements(std::vector<StructureTree::Node> nodes, std::vector<StructureTree::Range> ranges,
                      std::vector<StructureTree::Kid> kids, std::vector<HPDF_Page> pages,
                      std::vector<HPDF_Annotation> annotations)
        : nodes_(std::move(nodes)),
          ranges_(std::move(ranges)),
          kids_(std::move(kids)),
          pages_(std::move(pages)),
          annotations_(std::move(annotations)) {}

    // Every element an indirect object, so that the parent tree, the
    // parent and the kids can all refer to it; made in one run, so that an
    // element's index is its object number less the first one's.
    void make_objects(HaruDocument& doc, HPDF_Dict root) {
        HPDF_Doc pdf = doc.get();
        root_ = root;
        objects_.resize(nodes_.size());
        for (std::size_t i = 0; i < objects_.size(); ++i) {
            HPDF_Dict object = HPDF_Dict_New(pdf->mmgr);
            if (object == nullptr) break;
            HPDF_Xref_Add(pdf->xref, object);
            objects_[i] = object;
            object->attr = this;
            object->write_fn = &StructureElements::write;
        }
        doc.check("create the structure elements");
        first_id_ = object_id(objects_.front());
        for (std::size_t i = 0; i < objects_.size(); ++i)
            if (object_id(objects_[i]) != first_id_ + i)
                throw Error(core::tr("the structure elements are not numbered in a row"));
    }

    HPDF_Dict object(std::size_t element) const { return objects_[element]; }

private:
    static std::size_t object_id(HPDF_Dict dict) { return dict->header.obj_id & 0x00FFFFFF; }

    static HPDF_STATUS write(HPDF_Dict dict, HPDF_Stream stream) {
        const auto* elements = static_cast<const StructureElements*>(dict->attr);
        // One buffer per thread: documents are saved on several threads.
        thread_local std::string text;
        text.clear();
        elements->append_entries(text, object_id(dict) - elements->first_id_);
        return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                 static_cast<HPDF_UINT>(text.size()));
    }

    // /Type, /S, /P, /Pg (the page of its first content) and /K in reading
    // order. The rare /A and /Alt are libharu's own entries, written before
    // these (StructureTree::write).
    void append_entries(std::string& text, std::size_t index) const {
        using Kind = StructureTree::Kid::Kind;
        const StructureTree::Node& node = nodes_[index];
        const StructureTree::Kid* begin = kids_.data() + ranges_[index].begin;
        const StructureTree::Kid* end = kids_.data() + ranges_[index].end;
        text += "/Type /StructElem\n/S /";
        text += structure_type(node.role);
        text += "\n/P ";
        append_reference(
            text, index == 0 ? static_cast<const void*>(root_) : objects_[static_cast<std::size_t>(node.parent)]);
        const auto own = std::find_if(begin, end, [](const StructureTree::Kid& k) { return k.kind != Kind::Element; });
        const std::size_t home = own == end ? pages_.size() : own->first;
        if (home < pages_.size()) {
            text += "\n/Pg ";
            append_reference(text, pages_[home]);
        }
        // §14.7.2: /K is one kid or an array of them. Most elements (a table
        // cell, a paragraph on one page) have one marked-content sequence,
        // written bare.
        const auto append_kid = [&](const StructureTree::Kid& kid) {
            if (kid.kind == Kind::Element) {
                append_reference(text, objects_[kid.first]);
            } else if (kid.kind == Kind::Content && kid.first == home) {
                append_number(text, kid.second);
            } else if (kid.kind == Kind::Content) {  // continued on another page (§14.7.4.2)
                text += "<</Type /MCR /Pg ";
                append_reference(text, pages_[kid.first]);
                text += " /MCID ";
                append_number(text, kid.second);
                text += ">>";
            } else {  // ISO 32000-1 §14.7.4.3: an object reference to the annotation
                text += "<</Type /OBJR /Pg ";
                append_reference(text, pages_[kid.first]);
                text += " /Obj ";
                append_reference(text, annotations_[kid.second]);
                text += ">>";
            }
        };
        if (end - begin == 1) {
            text += "\n/K ";
            append_kid(*begin);
        } else {
            text += "\n/K [";
            for (const StructureTree::Kid* kid = begin; kid != end; ++kid) {
                if (kid != begin) text += ' ';
                append_kid(*kid);
            }
            text += ']';
        }
        text += '\n';
    }

    std::vector<StructureTree::Node> nodes_;
    std::vector<StructureTree::Range> ranges_;
    std::vector<StructureTree::Kid> kids_;
    std::vector<HPDF_Page> pages_;
    std::vector<HPDF_Annotation> annotations_;
    std::vector<HPDF_Dict> objects_;
    HPDF_Dict root_ = nullptr;
    std::size_t first_id_ = 0;
};

}  // namespace

StructureTree::StructureTree(const layout::PagedDocument& document) : source_(&document.structure) {
    nodes_.reserve(document.structure.size() + 1);
    for (const layout::StructElement& element : document.structure)
        nodes_.push_back(Node{element.parent, element.role});
    if (nodes_.empty()) nodes_.push_back(Node{layout::kNoElement, layout::Role::Document});
    for (std::size_t i = 1; i < nodes_.size(); ++i) {
        const auto parent = nodes_[i].parent;
        if (parent < 0 || static_cast<std::size_t>(parent) >= i)
            throw Error(core::tr("structure element {1} has no parent before it", std::to_string(i)));
    }
    page_content_.resize(document.pages.size());
    first_.assign(nodes_.size(), kNoKey);
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
    for (std::size_t i = nodes_.size(); i-- > 1;) {
        auto& parent = first_[static_cast<std::size_t>(nodes_[i].parent)];
        parent = std::min(parent, first_[i]);
    }
    if (first_[0] == kNoKey) first_[0] = 0;
    for (std::size_t i = 1; i < nodes_.size(); ++i)
        if (first_[i] == kNoKey) first_[i] = first_[i - 1];
}

std::int32_t StructureTree::element_of(const layout::Item& item) const {
    if (item.structure == layout::kNoElement) return 0;
    if (item.structure < 0 || static_cast<std::size_t>(item.structure) >= nodes_.size())
        throw Error(core::tr("an item names structure element {1} of {2}", std::to_string(item.structure),
                             std::to_string(nodes_.size())));
    return item.structure;
}

int StructureTree::add_content(std::size_t page, std::int32_t element, std::size_t item) {
    auto& content = page_content_.at(page);
    const int mcid = static_cast<int>(content.size());
    content.push_back(element);
    marks_.push_back(Mark{element, static_cast<std::uint32_t>(page), static_cast<std::uint32_t>(item),
                          static_cast<std::uint32_t>(mcid), false});
    return mcid;
}

void StructureTree::add_annotation(std::size_t page, std::size_t item, std::int32_t element,
                                   HPDF_Annotation annotation) {
    marks_.push_back(Mark{element, static_cast<std::uint32_t>(page), static_cast<std::uint32_t>(item),
                          static_cast<std::uint32_t>(annotations_.size()), true});
    annotations_.emplace_back(annotation, element);
}

// Each element's kids in reading order, one range of kids_ each: its own
// marked content and annotations (in the order they were made) and its
// child elements (in index order), stably sorted by where each starts.
// Counting sorts by element give both lists in one pass each: finding an
// element's children by scanning every later element was quadratic in the
// elements and made this the largest cost of a long document's PDF.
void StructureTree::order_kids() {
    const std::size_t n = nodes_.size();
    std::vector<std::uint32_t> own_start(n + 1, 0), child_start(n + 1, 0);
    for (const Mark& mark : marks_) ++own_start[static_cast<std::size_t>(mark.element) + 1];
    for (std::size_t i = 1; i < n; ++i) ++child_start[static_cast<std::size_t>(nodes_[i].parent) + 1];
    for (std::size_t i = 0; i < n; ++i) {
        own_start[i + 1] += own_start[i];
        child_start[i + 1] += child_start[i];
    }
    std::vector<std::uint32_t> own(marks_.size()), children(n > 0 ? n - 1 : 0);
    {
        std::vector<std::uint32_t> next(own_start.begin(), own_start.end() - 1);
        for (std::size_t m = 0; m < marks_.size(); ++m)
            own[next[static_cast<std::size_t>(marks_[m].element)]++] = static_cast<std::uint32_t>(m);
        next.assign(child_start.begin(), child_start.end() - 1);
        for (std::size_t i = 1; i < n; ++i)
            children[next[static_cast<std::size_t>(nodes_[i].parent)]++] = static_cast<std::uint32_t>(i);
    }
    kids_.clear();
    kids_.reserve(marks_.size() + children.size());
    ranges_.assign(n, Range{});
    std::vector<std::pair<std::uint64_t, Kid>> merged;
    for (std::size_t e = 0; e < n; ++e) {
        merged.clear();
        for (std::uint32_t i = own_start[e]; i < own_start[e + 1]; ++i) {
            const Mark& mark = marks_[own[i]];
            merged.emplace_back(
                key(mark.page, mark.item),
                Kid{mark.annotation ? Kid::Kind::Annotation : Kid::Kind::Content, mark.page, mark.value});
        }
        for (std::uint32_t i = child_start[e]; i < child_start[e + 1]; ++i)
            merged.emplace_back(first_[children[i]], Kid{Kid::Kind::Element, children[i], 0});
        std::stable_sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        ranges_[e].begin = static_cast<std::uint32_t>(kids_.size());
        for (const auto& entry : merged) kids_.push_back(entry.second);
        ranges_[e].end = static_cast<std::uint32_t>(kids_.size());
    }
    std::vector<Mark>().swap(marks_);
    std::vector<std::uint64_t>().swap(first_);
}

// An element with more kids than one array may hold (the Document of a long
// appendix: each project's heading, paragraphs and table) gets them in Div
// elements, the standard's generic group (§14.8.4.2), of up to kMaxArray
// each. A moved kid's parent is its Div: an element's /P, and in the parent
// tree the Div for marked content and annotations. A Div's kids are its
// slice of the element's range; the element's new kids, the Divs, a range
// appended to kids_.
void StructureTree::group_kids(std::size_t index) {
    const Range all = ranges_[index];
    std::vector<Kid> groups;
    for (std::uint32_t start = all.begin; start < all.end; start += kMaxArray) {
        const auto group = static_cast<std::int32_t>(nodes_.size());
        nodes_.push_back(Node{static_cast<std::int32_t>(index), layout::Role::Div});
        const Range members{start, static_cast<std::uint32_t>(std::min<std::size_t>(start + kMaxArray, all.end))};
        ranges_.push_back(members);
        for (std::uint32_t k = members.begin; k < members.end; ++k) {
            const Kid& kid = kids_[k];
            if (kid.kind == Kid::Kind::Element)
                nodes_[kid.first].parent = group;
            else if (kid.kind == Kid::Kind::Content)
                page_content_[kid.first][kid.second] = group;
            else
                annotations_[kid.second].second = group;
        }
        groups.push_back(Kid{Kid::Kind::Element, static_cast<std::uint32_t>(group), 0});
    }
    ranges_[index] =
        Range{static_cast<std::uint32_t>(kids_.size()), static_cast<std::uint32_t>(kids_.size() + groups.size())};
    kids_.insert(kids_.end(), groups.begin(), groups.end());
}

void StructureTree::write(HaruDocument& doc, const std::vector<HPDF_Page>& pages) {
    HPDF_Doc pdf = doc.get();
    HPDF_Dict root = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, root);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    order_kids();
    // Groups are elements too, appended as they are made (and grouped in
    // turn if there are too many of them).
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        while (ranges_[i].size() > kMaxArray) group_kids(i);

    std::vector<HPDF_Annotation> annotations;
    annotations.reserve(annotations_.size());
    for (const auto& entry : annotations_) annotations.push_back(entry.first);
    auto owned = std::make_unique<StructureElements>(std::move(nodes_), std::move(ranges_), std::move(kids_), pages,
                                                     std::move(annotations));
    StructureElements& elements = doc.keep(std::move(owned));
    elements.make_objects(doc, root);
    // The rare entries that need libharu's string encoding, as its objects.
    for (std::size_t i = 0; i < source_->size(); ++i) {
        const layout::StructElement& element = (*source_)[i];
        HPDF_Dict node = elements.object(i);
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
    doc.check("write the structure elements");
    HPDF_Dict_Add(root, "K", elements.object(0));

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
            append_reference(parents, elements.object(static_cast<std::size_t>(e)));
        }
        parents += ']';
        entries.emplace_back(next_key, std::move(parents));
    }
    for (const auto& [annotation, element] : annotations_) {
        HPDF_Dict_AddNumber(annotation, "StructParent", next_key);
        std::string reference;
        append_reference(reference, elements.object(static_cast<std::size_t>(element)));
        entries.emplace_back(next_key++, std::move(reference));
    }
    std::vector<std::vector<std::int32_t>>().swap(page_content_);
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
