// The page furniture: the letterhead in the first page's header, the running
// header and page mark in the other pages' header (ECMA-376 Part 1, 17.10),
// and the section's page size and margins (17.6), the PDF's.
#include <variant>

#include "docx/parts.hpp"
#include "docx/xml.hpp"

namespace docx {

namespace {

// The letterhead's type: a sans face, large for the organisation and the
// document type, small for the rest (layout/style.hpp).
constexpr const char* kSans = "Arial";

// Between the upper and the lower half of the letterhead, as in the PDF.
constexpr double kLowerHalfSpace = 14;

std::string paragraph_start(double before) {
    return "<w:p><w:pPr><w:pStyle w:val=\"Letterhead\"/>" +
           (before > 0 ? "<w:spacing w:before=\"" + std::to_string(twips(before)) + "\"/>" : std::string()) +
           "</w:pPr>";
}

std::string line(const std::string& text, double size, bool bold, double before = 0) {
    return paragraph_start(before) + text_run(text, {bold, size, kSans}) + "</w:p>";
}

std::string lines(const std::vector<std::string>& texts, double size, bool bold, double before = 0) {
    std::string out;
    for (const auto& t : texts) out += line(t, size, bold, out.empty() ? before : 0);
    return out;
}

// `top`: space above the cell's text, as a cell margin (a paragraph's space
// before is dropped at the top of a cell by LibreOffice).
std::string cell(const std::string& content, long width, double top) {
    return "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>" +
           (top > 0 ? "<w:tcMar><w:top w:w=\"" + std::to_string(twips(top)) + "\" w:type=\"dxa\"/></w:tcMar>"
                    : std::string()) +
           "</w:tcPr>" + (content.empty() ? "<w:p><w:pPr><w:pStyle w:val=\"Letterhead\"/></w:pPr></w:p>" : content) +
           "</w:tc>";
}

// Where the other pages' header sits: the PDF's running header stands
// furniture_raise above the text area.
double header_distance(const doc::PageSetup& page) {
    return std::max(0.0, page.margin_top - look::furniture_raise - look::furniture_size);
}

std::string header_part(const std::string& content) {
    return std::string(kXmlDeclaration) + "<w:hdr " + kWordNamespaces + ">" + content + "</w:hdr>";
}

}  // namespace

// Organisation and department on the left, document type, diary number and
// page mark on the right; below them the case officers and the addressee
// with the date, as the committee form has them.
std::string letterhead_table(const doc::Letterhead& l, Context& context, double space_above) {
    const long half = context.text_width / 2;
    std::string left = l.organisation.empty() ? "" : line(l.organisation.front(), look::letterhead_large_size, true);
    for (std::size_t i = 1; i < l.organisation.size(); ++i)
        left += line(l.organisation[i], look::letterhead_small_size, false);
    std::string right = l.document_type.empty() ? "" : line(l.document_type, look::letterhead_large_size, true);
    if (!l.diary_number.empty()) right += line(l.diary_number, look::letterhead_small_size, false);
    if (!context.document->page.page_mark.empty())
        right += paragraph_start(0) +
                 runs(context.document->page.page_mark, context, {false, look::letterhead_small_size, kSans}) +
                 "</w:p>";
    auto lower = [](const std::vector<std::string>& heading, const std::vector<std::string>& body) {
        return lines(heading, look::letterhead_small_size, true) + lines(body, look::letterhead_small_size, false);
    };
    const auto lower_left = lower(l.left_heading, l.left_lines);
    const auto lower_right = lower(l.right_heading, l.right_lines);
    std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(half * 2) +
                      "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" "
                      "w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook "
                      "w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"" +
                      std::to_string(half) + "\"/><w:gridCol w:w=\"" + std::to_string(half) + "\"/></w:tblGrid>";
    out += "<w:tr>" + cell(left, half, space_above) + cell(right, half, space_above) + "</w:tr>";
    if (!lower_left.empty() || !lower_right.empty())
        out +=
            "<w:tr>" + cell(lower_left, half, kLowerHalfSpace) + cell(lower_right, half, kLowerHalfSpace) + "</w:tr>";
    return out + "</w:tbl>";
}

std::string first_page_header(const doc::Blocks& blocks, Context& context) {
    std::string content;
    if (!blocks.empty())
        if (const auto* l = std::get_if<doc::Letterhead>(&blocks.front().node))
            content = letterhead_table(*l, context,
                                       context.document->page.margin_top - header_distance(context.document->page));
    // A header ends with a paragraph (17.10.4): after the table, the space
    // between the letterhead and the text.
    return header_part(content + "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p>");
}

// The running header on the left and "Sida X (N)" on the right, on one line
// with a right tab at the margin.
std::string default_header(const doc::PageSetup& page, Context& context) {
    const RunLook small{false, look::furniture_size, ""};
    std::string content = "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"" +
                          std::to_string(context.text_width) + "\"/></w:tabs></w:pPr>" +
                          runs(page.running_header, context, small);
    if (!page.page_mark.empty()) content += "<w:r><w:tab/></w:r>" + runs(page.page_mark, context, small);
    return header_part(content + "</w:p>");
}

// A4 with the PDF's margins; the other pages' header sits where the PDF
// sets its running header, furniture_raise above the text area.
std::string section_properties(const doc::PageSetup& page) {
    const long header = twips(header_distance(page));
    return "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeaderDefault\"/>"
           "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/><w:pgSz w:w=\"" +
           std::to_string(twips(page.width)) + "\" w:h=\"" + std::to_string(twips(page.height)) +
           "\"/><w:pgMar w:top=\"" + std::to_string(twips(page.margin_top)) + "\" w:right=\"" +
           std::to_string(twips(page.margin_right)) + "\" w:bottom=\"" + std::to_string(twips(page.margin_bottom)) +
           "\" w:left=\"" + std::to_string(twips(page.margin_left)) + "\" w:header=\"" + std::to_string(header) +
           "\" w:footer=\"" + std::to_string(header) + "\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>";
}

}  // namespace docx
