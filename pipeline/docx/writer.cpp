// Assembling the package: the body first (it decides which notes, lists,
// links and charts the other parts hold), then every part in a fixed order.
#include "docx/writer.hpp"

#include "docx/package.hpp"
#include "docx/parts.hpp"
#include "docx/xml.hpp"

namespace docx {

std::string render(const doc::Document& document) {
    Context context;
    context.document = &document;
    context.text_width = twips(document.page.width - document.page.margin_left - document.page.margin_right);
    collect_bookmarks(document.body, context);
    const auto main = std::string(kXmlDeclaration) + "<w:document " + kWordNamespaces + "><w:body>" +
                      body(document.body, context) + section_properties(document.page) + "</w:body></w:document>";
    // Headers after the body: the letterhead's fields and runs only.
    const auto first_header = first_page_header(document.body, context);
    const auto other_header = default_header(document.page, context);
    std::vector<Part> parts{
        {"[Content_Types].xml", content_types_part(context)},
        {"_rels/.rels", package_relationships_part()},
        {"docProps/core.xml", core_properties_part(document)},
        {"docProps/app.xml", app_properties_part()},
        {"word/document.xml", main},
        {"word/_rels/document.xml.rels", document_relationships_part(context)},
        {"word/styles.xml", styles_part(document)},
        {"word/numbering.xml", numbering_part(context)},
        {"word/settings.xml", settings_part(document, context)},
        {"word/footnotes.xml", footnotes_part(context)},
        {"word/header1.xml", first_header},
        {"word/header2.xml", other_header},
    };
    const auto language = document.meta.language.empty() ? std::string("sv-SE") : document.meta.language;
    for (std::size_t i = 0; i < context.charts.size(); ++i) {
        const auto n = std::to_string(i + 1);
        parts.push_back({"word/charts/chart" + n + ".xml", chart_part(*context.charts[i], language)});
        parts.push_back({"word/charts/_rels/chart" + n + ".xml.rels", chart_relationships(i + 1)});
        parts.push_back(
            {"word/embeddings/Microsoft_Excel_Worksheet" + n + ".xlsx", chart_workbook(*context.charts[i])});
    }
    return zip_package(parts);
}

}  // namespace docx
