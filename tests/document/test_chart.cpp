// The ```chart block: its data, the value axis, the Swedish labels and the
// alternative text, and the errors a template writer sees.
#include <catch2/catch.hpp>

#include "document/fenced_blocks.hpp"
#include "document/markdown_to_doc.hpp"

namespace {

const std::string kNbsp = "\u00A0";

std::vector<std::string> tick_labels(const doc::Chart& chart) {
    std::vector<std::string> out;
    for (const auto& t : chart.ticks) out.push_back(t.label);
    return out;
}

doc::Chart parse(const std::string& body, std::vector<std::string>& errors) { return doc::parse_chart(body, errors); }

}  // namespace

TEST_CASE("document: a bar chart reads its rows and formats values and axis the Swedish way") {
    std::vector<std::string> errors;
    const auto chart = parse(
        "kind: bars\ntitle: Beviljade medel per stadsdelsförvaltning\nunit: tkr\ndata:\n"
        "Rinkeby | 3836\nSpånga-Tensta | 1 200\nSkärholmen | 12500\n",
        errors);
    CHECK(errors.empty());
    CHECK(chart.kind == doc::ChartKind::Bars);
    CHECK(chart.categories == std::vector<std::string>{"Rinkeby", "Spånga-Tensta", "Skärholmen"});
    REQUIRE(chart.series.size() == 1);
    CHECK(chart.series[0].values == std::vector<double>{3836, 1200, 12500});
    CHECK(chart.series[0].labels ==
          std::vector<std::string>{"3" + kNbsp + "836", "1" + kNbsp + "200", "12" + kNbsp + "500"});
    // Heckbert's nice numbers: about five steps of 1, 2 or 5 × 10^k from zero.
    CHECK(tick_labels(chart) ==
          std::vector<std::string>{"0", "5" + kNbsp + "000", "10" + kNbsp + "000", "15" + kNbsp + "000"});
    CHECK(chart.alt == "Stapeldiagram: Beviljade medel per stadsdelsförvaltning; högst Skärholmen 12" + kNbsp + "500" +
                           kNbsp + "tkr, lägst Spånga-Tensta 1" + kNbsp + "200" + kNbsp + "tkr.");
}

TEST_CASE("document: a chart keeps the decimals of its data and sorts when asked") {
    std::vector<std::string> errors;
    const auto chart = parse(
        "kind: bars\ntitle: Minskning\nunit: procent\nsort: descending\ndata:\n"
        "Kista | 13,4\nRinkeby | 57.8\nBromma | 37,5\n",
        errors);
    CHECK(errors.empty());
    CHECK(chart.categories == std::vector<std::string>{"Rinkeby", "Bromma", "Kista"});
    CHECK(chart.series[0].labels == std::vector<std::string>{"57,8", "37,5", "13,4"});
    CHECK(tick_labels(chart) == std::vector<std::string>{"0", "20", "40", "60"});
    CHECK(chart.alt.find("högst Rinkeby 57,8" + kNbsp + "procent, lägst Kista 13,4" + kNbsp + "procent") !=
          std::string::npos);
}

TEST_CASE("document: a line chart with two series names both and tells where each starts and ends") {
    std::vector<std::string> errors;
    const auto chart = parse(
        "kind: line\ntitle: Hushåll med försörjningsstöd\nseries: Staden | Rinkeby\ndata:\n"
        "1999 | 20000 | 3000\n2001 | 15000 | 2000\n2003 | 12500 | 1266\n",
        errors);
    CHECK(errors.empty());
    REQUIRE(chart.series.size() == 2);
    CHECK(chart.series[1].name == "Rinkeby");
    CHECK(chart.alt.rfind("Linjediagram: Hushåll med försörjningsstöd; Staden och Rinkeby.", 0) == 0);
    CHECK(chart.alt.find("Staden: från 20" + kNbsp + "000 1999 till 12" + kNbsp + "500 2003") != std::string::npos);
    CHECK(chart.alt.find("Rinkeby: från 3" + kNbsp + "000 1999 till 1" + kNbsp + "266 2003") != std::string::npos);
}

TEST_CASE("document: negative values extend the axis below zero") {
    std::vector<std::string> errors;
    const auto chart = parse("kind: columns\ndata:\nA | -12\nB | 30\n", errors);
    CHECK(errors.empty());
    CHECK(chart.ticks.front().value < -12);
    CHECK(chart.ticks.back().value >= 30);
    CHECK(chart.ticks.front().label == "\u2212" + std::string("20"));
}

