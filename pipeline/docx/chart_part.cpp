// Charts as Word charts (DrawingML, ECMA-376 Part 1, 21.2): a c:chartSpace
// part holding the categories, the series and their values, so that Word
// and LibreOffice draw the chart themselves and a case officer can restyle
// it, change its type or edit its numbers. The values travel as the series'
// caches (c:strCache, c:numCache), which every reader draws from, and in the
// embedded workbook the references name (chart_workbook.cpp), which Word's
// "Redigera data" opens.
#include <cmath>
#include <cstdio>

#include "docx/parts.hpp"
#include "docx/xml.hpp"

namespace docx {

namespace {

// The PDF's and HTML's fills, dark to light (html/chart_svg.cpp).
constexpr const char* kFills[] = {"404040", "8C8C8C", "666666"};
constexpr long kEmuPerPoint = 12700;

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

// Excel-style column letters for the references the caches stand for.
std::string column(std::size_t index) {
    std::string name;
    for (++index; index > 0; index = (index - 1) / 26) name.insert(name.begin(), char('A' + (index - 1) % 26));
    return name;
}

std::string string_cache(const std::vector<std::string>& values) {
    std::string out = "<c:strCache><c:ptCount val=\"" + std::to_string(values.size()) + "\"/>";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += "<c:pt idx=\"" + std::to_string(i) + "\"><c:v>" + escape(values[i]) + "</c:v></c:pt>";
    return out + "</c:strCache>";
}

bool whole_numbers(const doc::Chart& chart) {
    for (const auto& s : chart.series)
        for (const auto v : s.values)
            if (v != std::floor(v)) return false;
    return true;
}

std::string text_properties(double size, bool bold = false) {
    return "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"" +
           std::to_string(static_cast<int>(size * 100)) + "\" b=\"" + (bold ? "1" : "0") +
           "\"><a:latin typeface=\"Arial\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"sv-SE\"/></a:p></c:txPr>";
}

std::string series(const doc::Chart& chart, std::size_t i, const std::string& format) {
    const auto& s = chart.series[i];
    const auto n = chart.categories.size();
    const auto col = column(i + 1);
    const std::string name = s.name.empty() ? chart.title : s.name;
    const auto fill = kFills[i % 3];
    std::string out = "<c:ser><c:idx val=\"" + std::to_string(i) + "\"/><c:order val=\"" + std::to_string(i) +
                      "\"/><c:tx><c:strRef><c:f>Blad1!$" + col + "$1</c:f>" + string_cache({name}) +
                      "</c:strRef></c:tx>";
    if (chart.kind == doc::ChartKind::Line)
        out += "<c:spPr><a:ln w=\"28575\"><a:solidFill><a:srgbClr val=\"" + std::string(fill) +
               "\"/></a:solidFill></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size "
               "val=\"5\"/></c:marker>";
    else
        out += "<c:spPr><a:solidFill><a:srgbClr val=\"" + std::string(fill) +
               "\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>";
    out += "<c:cat><c:strRef><c:f>Blad1!$A$2:$A$" + std::to_string(n + 1) + "</c:f>" + string_cache(chart.categories) +
           "</c:strRef></c:cat>";
    out += "<c:val><c:numRef><c:f>Blad1!$" + col + "$2:$" + col + "$" + std::to_string(n + 1) +
           "</c:f><c:numCache><c:formatCode>" + format + "</c:formatCode><c:ptCount val=\"" + std::to_string(n) +
           "\"/>";
    for (std::size_t k = 0; k < n && k < s.values.size(); ++k)
        out += "<c:pt idx=\"" + std::to_string(k) + "\"><c:v>" + number(s.values[k]) + "</c:v></c:pt>";
    out += "</c:numCache></c:numRef></c:val>";
    if (chart.kind == doc::ChartKind::Line) out += "<c:smooth val=\"0\"/>";
    return out + "</c:ser>";
}

std::string axis_title(const std::string& text) {
    return "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"" +
           std::to_string(static_cast<int>(look::chart_label_size * 100)) +
           "\" b=\"0\"/></a:pPr><a:r><a:rPr lang=\"sv-SE\" sz=\"" +
           std::to_string(static_cast<int>(look::chart_label_size * 100)) + "\" b=\"0\"/><a:t>" + escape(text) +
           "</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>";
}

}  // namespace

std::string chart_relationships(std::size_t index) {
    return std::string(kXmlDeclaration) +
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
           "Id=\"rIdData\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" "
           "Target=\"../embeddings/Microsoft_Excel_Worksheet" +
           std::to_string(index) + ".xlsx\"/></Relationships>";
}

std::string chart_part(const doc::Chart& chart, const std::string& language) {
    const bool bars = chart.kind == doc::ChartKind::Bars;
    const bool line = chart.kind == doc::ChartKind::Line;
    // Excel's format codes use "," for groups; a Swedish Word shows a space.
    const std::string format = whole_numbers(chart) ? "#,##0" : "#,##0.0";
    std::string out = std::string(kXmlDeclaration) +
                      "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
                      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                      "<c:date1904 val=\"0\"/><c:lang val=\"" +
                      escape(language) +
                      "\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/>"
                      "<c:plotArea><c:layout/>";
    out += line ? "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
                : std::string("<c:barChart><c:barDir val=\"") + (bars ? "bar" : "col") +
                      "\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>";
    for (std::size_t i = 0; i < chart.series.size(); ++i) out += series(chart, i, format);
    // The value of every bar or point written at it, as the PDF does.
    out += "<c:dLbls><c:numFmt formatCode=\"" + format +
           "\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/>"
           "</a:ln></c:spPr>" +
           text_properties(look::chart_label_size) + (line ? "<c:dLblPos val=\"t\"/>" : "<c:dLblPos val=\"outEnd\"/>") +
           "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName "
           "val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>";
    if (line)
        out += "<c:marker val=\"1\"/>";
    else
        out += "<c:gapWidth val=\"60\"/>";
    out += "<c:axId val=\"1001\"/><c:axId val=\"1002\"/>";
    out += line ? "</c:lineChart>" : "</c:barChart>";
    // Horizontal bars list the categories from the top, as the PDF does.
    out += std::string("<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"") +
           (bars ? "maxMin" : "minMax") + "\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"" + (bars ? "l" : "b") +
           "\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark "
           "val=\"none\"/><c:tickLblPos val=\"low\"/>" +
           text_properties(look::chart_label_size) +
           "<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/>"
           "<c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>";
    // The value axis as the document stage scaled it: from the first tick to
    // the last, a gridline at each.
    out += "<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>";
    if (chart.ticks.size() >= 2)
        out += "<c:max val=\"" + number(chart.ticks.back().value) + "\"/><c:min val=\"" +
               number(chart.ticks.front().value) + "\"/>";
    out += std::string("</c:scaling><c:delete val=\"0\"/><c:axPos val=\"") + (bars ? "b" : "l") +
           "\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"BFBFBF\"/></a:solidFill>"
           "</a:ln></c:spPr></c:majorGridlines>";
    if (!chart.unit.empty()) out += axis_title(chart.unit);
    out += "<c:numFmt formatCode=\"" + format +
           "\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos "
           "val=\"nextTo\"/>" +
           text_properties(look::chart_label_size) + "<c:crossAx val=\"1001\"/>" +
           // Bars list their categories from the top; the value axis then
           // crosses at the last one, so that it stays at the bottom.
           (bars ? "<c:crosses val=\"max\"/>" : "<c:crosses val=\"autoZero\"/>") +
           (line ? "<c:crossBetween val=\"midCat\"/>" : "<c:crossBetween val=\"between\"/>");
    if (chart.ticks.size() >= 2)
        out += "<c:majorUnit val=\"" + number(chart.ticks[1].value - chart.ticks[0].value) + "\"/>";
    out += "</c:valAx></c:plotArea>";
    if (chart.series.size() > 1)
        out += "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>" + text_properties(look::chart_label_size) +
               "</c:legend>";
    out +=
        "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" +
        text_properties(look::chart_label_size) +
        "<c:externalData r:id=\"rIdData\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>";
    return out;
}

// The chart inline in its paragraph, the text width wide, with the
// document stage's alternative text as its description (wp:docPr descr),
// which Word reads out and shows as "Alternativ text".
std::string chart_drawing(const doc::Chart& chart, std::size_t index, Context& context) {
    const double width = context.text_width / 20.0;
    const double height = chart.kind == doc::ChartKind::Bars
                              ? std::max(120.0, 40.0 + 22.0 * static_cast<double>(chart.categories.size()) *
                                                           std::max<std::size_t>(1, chart.series.size()))
                              : width * 0.55;
    const auto id = std::to_string(context.next_id++);
    return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"" +
           std::to_string(static_cast<long>(width * kEmuPerPoint)) + "\" cy=\"" +
           std::to_string(static_cast<long>(height * kEmuPerPoint)) +
           "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"" + id + "\" name=\"Diagram " +
           std::to_string(index) + "\" descr=\"" + escape(chart.alt) + "\" title=\"" + escape(chart.title) +
           "\"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData "
           "uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart r:id=\"rIdChart" +
           std::to_string(index) + "\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
}

}  // namespace docx
