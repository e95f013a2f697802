// The city's statistics of recipients of financial assistance, as Excel
// exports them (docs/formats.md, "Recipients of financial assistance"):
// every value that cannot be read is named at its cell.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "ingest/readers.hpp"

namespace {

// The diagnostic of `severity` whose message holds `text`; nullptr if none.
const core::Diagnostic* find(const core::Diagnostics& d, core::Severity severity, const std::string& text) {
    for (const auto& item : d.items())
        if (item.severity == severity && item.message.find(text) != std::string::npos) return &item;
    return nullptr;
}

// One bad row after a good header; the diagnostic it gives.
struct Bad {
    std::vector<model::RecipientCount> rows;
    core::Diagnostics diagnostics;
};

Bad read_row(const std::string& row) {
    Bad bad;
    bad.rows = ingest::parse_recipient_statistics(
        "förvaltning;år;bidragstagare\r\nBromma;1999;1 000\r\n" + row + "\r\n", "bistand.csv", bad.diagnostics);
    return bad;
}

}  // namespace

TEST_CASE("recipient statistics: Excel's form, columns in any order and case, digits grouped") {
    core::Diagnostics diagnostics;
    // BOM, CRLF, a non-breaking space between thousands (Swedish Excel), a
    // plain space, an ungrouped number, the columns reordered and capitalised.
    const std::string csv =
        "\xEF\xBB\xBF"
        "Bidragstagare; ÅR ;Förvaltning\r\n"
        "5\xC2\xA0"
        "200;1999;Järva\r\n"
        "4 503;2003;Järva\r\n"
        "422;2003;Bromma\r\n";
    const auto rows = ingest::parse_recipient_statistics(csv, "bistand.csv", diagnostics);
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    CHECK(diagnostics.items().empty());
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].administration == "Järva");
    CHECK(rows[0].year == 1999);
    CHECK(rows[0].recipients == 5200);
    CHECK(rows[1].recipients == 4503);
    CHECK(rows[2].administration == "Bromma");
    CHECK(rows[2].recipients == 422);
    CHECK(rows[2].where.file == "bistand.csv");
    CHECK(rows[2].where.line == 4);
}

TEST_CASE("recipient statistics: the fixture of the 2026 round reads without a problem") {
    core::Diagnostics diagnostics;
    const auto rows = ingest::read_recipient_statistics(
        std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2026/ekonomiskt-bistand.csv", diagnostics);
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    CHECK(diagnostics.items().empty());
    // Twelve districts, five years (fixtures/lum-mul-2026/README.md).
    CHECK(rows.size() == 60);
}

TEST_CASE("recipient statistics: a negative count is read as written, for transform to judge") {
    for (const std::string minus : {"-", "\xE2\x88\x92"}) {
        const auto bad = read_row("Farsta;2003;" + minus + "1 200");
        CHECK(bad.diagnostics.error_count() == 0);
        REQUIRE(bad.rows.size() == 2);
        CHECK(bad.rows[1].recipients == -1200);
    }
}

TEST_CASE("recipient statistics: each bad value is an error at its line and column, and its row is left out") {
    struct Case {
        std::string row;
        std::string message;
        int column;
    };
    // "Farsta;" is 7 characters, "Farsta;2003;" 12: the year is in column
    // 8, the count in column 13; "Järva" counts five characters, not six bytes.
    const std::vector<Case> cases = {
        {"Farsta;2003;12,5", "has decimals", 13},
        {"Farsta;2003;1.000", "a dot in the number", 13},
        {"Farsta;2003;1 20", "badly grouped number", 13},
        {"Farsta;2003;1 200 st", "not a number", 13},
        {"Farsta;2003;många", "not a number", 13},
        {"Farsta;2003;-", "not a number", 13},
        {"Farsta;2003;", "bidragstagare is empty", 13},
        {"Farsta;03;1 200", "is not a year", 8},
        {"Farsta;tvåtusen;1 200", "is not a year", 8},
        {"Farsta;0999;1 200", "is outside", 8},
        {"Järva;2003;1,5", "has decimals", 12},
        {";2003;1 200", "förvaltning is empty", 1},
        {"Farsta;2003;9999999999999999", "number too large", 13},
    };
    for (const auto& c : cases) {
        INFO(c.row);
        const auto bad = read_row(c.row);
        const auto* d = find(bad.diagnostics, core::Severity::Error, c.message);
        for (const auto& item : bad.diagnostics.items()) UNSCOPED_INFO(core::to_string(item));
        REQUIRE(d != nullptr);
        CHECK(d->where.file == "bistand.csv");
        CHECK(d->where.line == 3);
        CHECK(d->where.column == c.column);
        CHECK(bad.diagnostics.error_count() == 1);
        CHECK(bad.rows.size() == 1);  // the good row only
    }
}

TEST_CASE("recipient statistics: an unknown or missing column is refused with the closest name") {
    core::Diagnostics diagnostics;
    ingest::parse_recipient_statistics("förvaltning;år;bidragstagre\nBromma;1999;1 000\n", "bistand.csv", diagnostics);
    const auto* unknown = find(diagnostics, core::Severity::Error, "unknown column \"bidragstagre\"");
    REQUIRE(unknown != nullptr);
    CHECK(unknown->message.find("did you mean bidragstagare?") != std::string::npos);
    CHECK(unknown->where.line == 1);
    CHECK(unknown->where.column == 16);
    CHECK(find(diagnostics, core::Severity::Error, "the header has no column bidragstagare") != nullptr);
}

TEST_CASE("recipient statistics: round.xml names the file once, in its folder, apart from the registers") {
    std::ifstream in(std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2026/round.xml", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string xml = buffer.str();
    const std::string element = "<statistics href=\"ekonomiskt-bistand.csv\"/>";
    REQUIRE(xml.find(element) != std::string::npos);
    auto with = [&](const std::string& replacement) {
        std::string changed = xml;
        changed.replace(changed.find(element), element.size(), replacement);
        return changed;
    };
    {
        core::Diagnostics diagnostics;
        const auto round = ingest::parse_round(xml, "round.xml", diagnostics);
        REQUIRE(round);
        CHECK(round->statistics_source == "ekonomiskt-bistand.csv");
        CHECK(diagnostics.error_count() == 0);
    }
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"<statistics href=\"rapporter.csv\"/>", "the statistics must be a file of their own"},
        {element + element, "<statistics> may be given only once"},
        {"<statistics href=\"../bistand.csv\"/>", "<statistics href> must name a file in the round's folder"},
    };
    for (const auto& [replacement, message] : cases) {
        INFO(replacement);
        core::Diagnostics diagnostics;
        ingest::parse_round(with(replacement), "round.xml", diagnostics);
        CHECK(find(diagnostics, core::Severity::Error, message) != nullptr);
    }
}