TEST_CASE("document: the alternative text leaves out the figure's number") {
    std::vector<std::string> errors;
    const auto chart = parse("kind: bars\ntitle: Diagram 1.3 Beviljade medel\ndata:\nA | 1\n", errors);
    CHECK(chart.title == "Diagram 1.3 Beviljade medel");
    CHECK(chart.alt.rfind("Stapeldiagram: Beviljade medel; högst A 1", 0) == 0);
}

TEST_CASE("document: a template's own alternative text is kept") {
    std::vector<std::string> errors;
    const auto chart = parse("kind: columns\nalt: Egen text.\ndata:\nA | 1\n", errors);
    CHECK(chart.alt == "Egen text.");
}

TEST_CASE("document: chart errors name the row and the value") {
    std::vector<std::string> errors;
    parse("kind: pie\ncolour: red\ndata:\nA | 1 | 2\nB | x | 3\nC | 4\nD\n", errors);
    REQUIRE(errors.size() == 6);
    CHECK(errors[0] == "kind: \"pie\" is not columns, bars or line");
    CHECK(errors[1] == "unknown key \"colour\"");
    CHECK(errors[2] == "data row 2: \"x\" is not a number");
    CHECK(errors[3] == "data row 3 has 1 values; the first row has 2");
    CHECK(errors[4] == "data row 4: \"D\" has no value; write \"category | value\"");
    CHECK(errors[5] == "series: name each of the 2 series");

    errors.clear();
    parse("kind: bars\n", errors);
    CHECK(errors == std::vector<std::string>{"the chart has no data rows"});
}

TEST_CASE("document: a chart block in a template becomes a Chart node and its errors are located") {
    core::Diagnostics diagnostics;
    const auto blocks = doc::markdown_to_blocks(
        "Text\n\n```chart\nkind: bars\ndata:\nA | 1\n```\n\n```chart\nkind: "
        "bars\ndata:\nA | y\n```\n",
        "t.md", 1, diagnostics);
    REQUIRE(blocks.size() == 3);
    CHECK(std::holds_alternative<doc::Chart>(blocks[1].node));
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].message == "chart: data row 1: \"y\" is not a number");
    // At the data row at fault, not at the block's fence (line 9).
    CHECK(diagnostics.items()[0].where.line == 12);
    CHECK(diagnostics.items()[0].where.column == 1);
}

TEST_CASE("document: the dump shows a chart's kind, labels, axis and alternative text") {
    std::vector<std::string> errors;
    doc::Document d;
    d.body.push_back({doc::parse_chart("kind: line\ntitle: T\nunit: st\ndata:\n2024 | 3\n2025 | 4\n", errors)});
    const std::string dump = doc::dump(d);
    CHECK(dump.find("Chart line \"T\" unit=\"st\"\n") != std::string::npos);
    CHECK(dump.find("categories: [\"2024\", \"2025\"]") != std::string::npos);
    CHECK(dump.find("Series \"\": [\"3\", \"4\"]") != std::string::npos);
    CHECK(dump.find("ticks: [\"0\", \"1\", \"2\", \"3\", \"4\"]") != std::string::npos);
    CHECK(dump.find("alt: \"Linjediagram: T; från 3") != std::string::npos);
}

TEST_CASE("document: extreme chart values give a finite axis or an error, never a crash") {
    const char* values[] = {"1e5", "99999999999999999999",           "0,000001", "-0",          "1.2.3", "--4",
                            "",    "123456789012345678901234567890", "0.1",      "-99999999999"};
    for (const char* v : values) {
        std::vector<std::string> errors;
        const auto chart = doc::parse_chart(std::string("kind: bars\ndata:\nA | ") + v + "\nB | 2\n", errors);
        CAPTURE(v);
        REQUIRE(chart.ticks.size() >= 2);
        CHECK(chart.ticks.size() <= 12);
        CHECK(chart.ticks.front().value <= 0);
        CHECK(chart.ticks.back().value >= 2);
        for (double x : chart.series.at(0).values) {
            CHECK(x >= chart.ticks.front().value);
            CHECK(x <= chart.ticks.back().value);
        }
    }
}
