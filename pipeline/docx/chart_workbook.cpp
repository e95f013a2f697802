// The workbook embedded in each chart (ECMA-376 Part 1, 21.2.2.63
// externalData): the chart's categories and series on a sheet "Blad1",
// where the chart's references point, so that Word's "Redigera data" opens
// the numbers the chart is drawn from. A bare SpreadsheetML package of one
// sheet with inline strings: written here, since this stage depends on the
// document stage alone, and zipped like the document itself.
#include <cstdio>

#include "docx/package.hpp"
#include "docx/parts.hpp"
#include "docx/xml.hpp"

namespace docx {

namespace {

std::string column_name(std::size_t index) {
    std::string name;
    for (++index; index > 0; index = (index - 1) / 26) name.insert(name.begin(), char('A' + (index - 1) % 26));
    return name;
}

std::string text_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + escape(text) + "</t></is></c>";
}

std::string number_cell(const std::string& ref, double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return "<c r=\"" + ref + "\"><v>" + buffer + "</v></c>";
}

}  // namespace

std::string chart_workbook(const doc::Chart& chart) {
    const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::string rows = "<row r=\"1\">";
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& name = chart.series[s].name.empty() ? chart.title : chart.series[s].name;
        rows += text_cell(column_name(s + 1) + "1", name);
    }
    rows += "</row>";
    for (std::size_t k = 0; k < chart.categories.size(); ++k) {
        const auto row = std::to_string(k + 2);
        rows += "<row r=\"" + row + "\">" + text_cell("A" + row, chart.categories[k]);
        for (std::size_t s = 0; s < chart.series.size(); ++s)
            if (k < chart.series[s].values.size())
                rows += number_cell(column_name(s + 1) + row, chart.series[s].values[k]);
        rows += "</row>";
    }
    return zip_package({
        {"[Content_Types].xml",
         std::string(kXmlDeclaration) +
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
             "Extension=\"rels\" "
             "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
             "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
             "PartName=\"/xl/worksheets/sheet1.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"},
        {"_rels/.rels", std::string(kXmlDeclaration) +
                            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            "<Relationship Id=\"rId1\" Type=\"" +
                            relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", std::string(kXmlDeclaration) + "<workbook xmlns=\"" + main + "\" xmlns:r=\"" +
                                relationships +
                                "\"><sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         std::string(kXmlDeclaration) +
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
             "Id=\"rId1\" Type=\"" +
             relationships + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", std::string(kXmlDeclaration) + "<worksheet xmlns=\"" + main + "\"><sheetData>" +
                                         rows + "</sheetData></worksheet>"},
    });
}

}  // namespace docx
