#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"

using core::Severity;
using ingest::CsvLimits;
using ingest::CsvTable;

namespace {

const std::string kFile = "ansokningar.csv";

std::vector<std::string> texts(const std::vector<ingest::CsvField>& fields) {
    std::vector<std::string> out;
    for (const auto& f : fields) out.push_back(f.text);
    return out;
}

std::vector<const core::Diagnostic*> of(const core::Diagnostics& diagnostics, Severity severity) {
    std::vector<const core::Diagnostic*> out;
    for (const auto& d : diagnostics.items())
        if (d.severity == severity) out.push_back(&d);
    return out;
}

// The only diagnostic of `severity`, which must contain `phrase`.
const core::Diagnostic& only(const core::Diagnostics& diagnostics, Severity severity, const std::string& phrase) {
    const auto found = of(diagnostics, severity);
    for (const auto& d : diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    REQUIRE(found.size() == 1);
    CHECK(found.front()->message.find(phrase) != std::string::npos);
    CHECK(found.front()->where.file == kFile);
    return *found.front();
}

CsvTable read(const std::string& text, core::Diagnostics& diagnostics, char expected = ';',
              const CsvLimits& limits = {}) {
    return ingest::read_csv(text, kFile, diagnostics, expected, limits);
}

}  // namespace

TEST_CASE("csv: a semicolon table gives the header, the records and their positions") {
    core::Diagnostics diagnostics;
    const auto table = read("id;fond;titel\r\nLUM-01;LUM;Digital Lots\r\nMUL-02;MUL;Studiebesök\r\n", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(table.separator == ';');
    CHECK(texts(table.header) == std::vector<std::string>{"id", "fond", "titel"});
    REQUIRE(table.records.size() == 2);
    CHECK(texts(table.records[0].fields) == std::vector<std::string>{"LUM-01", "LUM", "Digital Lots"});
    CHECK(texts(table.records[1].fields) == std::vector<std::string>{"MUL-02", "MUL", "Studiebesök"});
    CHECK(table.records[0].line == 2);
    CHECK(table.records[1].line == 3);
    CHECK(table.records[1].fields[2].line == 3);
    CHECK(table.records[1].fields[2].column == 12);
    CHECK(table.header[0].line == 1);
    CHECK(table.header[0].column == 1);
}

TEST_CASE("csv: a comma-separated file is read with a comma and a warning when a semicolon is expected") {
    core::Diagnostics diagnostics;
    const auto table = read("id,fond,titel\nLUM-01,LUM,\"Lots; steg 2\"\n", diagnostics);
    CHECK(table.separator == ',');
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"LUM-01", "LUM", "Lots; steg 2"});
    const auto& warning =
        only(diagnostics, Severity::Warning, "the file is separated by ',' but ';' is expected; reading it with ','");
    CHECK(warning.where.line == 1);
    CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("csv: a semicolon-separated file is read with a semicolon and a warning when a comma is expected") {
    core::Diagnostics diagnostics;
    const auto table = read("id;belopp\nLUM-01;500 000,00\n", diagnostics, ',');
    CHECK(table.separator == ';');
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"LUM-01", "500 000,00"});
    only(diagnostics, Severity::Warning, "the file is separated by ';' but ',' is expected; reading it with ';'");
}

TEST_CASE("csv: a TAB-separated file is detected") {
    core::Diagnostics diagnostics;
    const auto table = read("id\ttitel\n1\tLots, steg 2\n", diagnostics);
    CHECK(table.separator == '\t');
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"1", "Lots, steg 2"});
    only(diagnostics, Severity::Warning, "separated by TAB but ';' is expected");
}

TEST_CASE("csv: the expected separator wins whenever the header holds it") {
    core::Diagnostics diagnostics;
    const auto table = read("id;titel, kort, lång\n1;a, b, c\n", diagnostics);
    CHECK(table.separator == ';');
    CHECK(diagnostics.empty());
    CHECK(table.header.size() == 2);
}

TEST_CASE("csv: separators inside quotes in the header do not count") {
    core::Diagnostics diagnostics;
    const auto table = read("\"id;nr\",titel\n1,x\n", diagnostics);
    CHECK(table.separator == ',');
    CHECK(texts(table.header) == std::vector<std::string>{"id;nr", "titel"});
}

