// The pathological fixtures (tests/fixtures/pathological/<case>/), one test
// each: every broken file is named with its position and what to do, and
// every record the file held is counted, kept or not.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>

#include "ingest/csv_reader.hpp"
#include "ingest/dataset_loader.hpp"
#include "support/scratch.hpp"
#include "ingest/file_access.hpp"

namespace fs = std::filesystem;
using core::Severity;

namespace {

const fs::path kCases = fs::path(FUEL_SOURCE_DIR) / "tests" / "fixtures" / "pathological";

struct Loaded {
    std::optional<model::Dataset> dataset;
    core::Diagnostics diagnostics;
};

Loaded load_folder(const fs::path& folder) {
    Loaded loaded;
    loaded.dataset = ingest::load_dataset(folder.string(), loaded.diagnostics);
    for (const auto& d : loaded.diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    return loaded;
}

Loaded load(const std::string& name) { return load_folder(kCases / name); }

// The one diagnostic of `severity` whose message holds `text`.
const core::Diagnostic& the(const core::Diagnostics& diagnostics, Severity severity, const std::string& text) {
    const core::Diagnostic* found = nullptr;
    int count = 0;
    for (const auto& d : diagnostics.items())
        if (d.severity == severity && d.message.find(text) != std::string::npos) {
            found = &d;
            ++count;
        }
    INFO("looking for: " << text);
    REQUIRE(count == 1);
    return *found;
}

void check_at(const core::Diagnostic& d, const std::string& file, int line, int column) {
    INFO(core::to_string(d));
    CHECK(fs::path(d.where.file).filename() == file);
    CHECK(d.where.line == line);
    CHECK(d.where.column == column);
}

const model::SourceFile& source(const model::Dataset& dataset, const std::string& name) {
    for (const auto& s : dataset.sources)
        if (fs::path(s.file).filename() == name) return s;
    FAIL("no source " << name);
    throw std::logic_error("unreachable");
}

// A scratch copy of pathological/valid for the cases that cannot be files in
// git (too large, unreadable, a folder, a broken link).
fs::path scratch_copy(const std::string& name) {
    const fs::path dir = test_support::scratch_dir("pathological/" + name);
    fs::remove(dir);
    fs::copy(kCases / "valid", dir);
    return dir;
}

}  // namespace

TEST_CASE("pathological: the base case loads without problems") {
    const auto loaded = load("valid");
    REQUIRE(loaded.dataset);
    CHECK(loaded.diagnostics.empty());
    const auto& csv = source(*loaded.dataset, "ansokningar.csv");
    CHECK(csv.readable);
    CHECK(csv.records.size() == 3);
    CHECK(loaded.dataset->applications.size() == 3);
}

// --- Files

TEST_CASE("pathological: a listed file that is missing is named, and nothing is read from it") {
    const auto loaded = load("missing-file");
    REQUIRE(loaded.dataset);
    check_at(the(loaded.diagnostics, Severity::Error, "the file does not exist"), "ansokningar.csv", 0, 0);
    const auto& csv = source(*loaded.dataset, "ansokningar.csv");
    CHECK_FALSE(csv.readable);
    CHECK(csv.records.empty());
}

TEST_CASE("pathological: an empty file is an error") {
    const auto loaded = load("empty-file");
    REQUIRE(loaded.dataset);
    check_at(the(loaded.diagnostics, Severity::Error, "the file is empty"), "ansokningar.csv", 0, 0);
    CHECK_FALSE(source(*loaded.dataset, "ansokningar.csv").readable);
}

TEST_CASE("pathological: an unreadable file is named with the reason") {
    const auto dir = scratch_copy("unreadable");
    const auto file = dir / "ansokningar.csv";
    fs::permissions(file, fs::perms::none);
    if (std::ifstream(file).good()) {
        // Root reads any file whatever its mode, as in CI containers.
        WARN("skipped: this user can read a file with mode 000 (running as root?)");
        fs::permissions(file, fs::perms::owner_all);
        return;
    }
    const auto loaded = load_folder(dir);
    fs::permissions(file, fs::perms::owner_all);
    check_at(the(loaded.diagnostics, Severity::Error, "the file cannot be read (Permission denied)"), "ansokningar.csv",
             0, 0);
}

TEST_CASE("pathological: a folder or a broken link where a file should be is named as such") {
    const auto dir = scratch_copy("not-a-file");
    fs::remove(dir / "ansokningar.csv");
    fs::create_directory(dir / "ansokningar.csv");
    check_at(the(load_folder(dir).diagnostics, Severity::Error, "this is a folder, not a file"), "ansokningar.csv", 0,
             0);
    fs::remove(dir / "ansokningar.csv");
    fs::create_symlink("export/ansokningar.csv", dir / "ansokningar.csv");
    check_at(the(load_folder(dir).diagnostics, Severity::Error,
                 "a symbolic link to \"export/ansokningar.csv\", which does not exist"),
             "ansokningar.csv", 0, 0);
}

TEST_CASE("pathological: bytes that are neither UTF-8 nor Windows-1252 are refused with both positions") {
    const auto loaded = load("not-utf8");
    const auto& d =
        the(loaded.diagnostics, Severity::Error, "the file is neither UTF-8 (byte 0xF6 at line 1, column 10)");
    CHECK(d.message.find("nor Windows-1252 (byte 0x81 at line 2, column 27)") != std::string::npos);
    check_at(d, "ansokningar.csv", 2, 27);
    CHECK_FALSE(source(*loaded.dataset, "ansokningar.csv").readable);
}

TEST_CASE("pathological: stray bytes in a UTF-8 file are an error, and the records are still counted") {
    const auto loaded = load("stray-bytes");
    check_at(the(loaded.diagnostics, Severity::Error, "byte 0x81 at line 2, column 27 is not UTF-8 (2 such bytes"),
             "ansokningar.csv", 2, 27);
    CHECK(source(*loaded.dataset, "ansokningar.csv").records.size() == 1);
}

TEST_CASE("pathological: a UTF-16 file is refused, saying how to save it") {
    const auto loaded = load("utf16");
    check_at(the(loaded.diagnostics, Severity::Error, "the file is UTF-16; save it as UTF-8 (CSV UTF-8)"),
             "ansokningar.csv", 0, 0);
    CHECK(loaded.diagnostics.error_count() == 1);
}

TEST_CASE("pathological: a truncated CSV keeps the complete records and names the cut one") {
    const auto loaded = load("truncated-csv");
    check_at(the(loaded.diagnostics, Severity::Error, "unbalanced quote: the field that starts at line 4, column 29"),
             "ansokningar.csv", 4, 29);
    const auto& csv = source(*loaded.dataset, "ansokningar.csv");
    REQUIRE(csv.records.size() == 3);
    CHECK(csv.records[2].id == "MUL-01");
    CHECK(csv.records[2].title == "Studiebesök i Mal");
}

TEST_CASE("pathological: a truncated XML file is not well-formed, at the place it stops") {
    const auto loaded = load("truncated-xml");
    check_at(the(loaded.diagnostics, Severity::Error, "the XML is not well-formed"), "ansokningar.xml", 14, 4);
    CHECK_FALSE(source(*loaded.dataset, "ansokningar.xml").readable);
}

TEST_CASE("pathological: XML that is not well-formed is named at the mismatched tag") {
    const auto loaded = load("malformed-xml");
    check_at(the(loaded.diagnostics, Severity::Error, "the XML is not well-formed: Start-end tags mismatch"),
             "ansokningar.xml", 5, 36);
}

TEST_CASE("pathological: an unknown root element is refused") {
    const auto loaded = load("unknown-root");
    check_at(the(loaded.diagnostics, Severity::Error, "the root element is <ansokningar>, expected <applications>"),
             "ansokningar.xml", 2, 2);
    CHECK_FALSE(source(*loaded.dataset, "ansokningar.xml").readable);
}

TEST_CASE("pathological: a file of another schema version is refused") {
    const auto loaded = load("schema-version-2");
    check_at(the(loaded.diagnostics, Severity::Error, "schema-version \"2\" is not supported"), "ansokningar.xml", 2,
             2);
    CHECK_FALSE(source(*loaded.dataset, "ansokningar.xml").readable);
}

TEST_CASE("pathological: a file far larger than any export is refused before it is read") {
    const auto dir = scratch_copy("huge");
    const auto file = dir / "ansokningar.csv";
    // Sparse where the file system allows: the size is what counts.
    fs::resize_file(file, ingest::kMaxInputBytes + 1);
    const auto loaded = load_folder(dir);
    const auto& d = the(loaded.diagnostics, Severity::Error, "more than the 67108864 an export can be");
    check_at(d, "ansokningar.csv", 0, 0);
    CHECK(d.message.find("the file is 67108865 bytes") != std::string::npos);
    fs::remove(file);
}

// --- CSV

TEST_CASE("pathological: a comma-separated file is read with ',' and the separator is named") {
    const auto loaded = load("comma-separated");
    check_at(the(loaded.diagnostics, Severity::Warning, "the file is separated by ',' but ';' is expected"),
             "ansokningar.csv", 1, 0);
    CHECK(loaded.diagnostics.error_count() == 0);
    CHECK(loaded.dataset->applications.size() == 3);
    CHECK(loaded.dataset->applications[2].granted == 20000);
}

TEST_CASE(
    "pathological: a semicolon file where a comma is expected is read with semicolons, and the separator is named") {
    std::ifstream in(kCases / "semicolon-where-comma-expected" / "table.csv", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    core::Diagnostics diagnostics;
    const auto table = ingest::read_csv(text, "table.csv", diagnostics, ',');
    CHECK(the(diagnostics, Severity::Warning, "the file is separated by ';' but ',' is expected").where.line == 1);
    CHECK(table.header.size() == 3);
    CHECK(table.records.size() == 2);
}

TEST_CASE("pathological: a missing required column is named") {
    const auto loaded = load("missing-column");
    check_at(the(loaded.diagnostics, Severity::Error, "the header has no column beslut"), "ansokningar.csv", 1, 0);
}

TEST_CASE("pathological: an extra, unknown column is an error, because its values would be lost") {
    const auto loaded = load("unknown-column");
    check_at(the(loaded.diagnostics, Severity::Error, "unknown column \"kommentar\" (its values would be lost)"),
             "ansokningar.csv", 1, 76);
}

TEST_CASE("pathological: a misspelt column is named with the closest column") {
    const auto loaded = load("misspelt-column");
    check_at(the(loaded.diagnostics, Severity::Error, "unknown column \"förvaltnig\"; did you mean förvaltning?"),
             "ansokningar.csv", 1, 9);
}

TEST_CASE("pathological: a record with fields missing is named with both counts") {
    const auto loaded = load("short-row");
    check_at(
        the(loaded.diagnostics, Severity::Error, "line 3 has 7 fields but the header has 9; the last 2 are missing"),
        "ansokningar.csv", 3, 0);
    CHECK(source(*loaded.dataset, "ansokningar.csv").records.size() == 3);
}

TEST_CASE("pathological: a record with a field too many is named at the extra field") {
    const auto loaded = load("long-row");
    check_at(the(loaded.diagnostics, Severity::Error,
                 "line 2 has 10 fields but the header has 9; a value that holds ';' must be in quotes"),
             "ansokningar.csv", 2, 75);
}

TEST_CASE(
    "pathological: an unbalanced quote is named at the quote, and the message does not quote the rest of the file") {
    const auto loaded = load("unbalanced-quote");
    check_at(the(loaded.diagnostics, Severity::Error, "unbalanced quote: the field that starts at line 2, column 19"),
             "ansokningar.csv", 2, 19);
    for (const auto& d : loaded.diagnostics.items()) CHECK(d.message.size() < 300);
    // The quote swallowed the other two records: one record is what the file holds now.
    CHECK(source(*loaded.dataset, "ansokningar.csv").records.size() == 1);
}

TEST_CASE("pathological: a line break inside a quoted field belongs to the field and keeps later lines right") {
    const auto loaded = load("quoted-line-break");
    CHECK(loaded.diagnostics.empty());
    const auto& apps = loaded.dataset->applications;
    REQUIRE(apps.size() == 3);
    CHECK(apps[0].title == "Digital lots, etapp två");
    CHECK(apps[1].where.line == 4);
    CHECK(source(*loaded.dataset, "ansokningar.csv").records[0].end.line == 4);
}

TEST_CASE("pathological: blank lines are skipped with one note and lose no record") {
    const auto loaded = load("blank-lines");
    check_at(
        the(loaded.diagnostics, Severity::Note, "skipped 5 blank lines (empty or only separators): lines 2, 4-5, 7, 9"),
        "ansokningar.csv", 2, 0);
    CHECK(loaded.diagnostics.error_count() == 0);
    CHECK(loaded.dataset->applications.size() == 3);
    CHECK(loaded.dataset->applications[2].where.line == 8);
}

TEST_CASE("pathological: a separator at the end of every line is dropped with one warning") {
    const auto loaded = load("trailing-separator");
    check_at(the(loaded.diagnostics, Severity::Warning, "every line ends with the separator ';'"), "ansokningar.csv", 1,
             76);
    CHECK(loaded.diagnostics.error_count() == 0);
    CHECK(loaded.dataset->applications.size() == 3);
}

// --- Values

TEST_CASE("pathological: amounts with letters are refused at their field, naming the application") {
    const auto loaded = load("amount-letters");
    check_at(the(loaded.diagnostics, Severity::Error,
                 "application LUM-01 (\"Digital lots\"): sökt_belopp: not an amount: \"femhundratusen\""),
             "ansokningar.csv", 2, 32);
    check_at(the(loaded.diagnostics, Severity::Error, "sökt_belopp: not an amount: \"300 000 SEK\""), "ansokningar.csv",
             3, 43);
}

TEST_CASE("pathological: a negative amount is refused") {
    const auto loaded = load("negative-amount");
    check_at(the(loaded.diagnostics, Severity::Error,
                 "application LUM-02 (\"Brobyggare arbetsmarknad\"): sökt_belopp: negative amount: \"-300 000\""),
             "ansokningar.csv", 3, 43);
}

TEST_CASE("pathological: 1.000 is ambiguous and refused with both readings, 1 000 is read, 1,5 is not whole kronor") {
    const auto loaded = load("ambiguous-amounts");
    const auto& dot = the(loaded.diagnostics, Severity::Error, "sökt_belopp: ambiguous amount: \"1.000\"");
    check_at(dot, "ansokningar.csv", 2, 32);
    CHECK(dot.message.find("1 000 kronor with a thousands dot, or as 1 kronor with a decimal point") !=
          std::string::npos);
    check_at(the(loaded.diagnostics, Severity::Error, "sökt_belopp: amount with decimals: 1,5 kronor"),
             "ansokningar.csv", 4, 40);
    const auto& apps = loaded.dataset->applications;
    REQUIRE(apps.size() == 3);
    CHECK(apps[1].requested == 1000);
    for (const auto& d : loaded.diagnostics.items()) CHECK(d.where.line != 3);
}

TEST_CASE("pathological: dates that do not exist are named with the reason") {
    const auto loaded = load("impossible-date");
    check_at(the(loaded.diagnostics, Severity::Error, "the date 2025-02-29 does not exist: February 2025 has 28 days"),
             "round.xml", 9, 4);
    check_at(the(loaded.diagnostics, Severity::Error, "the date 2024-11-31 does not exist: November 2024 has 30 days"),
             "round.xml", 24, 6);
}

TEST_CASE("pathological: a record without an id is counted and named by its title") {
    const auto loaded = load("missing-id");
    check_at(the(loaded.diagnostics, Severity::Error, "an application without an id (\"Brobyggare arbetsmarknad\")"),
             "ansokningar.csv", 3, 1);
    check_at(the(loaded.diagnostics, Severity::Error, "an application without an id (\"Studiebesök i Göteborg\")"),
             "ansokningar.xml", 3, 4);
    const auto& csv = source(*loaded.dataset, "ansokningar.csv");
    const auto& xml = source(*loaded.dataset, "ansokningar.xml");
    REQUIRE(csv.records.size() == 3);
    REQUIRE(xml.records.size() == 2);
    CHECK(csv.records[1].application == -1);
    CHECK(csv.records[1].title == "Brobyggare arbetsmarknad");
    CHECK_FALSE(csv.records[1].dropped_because.empty());
    CHECK(xml.records[0].application == -1);
    CHECK(xml.records[1].id == "MUL-03");
    CHECK(loaded.dataset->applications.size() == 3);
    CHECK(loaded.dataset->applications.at(static_cast<std::size_t>(xml.records[1].application)).id == "MUL-03");
}

TEST_CASE("pathological: a reference to a fund the round does not have is named at the field") {
    const auto loaded = load("unknown-fund");
    check_at(the(loaded.diagnostics, Severity::Error,
                 "application LUM-02 (\"Brobyggare arbetsmarknad\"): the round has no fund \"LUMM\""),
             "ansokningar.csv", 3, 8);
}
