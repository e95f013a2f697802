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
    // The main part is built in place and moved into the package: a long
    // appendix's is tens of megabytes, and each copy of it was part of a
    // large round's peak memory (docs/memory.md).
    std::vector<std::string> main{std::string(kXmlDeclaration) + "<w:document " + kWordNamespaces + "><w:body>"};
    append_body(main, document.body, context);
    main.push_back(section_properties(document.page) + "</w:body></w:document>");
    // Headers after the body: the letterhead's fields and runs only.
    const auto first_header = first_page_header(document.body, context);
    const auto other_header = default_header(document.page, context);
    // Not an initializer list, whose elements are copied into the vector.
    std::vector<Part> parts;
    parts.reserve(12 + 3 * context.charts.size());
    parts.emplace_back("[Content_Types].xml", content_types_part(context));
    parts.emplace_back("_rels/.rels", package_relationships_part());
    parts.emplace_back("docProps/core.xml", core_properties_part(document));
    parts.emplace_back("docProps/app.xml", app_properties_part());
    parts.emplace_back("word/document.xml", std::move(main));
    parts.emplace_back("word/_rels/document.xml.rels", document_relationships_part(context));
    parts.emplace_back("word/styles.xml", styles_part(document));
    parts.emplace_back("word/numbering.xml", numbering_part(context));
    parts.emplace_back("word/settings.xml", settings_part(document, context));
    parts.emplace_back("word/footnotes.xml", footnotes_part(context));
    parts.emplace_back("word/header1.xml", first_header);
    parts.emplace_back("word/header2.xml", other_header);
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
