// The style, numbering, settings and footnote parts (ECMA-376 Part 1, 17.7,
// 17.9, 17.15, 17.11).
//
// Fonts: the PDF embeds Liberation Serif (body) and Liberation Sans
// (headings, letterhead). A Word file names fonts rather than embedding
// them; it names Times New Roman and Arial, which every Word installation
// has and which Liberation Serif and Sans match metric for metric, so a line
// breaks where it would with the Liberation faces (and LibreOffice, lacking
// the Microsoft fonts, substitutes the Liberation ones).
#include "docx/parts.hpp"
#include "docx/xml.hpp"

namespace docx {

namespace {

constexpr const char* kSerif = "Times New Roman";
constexpr const char* kSans = "Arial";

std::string fonts(const char* font) {
    return std::string("<w:rFonts w:ascii=\"") + font + "\" w:hAnsi=\"" + font + "\" w:cs=\"" + font +
           "\" w:eastAsia=\"" + font + "\"/>";
}

std::string size(double points) {
    const auto hp = std::to_string(half_points(points));
    return "<w:sz w:val=\"" + hp + "\"/><w:szCs w:val=\"" + hp + "\"/>";
}

std::string spacing(double before, double after, int line = 0) {
    return "<w:spacing w:before=\"" + std::to_string(twips(before)) + "\" w:after=\"" + std::to_string(twips(after)) +
           "\"" + (line ? " w:line=\"" + std::to_string(line) + "\" w:lineRule=\"auto\"" : "") + "/>";
}

// A paragraph style; `name` is Word's built-in name where there is one
// ("heading 1" shows as "Rubrik 1" in a Swedish Word), so that Word treats it
// as its own (navigation pane, table of contents, outline).
std::string paragraph_style(const std::string& id, const std::string& name, const std::string& ppr,
                            const std::string& rpr, bool quick = false, const std::string& next = "") {
    return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
           "\"/><w:basedOn w:val=\"Normal\"/>" + (next.empty() ? "" : "<w:next w:val=\"" + next + "\"/>") +
           (quick ? "<w:qFormat/>" : "") + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") +
           (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "</w:style>";
}

}  // namespace

std::string styles_part(const doc::Document& document) {
    const auto language = escape(document.meta.language.empty() ? "sv-SE" : document.meta.language);
    // Line spacing: the PDF sets body lines at 1.3 × the size; Word's
    // "single" is already about 1.15 × for these faces, so 1.13 × single
    // (w:line 271 of 240) gives the PDF's line.
    std::string out = std::string(kXmlDeclaration) + "<w:styles " + kWordNamespaces +
                      "><w:docDefaults><w:rPrDefault><w:rPr>" + fonts(kSerif) + size(look::body_size) +
                      "<w:lang w:val=\"" + language + "\" w:eastAsia=\"" + language + "\" w:bidi=\"" + language +
                      "\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>" + spacing(0, look::paragraph_space, 271) +
                      "</w:pPr></w:pPrDefault></w:docDefaults>";
    out +=
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        "<w:pPr><w:widowControl/></w:pPr></w:style>";
    out +=
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default "
        "Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>";
    out +=
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal "
        "Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" "
        "w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right "
        "w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
    for (int level = 1; level <= 6; ++level) {
        const auto& h = look::headings[level - 1];
        out += paragraph_style("Heading" + std::to_string(level), "heading " + std::to_string(level),
                               "<w:keepNext/><w:keepLines/>" + spacing(h.space_before, h.space_after, 240) +
                                   "<w:outlineLvl w:val=\"" + std::to_string(level - 1) + "\"/>",
                               fonts(kSans) + "<w:b/><w:bCs/>" + size(h.size), true, "Normal");
    }
    out += paragraph_style("ListParagraph", "List Paragraph", spacing(0, look::list_item_space), "", true);
    // Word's built-in "Quote" ("Citat" in a Swedish Word), set off as the PDF
    // sets a block quotation: indented on both sides, upright.
    out += paragraph_style("Quote", "Quote",
                           "<w:ind w:left=\"" + std::to_string(twips(look::quote_indent)) + "\" w:right=\"" +
                               std::to_string(twips(look::quote_indent)) + "\"/>",
                           "", true);
    out += paragraph_style("TableText", "Tabelltext", spacing(1, 1, 240) + "<w:contextualSpacing/>",
                           size(look::table_size), true);
    out += paragraph_style("TableEnd", "Efter tabell", spacing(0, 0, 240), size(look::paragraph_space));
    out += paragraph_style("Caption", "caption", "<w:keepNext/>" + spacing(look::paragraph_space, 2, 240),
                           fonts(kSans) + "<w:b/><w:bCs/>" + size(look::chart_caption_size), true);
    out += paragraph_style("ChartParagraph", "Diagram", "<w:keepLines/>", "");
    out += paragraph_style("Signature", "Signature", spacing(0, 0, 240), "");
    out += paragraph_style("Letterhead", "Brevhuvud", spacing(0, 0, 240), fonts(kSans));
    out += paragraph_style("Header", "header", spacing(0, 0, 240), fonts(kSans) + size(look::furniture_size));
    out += paragraph_style("FootnoteText", "footnote text", spacing(0, 2, 240), size(look::footnote_size));
    for (int level = 1; level <= 9; ++level)
        out +=
            paragraph_style("TOC" + std::to_string(level), "toc " + std::to_string(level),
                            "<w:tabs><w:tab w:val=\"left\" w:pos=\"" + std::to_string(twips(36 * level)) +
                                "\"/><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9060\"/></w:tabs>" +
                                spacing(0, 2) + "<w:ind w:left=\"" + std::to_string(twips(18 * (level - 1))) + "\"/>",
                            "");
    out +=
        "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote "
        "reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>";
    out +=
        "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color "
        "w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>";
    // The tables' look (layout/style.hpp): cell padding, rules between the
    // rows; the head and total rows' rules are on their cells.
    out +=
        "<w:style w:type=\"table\" w:styleId=\"FuelTable\"><w:name w:val=\"Tabell\"/><w:basedOn "
        "w:val=\"TableNormal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:tblPr><w:tblBorders><w:insideH "
        "w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"BFBFBF\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"" +
        std::to_string(twips(look::cell_padding_x)) + "\" w:type=\"dxa\"/><w:right w:w=\"" +
        std::to_string(twips(look::cell_padding_x)) + "\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
    return out + "</w:styles>";
}

// Two abstract lists, bullets and "1.", each restarted per list by its own
// instance (<w:num> with a start override on the list's level).
std::string numbering_part(const Context& context) {
    std::string out = std::string(kXmlDeclaration) + "<w:numbering " + kWordNamespaces + ">";
    const char* bullets[] = {"\u2022", "\u2013", "\u2022"};
    for (int abstract = 0; abstract < 2; ++abstract) {
        out += "<w:abstractNum w:abstractNumId=\"" + std::to_string(abstract) +
               "\"><w:multiLevelType w:val=\"hybridMultilevel\"/>";
        for (int level = 0; level < 9; ++level) {
            const auto left = std::to_string(twips(look::list_gutter * (level + 1)));
            out += "<w:lvl w:ilvl=\"" + std::to_string(level) + "\"><w:start w:val=\"1\"/>";
            if (abstract == 0)
                out += std::string("<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"") + bullets[level % 3] + "\"/>";
            else
                out += "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%" + std::to_string(level + 1) + ".\"/>";
            out += "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" + left + "\" w:hanging=\"" +
                   std::to_string(twips(look::list_gutter)) + "\"/></w:pPr></w:lvl>";
        }
        out += "</w:abstractNum>";
    }
    for (std::size_t i = 0; i < context.lists.size(); ++i) {
        const auto& list = context.lists[i];
        out += "<w:num w:numId=\"" + std::to_string(i + 1) + "\"><w:abstractNumId w:val=\"" +
               (list.ordered ? "1" : "0") + "\"/>";
        if (list.ordered)
            out += "<w:lvlOverride w:ilvl=\"" + std::to_string(list.level) + "\"><w:startOverride w:val=\"" +
                   std::to_string(list.start) + "\"/></w:lvlOverride>";
        out += "</w:num>";
    }
    return out + "</w:numbering>";
}

// A document with a table of contents asks Word to update its fields when
// it is opened (17.15.1.90): the page numbers are where Word breaks the
// pages, which only Word knows. Word asks the reader first.
std::string settings_part(const doc::Document& document, const Context& context) {
    const auto language = escape(document.meta.language.empty() ? "sv-SE" : document.meta.language);
    return std::string(kXmlDeclaration) + "<w:settings " + kWordNamespaces +
           "><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"1304\"/>"
           "<w:characterSpacingControl w:val=\"doNotCompress\"/>" +
           (context.has_contents ? "<w:updateFields w:val=\"true\"/>" : "") +
           "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote "
           "w:id=\"0\"/></w:footnotePr><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
           "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"" +
           language + "\"/><w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/></w:settings>";
}

// The separators Word expects (ids -1 and 0), then each note: its number
// (w:footnoteRef, which Word keeps in step with the reference) and text.
std::string footnotes_part(const Context& context) {
    std::string out = std::string(kXmlDeclaration) + "<w:footnotes " + kWordNamespaces +
                      "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" "
                      "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
                      "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" "
                      "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>"
                      "</w:footnote>";
    for (std::size_t i = 0; i < context.footnotes.size(); ++i)
        out += "<w:footnote w:id=\"" + std::to_string(i + 1) +
               "\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle "
               "w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> "
               "</w:t></w:r>" +
               context.footnotes[i] + "</w:p></w:footnote>";
    return out + "</w:footnotes>";
}

}  // namespace docx
