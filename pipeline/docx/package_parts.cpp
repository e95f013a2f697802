// The package's own parts (ECMA-376 Part 2): content types, relationships,
// and the document properties (core: title, subject, author, dates,
// language; extended: the application).
#include "docx/parts.hpp"
#include "docx/xml.hpp"

namespace docx {

namespace {

constexpr const char* kRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string relationship(const std::string& id, const std::string& type, const std::string& target,
                         bool external = false) {
    return "<Relationship Id=\"" + id + "\" Type=\"" + kRelationships + type + "\" Target=\"" + escape(target) + "\"" +
           (external ? " TargetMode=\"External\"" : "") + "/>";
}

}  // namespace

std::string content_types_part(const Context& context) {
    const std::string word = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    std::string out = std::string(kXmlDeclaration) +
                      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                      "<Default Extension=\"rels\" "
                      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                      "<Default Extension=\"xlsx\" "
                      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"
                      "<Override PartName=\"/word/document.xml\" ContentType=\"" +
                      word + "document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"" + word +
                      "styles+xml\"/><Override PartName=\"/word/numbering.xml\" ContentType=\"" + word +
                      "numbering+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"" + word +
                      "settings+xml\"/><Override PartName=\"/word/footnotes.xml\" ContentType=\"" + word +
                      "footnotes+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"" + word +
                      "header+xml\"/><Override PartName=\"/word/header2.xml\" ContentType=\"" + word + "header+xml\"/>";
    for (std::size_t i = 1; i <= context.charts.size(); ++i)
        out += "<Override PartName=\"/word/charts/chart" + std::to_string(i) +
               ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>";
    out +=
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        "<Override PartName=\"/docProps/app.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>";
    return out + "</Types>";
}

std::string package_relationships_part() {
    return std::string(kXmlDeclaration) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           relationship("rId1", "officeDocument", "word/document.xml") +
           "<Relationship Id=\"rId2\" "
           "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
           "Target=\"docProps/core.xml\"/>" +
           relationship("rId3", "extended-properties", "docProps/app.xml") + "</Relationships>";
}

std::string document_relationships_part(const Context& context) {
    std::string out = std::string(kXmlDeclaration) +
                      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                      relationship("rIdStyles", "styles", "styles.xml") +
                      relationship("rIdNumbering", "numbering", "numbering.xml") +
                      relationship("rIdSettings", "settings", "settings.xml") +
                      relationship("rIdFootnotes", "footnotes", "footnotes.xml") +
                      relationship("rIdHeaderFirst", "header", "header1.xml") +
                      relationship("rIdHeaderDefault", "header", "header2.xml");
    for (std::size_t i = 1; i <= context.charts.size(); ++i)
        out += relationship("rIdChart" + std::to_string(i), "chart", "charts/chart" + std::to_string(i) + ".xml");
    for (std::size_t i = 0; i < context.links.size(); ++i)
        out += relationship("rIdLink" + std::to_string(i + 1), "hyperlink", context.links[i], true);
    return out + "</Relationships>";
}

// Dates are the document's own (never the clock), at midnight UTC.
std::string core_properties_part(const doc::Document& document) {
    const auto& m = document.meta;
    std::string out = std::string(kXmlDeclaration) +
                      "<cp:coreProperties "
                      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                      "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
                      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                      "<dc:title>" +
                      escape(m.title) + "</dc:title><dc:subject>" + escape(m.subject) + "</dc:subject><dc:creator>" +
                      escape(m.author) + "</dc:creator><cp:lastModifiedBy>" + escape(m.author) +
                      "</cp:lastModifiedBy><dc:language>" + escape(m.language) + "</dc:language>";
    if (m.date.size() == 10)
        for (const char* which : {"created", "modified"})
            out += std::string("<dcterms:") + which + " xsi:type=\"dcterms:W3CDTF\">" + escape(m.date) +
                   "T00:00:00Z</dcterms:" + which + ">";
    return out + "</cp:coreProperties>";
}

std::string app_properties_part() {
    return std::string(kXmlDeclaration) +
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
           "<Application>fuel</Application></Properties>";
}

}  // namespace docx
