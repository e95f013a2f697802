#include <catch2/catch.hpp>

#include <string>

#include "ingest/csv_reader.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_checks.hpp"

using core::Severity;

namespace {

const core::SourceLocation kWhere{"ansokningar.csv", 4, 10};

std::string checked(const std::string& text, core::Diagnostics& diagnostics) {
    return ingest::checked_text(text, kWhere, diagnostics);
}

}  // namespace

TEST_CASE("text checks: plain text passes unchanged and without a diagnostic") {
    core::Diagnostics diagnostics;
    CHECK(checked("Prata om det", diagnostics) == "Prata om det");
    CHECK(checked("Hägersten-Älvsjö\tdel 2\nrad två", diagnostics) == "Hägersten-Älvsjö\tdel 2\nrad två");
    CHECK(diagnostics.empty());
}

TEST_CASE("text checks: decomposed text is made NFC, silently") {
    core::Diagnostics diagnostics;
    // "Söder" with o + U+0308 COMBINING DIAERESIS, as macOS file names and some exports write it.
    CHECK(checked("So\xCC\x88"
                  "der",
                  diagnostics) ==
          "S\xC3\xB6"
          "der");
    CHECK(checked("A\xCC\x8A"
                  "rsta",
                  diagnostics) ==
          "\xC3\x85"
          "rsta");
    CHECK(diagnostics.empty());
}

TEST_CASE("text checks: a control character is an error at its own line and column, and is replaced") {
    core::Diagnostics diagnostics;
    const auto text = checked("ab\nc\x1B[31md", diagnostics);
    REQUIRE(diagnostics.items().size() == 1);
    const auto& d = diagnostics.items().front();
    CHECK(d.severity == Severity::Error);
    CHECK(d.message.find("U+001B") != std::string::npos);
    CHECK(d.where.line == 5);  // the field's second line
    CHECK(d.where.column == 2);
    CHECK(text == "ab\nc[31md");
}

TEST_CASE("text checks: C1 controls, DEL, noncharacters and bidi controls are errors") {
    for (const std::string bad : {"a\x7F", "a\xC2\x85", "a\xC2\x9B", "a\xEF\xBF\xBE", "a\xEF\xBF\xBF", "a\xE2\x80\xAE",
                                  "a\xE2\x80\xAA", "a\xE2\x81\xA6", "a\xE2\x81\xA9", "a\x01", "a\x0B", "a\x0C"}) {
        core::Diagnostics diagnostics;
        checked(bad, diagnostics);
        INFO(bad);
        CHECK(diagnostics.error_count() == 1);
    }
    // The marks that only set the direction of neutral characters are not controls.
    core::Diagnostics diagnostics;
    checked("a\xE2\x80\x8F", diagnostics);
    CHECK(diagnostics.empty());
}

TEST_CASE("text checks: text of white space and zero-width characters is read as empty, with a warning") {
    for (const std::string blank :
         {"\xE2\x80\x8B", " \xE2\x80\x8B\xC2\xA0", "\xEF\xBB\xBF", "\xE2\x81\xA0\xE2\x80\x8D"}) {
        core::Diagnostics diagnostics;
        CHECK(checked(blank, diagnostics).empty());
        REQUIRE(diagnostics.items().size() == 1);
        CHECK(diagnostics.items().front().severity == Severity::Warning);
        CHECK(diagnostics.items().front().where.line == kWhere.line);
    }
    // Joiners inside visible text are kept (emoji sequences, some scripts).
    core::Diagnostics diagnostics;
    CHECK(checked("a\xE2\x80\x8D"
                  "b",
                  diagnostics) ==
          "a\xE2\x80\x8D"
          "b");
    CHECK(diagnostics.empty());
}

TEST_CASE("text checks: a field longer than an Excel cell is an error") {
    core::Diagnostics diagnostics;
    checked(std::string(ingest::kMaxFieldUnits, 'x'), diagnostics);
    CHECK(diagnostics.empty());
    checked(std::string(ingest::kMaxFieldUnits + 1, 'x'), diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.items().front().message.find("32 767") != std::string::npos);
    // Characters outside the BMP count twice, as Excel counts them.
    core::Diagnostics wide;
    std::string emoji;
    for (std::size_t i = 0; i < ingest::kMaxFieldUnits / 2 + 1; ++i) emoji += "\xF0\x9F\x98\x80";
    checked(emoji, wide);
    CHECK(wide.error_count() == 1);
}

TEST_CASE("text checks: the CSV reader checks every field, at the cell's first character") {
    core::Diagnostics diagnostics;
    const auto table = ingest::read_csv(
        "id;titel\nA-1;\"x\x1B\"\nA-2;So\xCC\x88"
        "der\n",
        "a.csv", diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    const auto& d = diagnostics.items().front();
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 7);  // A-1;"x then ESC: the quote is column 5, x column 6
    REQUIRE(table.records.size() == 2);
    CHECK(table.records[1].fields[1].text ==
          "S\xC3\xB6"
          "der");
}
