#include "pdf/navigation.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "pdf/document_info.hpp"
#include "pdf/page_painter.hpp"
#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

// ISO 32000-1 §12.5.3: annotation flag bit 3, Print. PDF/A requires it on
// links, and a printed copy should keep the same look as the screen.
constexpr int kAnnotationPrintFlag = 4;

// libharu rejects zoom 0 ("keep the current zoom") with
// HPDF_INVALID_PARAMETER (docs/libraries.md §1.5); 1 is 100 %.
constexpr HPDF_REAL kDestinationZoom = 1;

std::map<std::string_view, const layout::Anchor*> index_anchors(const layout::PagedDocument& document) {
    std::map<std::string_view, const layout::Anchor*> anchors;
    for (const layout::Anchor& anchor : document.anchors) {
        anchors.emplace(anchor.id, &anchor);  // the first of equal ids wins
    }
    return anchors;
}

std::size_t anchor_page(const std::vector<HPDF_Page>& pages, const layout::Anchor& anchor) {
    if (anchor.page < 0 || static_cast<std::size_t>(anchor.page) >= pages.size()) {
        throw Error(core::tr("anchor '{1}' is on page {2} of a document with {3} pages", anchor.id,
                             std::to_string(anchor.page + 1), std::to_string(pages.size())));
    }
    return static_cast<std::size_t>(anchor.page);
}

HPDF_Destination destination(HaruDocument& doc, const std::vector<HPDF_Page>& pages,
                             const layout::PagedDocument& document, const layout::Anchor& anchor) {
    const std::size_t page = anchor_page(pages, anchor);
    const PageSpace space{document.pages[page].height};
    HPDF_Destination target = HPDF_Page_CreateDestination(pages[page]);
    HPDF_Destination_SetXYZ(target, 0, space.y(anchor.y), kDestinationZoom);
    doc.check("create the destination of anchor '" + anchor.id + "'");
    return target;
}

// The same place as destination(), as a direct array [page /XYZ left top
// zoom]: PDF/A validators (PDFBox Preflight, "1.2.3 can't convert to
// Destination") reject the indirect destination HPDF_Outline_SetDestination
// puts under an outline item's /Dest (docs/libraries.md §1.5).
HPDF_Array direct_destination(HaruDocument& doc, const std::vector<HPDF_Page>& pages,
                              const layout::PagedDocument& document, const layout::Anchor& anchor) {
    const std::size_t page = anchor_page(pages, anchor);
    const PageSpace space{document.pages[page].height};
    HPDF_Array target = HPDF_Array_New(doc.get()->mmgr);
    HPDF_Array_Add(target, pages[page]);  // an indirect page: libharu writes "n 0 R"
    HPDF_Array_AddName(target, "XYZ");
    HPDF_Array_AddReal(target, 0);
    HPDF_Array_AddReal(target, space.y(anchor.y));
    HPDF_Array_AddReal(target, kDestinationZoom);
    doc.check("create the destination of anchor '" + anchor.id + "'");
    return target;
}

HPDF_Rect annotation_rect(const layout::Link& link, const PageSpace& space) {
    return HPDF_Rect{space.x(link.x), space.y(link.y + link.height), space.x(link.x + link.width), space.y(link.y)};
}

}  // namespace

PageLinks links_of(const layout::Page& page) {
    PageLinks links;
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        if (std::holds_alternative<layout::Link>(page.items[i].content)) {
            links.emplace_back(i, page.items[i]);
        }
    }
    return links;
}

void add_links(HaruDocument& doc, const std::vector<HPDF_Page>& pages, const std::vector<PageLinks>& links,
               const layout::PagedDocument& document, StructureTree& tree) {
    const auto anchors = index_anchors(document);
    HPDF_Encoder utf8 = HPDF_GetEncoder(doc.get(), "UTF-8");
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const PageSpace space{document.pages[p].height};
        bool any = false;
        for (const auto& [i, item] : links[p]) {
            const auto* link = std::get_if<layout::Link>(&item.content);
            const HPDF_Rect rect = annotation_rect(*link, space);
            HPDF_Annotation annotation = nullptr;
            std::string description = link->target;
            if (link->target.starts_with('#')) {
                const auto it = anchors.find(std::string_view(link->target).substr(1));
                if (it == anchors.end()) {
                    throw Error(
                        core::tr("link on page {1} to unknown anchor '{2}'", std::to_string(p + 1), link->target));
                }
                annotation = HPDF_Page_CreateLinkAnnot(pages[p], rect, destination(doc, pages, document, *it->second));
                if (!it->second->title.empty()) description = it->second->title;
            } else {
                annotation = HPDF_Page_CreateURILinkAnnot(pages[p], rect, link->target.c_str());
            }
            HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
            HPDF_Dict_AddNumber(annotation, "F", kAnnotationPrintFlag);
            HPDF_Dict_Add(annotation, "Contents", HPDF_String_New(doc.get()->mmgr, description.c_str(), utf8));
            if (!item.artifact) {
                tree.add_annotation(p, i, tree.element_of(item), annotation);
            }
            any = true;
            doc.check("add the link to '" + link->target + "' on page " + std::to_string(p + 1));
        }
        if (any) {
            // Tab through the annotations in structure order (ISO 32000-1
            // §12.5, PDF 1.5; PDF/UA-1 §7.18.3 asks for it).
            HPDF_Dict_AddName(pages[p], "Tabs", "S");
        }
    }
}

void add_outline(HaruDocument& doc, const std::vector<HPDF_Page>& pages, const layout::PagedDocument& document) {
    HPDF_Encoder utf8 = HPDF_GetEncoder(doc.get(), "UTF-8");
    // The open outline items by level: a new item's parent is the nearest
    // open one of a lower level.
    std::vector<std::pair<int, HPDF_Outline>> open;
    bool any = false;
    for (const layout::Anchor& anchor : document.anchors) {
        if (anchor.title.empty()) {
            continue;  // a link target, not a heading
        }
        while (!open.empty() && open.back().first >= anchor.level) {
            open.pop_back();
        }
        HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
        HPDF_Outline item = HPDF_CreateOutline(doc.get(), parent, within_string_limit(anchor.title).c_str(), utf8);
        HPDF_Dict_Add(item, "Dest", direct_destination(doc, pages, document, anchor));
        // Top-level items start expanded so that the second level shows.
        HPDF_Outline_SetOpened(item, open.empty() ? HPDF_TRUE : HPDF_FALSE);
        doc.check("add the bookmark '" + anchor.title + "'");
        open.emplace_back(anchor.level, item);
        any = true;
    }
    if (any) {
        HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE);
        doc.check("show the bookmarks on opening");
    }
}

}  // namespace pdf