TEST_CASE("csv: the separator is read from the first non-blank line") {
    core::Diagnostics diagnostics;
    const auto table = read("\n\nid,titel\n1,x\n", diagnostics);
    CHECK(table.separator == ',');
    const auto& warning = only(diagnostics, Severity::Warning, "separated by ','");
    CHECK(warning.where.line == 3);
}

TEST_CASE("csv: quoted fields hold separators") {
    core::Diagnostics diagnostics;
    const auto table = read("id;förvaltning;titel\n1;\"Farsta; Vantör\";x\n", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"1", "Farsta; Vantör", "x"});
    CHECK(table.records[0].fields[2].column == 20);
}

TEST_CASE("csv: doubled quotes inside a quoted field stand for one quote") {
    core::Diagnostics diagnostics;
    const auto table = read("titel;nr\n\"Projektet \"\"Lots\"\"\";\"\"\"\"\n", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"Projektet \"Lots\"", "\""});
}

TEST_CASE("csv: a quoted field with a line break keeps positions") {
    core::Diagnostics diagnostics;
    const auto table =
        read("id;beskrivning;belopp\r\n1;\"rad ett\r\nrad två\";500\r\n2;\"a\nb\rc\";600\r\n3;x;700\r\n", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(table.records.size() == 3);
    const auto& first = table.records[0];
    CHECK(first.line == 2);
    CHECK(first.fields[1].text == "rad ett\nrad två");
    CHECK(first.fields[1].line == 2);
    CHECK(first.fields[1].column == 3);
    CHECK(first.fields[2].line == 3);
    CHECK(first.fields[2].column == 10);  // after `rad två";`, counted in characters
    const auto& second = table.records[1];
    CHECK(second.line == 4);
    CHECK(second.fields[1].text == "a\nb\nc");  // LF and lone CR inside quotes, too
    CHECK(second.fields[2].line == 6);
    CHECK(second.fields[2].column == 4);
    CHECK(table.records[2].line == 7);
    CHECK(table.records[2].fields[2].line == 7);
}

TEST_CASE("csv: LF, CRLF and lone CR all end lines") {
    core::Diagnostics diagnostics;
    const auto table = read("a;b\r1;2\n3;4\r\n5;6\r", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(table.records.size() == 3);
    CHECK(texts(table.records[0].fields) == std::vector<std::string>{"1", "2"});
    CHECK(table.records[0].line == 2);
    CHECK(table.records[1].line == 3);
    CHECK(table.records[2].line == 4);
    CHECK(texts(table.records[2].fields) == std::vector<std::string>{"5", "6"});
}

TEST_CASE("csv: the last line needs no line end") {
    core::Diagnostics diagnostics;
    const auto table = read("a;b\n1;", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"1", ""});
}

TEST_CASE("csv: blank lines are skipped with one note that groups their numbers") {
    core::Diagnostics diagnostics;
    const auto table = read("a;b\n\n1;2\n\n\n3;4\n ; \n;\n5;6\n\n", diagnostics);
    REQUIRE(table.records.size() == 3);
    CHECK(table.records[0].line == 3);
    CHECK(table.records[1].line == 6);
    CHECK(table.records[2].line == 9);
    const auto& note =
        only(diagnostics, Severity::Note, "skipped 6 blank lines (empty or only separators): lines 2, 4-5, 7-8, 10");
    CHECK(note.where.line == 2);
    CHECK_FALSE(diagnostics.has_errors());
    CHECK(diagnostics.warning_count() == 0);
}

TEST_CASE("csv: a record holding a quoted empty field is not blank") {
    core::Diagnostics diagnostics;
    const auto table = read("a\n\"\"\n", diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(table.records.size() == 1);
    CHECK(table.records[0].fields[0].text.empty());
}

TEST_CASE("csv: a file of blank lines only has no header") {
    core::Diagnostics diagnostics;
    const auto table = read("\r\n;;\r\n", diagnostics);
    CHECK(table.header.empty());
    CHECK(table.records.empty());
    only(diagnostics, Severity::Error, "no header line");
}

TEST_CASE("csv: empty text has no header") {
    core::Diagnostics diagnostics;
    const auto table = read("", diagnostics);
    CHECK(table.header.empty());
    only(diagnostics, Severity::Error, "no header line");
}

TEST_CASE("csv: a trailing separator on every record is dropped with one warning") {
    core::Diagnostics diagnostics;
    const auto table = read("id;titel\n1;a;\n2;b;\n3;c;\n", diagnostics);
    CHECK_FALSE(diagnostics.has_errors());
    const auto& warning = only(diagnostics, Severity::Warning, "every line ends with the separator ';'");
    CHECK(warning.where.line == 2);
    CHECK(warning.where.column == 5);
    REQUIRE(table.records.size() == 3);
    for (const auto& r : table.records) CHECK(r.fields.size() == 2);
    CHECK(texts(table.records[2].fields) == std::vector<std::string>{"3", "c"});
}

TEST_CASE("csv: a trailing separator on every line, the header too, is dropped with one warning") {
    core::Diagnostics diagnostics;
    const auto table = read("id;titel;\n1;a;\n2;b;\n", diagnostics);
    CHECK_FALSE(diagnostics.has_errors());
    only(diagnostics, Severity::Warning, "an empty last column the header does not name");
    CHECK(texts(table.header) == std::vector<std::string>{"id", "titel"});
    for (const auto& r : table.records) CHECK(r.fields.size() == 2);
}

TEST_CASE("csv: a trailing separator on some lines only is an extra field") {
    core::Diagnostics diagnostics;
    const auto table = read("id;titel\n1;a;\n2;b\n", diagnostics);
    CHECK(diagnostics.warning_count() == 0);
    const auto& error = only(diagnostics, Severity::Error, "line 2 has 3 fields but the header has 2");
    CHECK(error.where.line == 2);
    CHECK(error.where.column == 5);
    CHECK(table.records.at(0).fields.size() == 3);
}

TEST_CASE("csv: a record with missing columns is an error naming the line and both counts") {
    core::Diagnostics diagnostics;
    const auto table = read("id;fond;titel;belopp\nLUM-01;LUM;Lots;500\nLUM-02;LUM\n", diagnostics);
    const auto& error =
        only(diagnostics, Severity::Error, "line 3 has 2 fields but the header has 4; the last 2 are missing");
    CHECK(error.where.line == 3);
    REQUIRE(table.records.size() == 2);  // still returned, so the caller can name it
    CHECK(texts(table.records[1].fields) == std::vector<std::string>{"LUM-02", "LUM"});
}

TEST_CASE("csv: a record with extra columns is an error at the first extra field") {
    core::Diagnostics diagnostics;
    const auto table = read("id;belopp\nLUM-01;500 000;00\n", diagnostics);
    const auto& error = only(diagnostics, Severity::Error, "line 2 has 3 fields but the header has 2");
    CHECK(error.message.find("must be in quotes") != std::string::npos);
    CHECK(error.where.line == 2);
    CHECK(error.where.column == 16);
    CHECK(table.records.at(0).fields.size() == 3);
}

TEST_CASE("csv: an unbalanced quote is an error at the opening quote") {
    core::Diagnostics diagnostics;
    const auto table = read("id;titel;belopp\n1;ok;5\n2;\"Lots för\n3;x;7\n", diagnostics);
    const auto& error = only(diagnostics, Severity::Error,
                             "unbalanced quote: the field that starts at line 3, column 3 is never closed");
    CHECK(error.where.line == 3);
    CHECK(error.where.column == 3);
    REQUIRE(table.records.size() == 2);  // what could be read; no field-count error on top
    CHECK(table.records[1].fields.back().text == "Lots för\n3;x;7\n");
}

TEST_CASE("csv: an unbalanced quote does not hide a trailing separator on the other lines") {
    core::Diagnostics diagnostics;
    const auto table = read("id;titel\n1;a;\n2;\"b\n", diagnostics);
    CHECK(diagnostics.error_count() == 1);
    only(diagnostics, Severity::Warning, "every line ends with the separator");
    CHECK(table.records.at(0).fields.size() == 2);
}

TEST_CASE("csv: a quote inside an unquoted field is kept with a warning") {
    core::Diagnostics diagnostics;
    const auto table = read("titel;nr\nSkärholmens \"Lots\";1\n", diagnostics);
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"Skärholmens \"Lots\"", "1"});
    const auto& warning =
        only(diagnostics, Severity::Warning, "a quote (\") inside an unquoted field at line 2, column 13");
    CHECK(warning.where.column == 13);
    CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("csv: text after a closing quote is kept with a warning") {
    core::Diagnostics diagnostics;
    const auto table = read("a;b\n\"abc\"def;1\n", diagnostics);
    CHECK(texts(table.records.at(0).fields) == std::vector<std::string>{"abcdef", "1"});
    const auto& warning = only(diagnostics, Severity::Warning, "text after the closing quote");
    CHECK(warning.where.line == 2);
    CHECK(warning.where.column == 6);
}

TEST_CASE("csv: column numbers count characters, not bytes, after åäö") {
    core::Diagnostics diagnostics;
    const auto table = read("förvaltning;åäö;x\nÅÄÖ;€;\"y\"\n", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(table.header[1].column == 13);
    CHECK(table.header[2].column == 17);
    CHECK(table.records.at(0).fields[1].column == 5);
    CHECK(table.records[0].fields[2].column == 7);
}

TEST_CASE("csv: a byte-order mark left in the text is skipped and not counted") {
    core::Diagnostics diagnostics;
    const auto table = read("\xEF\xBB\xBFid;titel\n1;x\n", diagnostics);
    CHECK(diagnostics.empty());
    CHECK(table.header.at(0).text == "id");
    CHECK(table.header[1].column == 4);
}

TEST_CASE("csv: limits: more fields in a record than allowed stops reading") {
    core::Diagnostics diagnostics;
    CsvLimits limits;
    limits.max_fields_per_record = 3;
    const auto table = read("a;b;c\n1;2;3\n1;2;3;4\n5;6;7\n", diagnostics, ';', limits);
    const auto& error = only(diagnostics, Severity::Error, "line 3 has more than 3 fields");
    CHECK(error.where.line == 3);
    CHECK(table.records.size() == 1);
}

TEST_CASE("csv: limits: a field longer than allowed stops reading and suspects an open quote") {
    core::Diagnostics diagnostics;
    CsvLimits limits;
    limits.max_field_bytes = 8;
    const auto table = read("a;b\n1;12345678\n2;\"123456789\"\n3;x\n", diagnostics, ';', limits);
    const auto& error =
        only(diagnostics, Severity::Error, "the field that starts at line 3, column 3 is longer than 8 bytes");
    CHECK(error.message.find("opening quote") != std::string::npos);
    REQUIRE(table.records.size() == 1);
    CHECK(table.records[0].fields[1].text == "12345678");
}

TEST_CASE("csv: limits: more records than allowed stops reading") {
    core::Diagnostics diagnostics;
    CsvLimits limits;
    limits.max_records = 2;
    const auto table = read("a\n1\n2\n3\n4\n", diagnostics, ';', limits);
    only(diagnostics, Severity::Error, "more than 2 records");
    CHECK(table.records.size() == 2);
}

TEST_CASE("csv: arbitrary bytes never crash or give positions before the start") {
    // A small deterministic generator (a 64-bit LCG, Knuth's MMIX constants)
    // over an alphabet that is mostly CSV syntax, so the odd paths are hit.
    const std::string alphabet = std::string("\";,\t\r\n a\xC3\xA5\x80\xFF") + std::string(1, '\0');
    std::uint64_t state = 1;
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const int length = static_cast<int>(round % 64);
        for (int i = 0; i < length; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            text += alphabet[(state >> 33) % alphabet.size()];
        }
        core::Diagnostics diagnostics;
        CsvLimits limits;
        limits.max_field_bytes = 16;
        limits.max_fields_per_record = 8;
        limits.max_records = 4;
        const auto table = read(text, diagnostics, ';', limits);
        for (const auto& f : table.header) CHECK((f.line >= 1 && f.column >= 1));
        CHECK(table.records.size() <= 4);
        for (const auto& r : table.records) {
            CHECK(r.line >= 1);
            CHECK(r.fields.size() <= 8);
            for (const auto& f : r.fields) CHECK(f.text.size() <= 16);
        }
    }
}
