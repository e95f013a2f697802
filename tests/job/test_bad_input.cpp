// Bad input through the fuel program (tests/fixtures/pathological/): every
// problem of a dataset in one run, sorted, with exit status 1; no document
// written from a dataset with errors, the last good ones left as they were;
// and text that must come out literally, whatever it holds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <tuple>

#include "command.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCases = fs::path(FUEL_SOURCE_DIR) / "tests" / "fixtures" / "pathological";

std::string fuel() { return quote(std::string(FUEL_BINARY_DIR) + "/fuel"); }
std::string templates() { return " --templates " + quote(std::string(FUEL_SOURCE_DIR) + "/templates"); }

CommandResult check(const fs::path& data) {
    return run_command(fuel() + " check --data " + quote(data.string()) + templates() + " 2>&1");
}

CommandResult build(const fs::path& data, const fs::path& out) {
    return run_command(fuel() + " build --data " + quote(data.string()) + " --out " + quote(out.string()) +
                       templates() + " 2>&1");
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The positions of the error lines in the output, (file, line, column), in
// the order printed.
std::vector<std::tuple<std::string, int, int>> positions(const std::string& output) {
    static const std::regex kError(R"(^(?:fuel: )?(.+?)(?::(\d+))?(?::(\d+))?: error: )");
    std::vector<std::tuple<std::string, int, int>> found;
    std::istringstream lines(output);
    std::smatch m;
    for (std::string line; std::getline(lines, line);)
        if (std::regex_search(line, m, kError))
            found.emplace_back(m[1].str(), m[2].matched ? std::stoi(m[2].str()) : 0,
                               m[3].matched ? std::stoi(m[3].str()) : 0);
    return found;
}

std::map<std::string, std::string> snapshot(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        files[fs::relative(entry.path(), folder).string()] =
            std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    return files;
}

// pdftotext's text with every run of white space removed, so that a title
// wrapped over lines or table cells still reads as one string.
std::string pdf_text_without_spaces(const fs::path& pdf) {
    const auto r = run_command("pdftotext -enc UTF-8 " + quote(pdf.string()) + " - 2>&1");
    REQUIRE(r.status == 0);
    std::string text = fold_nbsp(r.output);
    text.erase(
        std::remove_if(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
        text.end());
    return text;
}

std::string without_spaces(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

}  // namespace

TEST_CASE("bad input: check reports every problem of a dataset in one run, sorted by file and line, and exits 1") {
    const auto r = check(kCases / "many-problems");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(has(r.output,
              "ansokningar.csv:2:32: error: application LUM-01 (\"Digital lots\"): sökt_belopp: not an amount: \"500 "
              "000 SEK\""));
    CHECK(has(r.output,
              "ansokningar.csv:4:1: error: application MUL-01 (\"Studiebesök i Malmö\"): \"Hägersten-Alvsjö\" is not "
              "one of the city's administrations; did you mean Hägersten-Älvsjö?"));
    CHECK(has(r.output,
              "ansokningar.xml:3:4: error: application MUL-02 (\"Studiebesök i Göteborg\"): a partial grant needs a "
              "motivation"));
    CHECK(has(r.output, "round.xml:11:4: error: unknown element <kommentar> in <round>"));
    const auto found = positions(r.output);
    CHECK(found.size() == 4);
    CHECK(std::is_sorted(found.begin(), found.end()));
}

TEST_CASE("bad input: every dataset with errors is an input error, never an internal failure") {
    for (const char* name : {"missing-file",
                             "empty-file",
                             "not-utf8",
                             "stray-bytes",
                             "utf16",
                             "truncated-csv",
                             "truncated-xml",
                             "malformed-xml",
                             "unknown-root",
                             "schema-version-2",
                             "missing-column",
                             "unknown-column",
                             "misspelt-column",
                             "short-row",
                             "long-row",
                             "unbalanced-quote",
                             "amount-letters",
                             "negative-amount",
                             "ambiguous-amounts",
                             "repeated-id",
                             "unknown-fund",
                             "unknown-administration",
                             "missing-motivation",
                             "missing-id",
                             "many-problems"}) {
        const auto r = check(kCases / name);
        INFO(name << ":\n" << r.output);
        CHECK(r.status == 1);
        CHECK(has(r.output, ": error: "));
        CHECK(has(r.output, "the input has errors"));
        CHECK_FALSE(has(r.output, "internal failure"));
    }
}

TEST_CASE("bad input: a round date that does not exist is an input error, not an internal failure") {
    const auto r = check(kCases / "impossible-date");
    INFO(r.output);
    CHECK(has(r.output, "round.xml:9:4: error: the date 2025-02-29 does not exist: February 2025 has 28 days"));
    CHECK(has(r.output, "round.xml:24:6: error: the date 2024-11-31 does not exist: November 2024 has 30 days"));
    CHECK(r.status == 1);
    CHECK_FALSE(has(r.output, "internal failure"));
}

TEST_CASE("bad input: datasets whose oddities are read with a warning or a note build") {
    for (const char* name : {"valid", "comma-separated", "quoted-line-break", "blank-lines", "trailing-separator"}) {
        const auto out = scratch_dir(std::string("bad-input-ok-") + name);
        const auto r = build(kCases / name, out);
        INFO(name << ":\n" << r.output);
        CHECK(r.status == 0);
        CHECK(fs::exists(fs::path(out) / name / "tjansteutlatande.pdf"));
    }
}

TEST_CASE("bad input: ids that repeat across files are named at both places") {
    const auto r = check(kCases / "repeated-id");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(has(r.output, "repeated-id/ansokningar.xml:3:4: error: the id MUL-02 is used again; first at "));
    CHECK(has(r.output, "repeated-id/ansokningar.csv:4:1\n"));
}

TEST_CASE("bad input: an administration that is not the city's is named with the closest one") {
    const auto r = check(kCases / "unknown-administration");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(has(r.output,
              "ansokningar.csv:4:1: error: application MUL-01 (\"Studiebesök i Malmö\"): \"Hägersten-Alvsjö\" "
              "is not one of the city's administrations; did you mean Hägersten-Älvsjö?"));
}

TEST_CASE("bad input: a decision without a motivation is named") {
    const auto r = check(kCases / "missing-motivation");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(has(r.output,
              "ansokningar.csv:3:1: error: application LUM-02 (\"Brobyggare arbetsmarknad\"): a rejection needs a "
              "motivation"));
    CHECK(has(r.output,
              "ansokningar.csv:4:1: error: application MUL-01 (\"Studiebesök i Malmö\"): a partial grant needs a "
              "motivation"));
}

TEST_CASE("bad input: a build with errors writes nothing and leaves the last good documents as they were") {
    const auto data = fs::path(scratch_dir("bad-input-keep-data")) / "valid";
    fs::copy(kCases / "valid", data);
    const auto out = fs::path(scratch_dir("bad-input-keep-out"));
    const auto first = build(data, out);
    INFO(first.output);
    REQUIRE(first.status == 0);
    const auto before = snapshot(out);
    REQUIRE(before.count("valid/tjansteutlatande.pdf") == 1);
    std::ofstream(data / "ansokningar.csv", std::ios::app) << "LUM-09;LUM;Farsta;Ny rad;-5 000;uppfyller;beviljas;0;\n";
    const auto second = build(data, out);
    INFO(second.output);
    CHECK(second.status == 1);
    CHECK(has(second.output,
              "ansokningar.csv:5:26: error: application LUM-09 (\"Ny rad\"): sökt_belopp: negative amount"));
    CHECK(has(second.output, "nothing was written"));
    CHECK(snapshot(out) == before);
}

TEST_CASE(
    "bad input: titles with markup, specials, long words, emoji and characters the fonts lack come out literally") {
    const auto out = fs::path(scratch_dir("bad-input-literal"));
    const auto r = build(kCases / "literal-text", out);
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto folder = out / "literal-text";
    const auto lum = pdf_text_without_spaces(folder / "bilaga-1-lum-ansokningar.pdf");
    const auto mul = pdf_text_without_spaces(folder / "bilaga-2-mul-ansokningar.pdf");
    const auto main = pdf_text_without_spaces(folder / "tjansteutlatande.pdf");
    // Exactly as in ansokningar.csv, doubled CSV quotes undone; emoji and the
    // CJK characters the fonts lack are shown as '?'.
    for (const std::string title :
         {"LUM-01 Projekt *A* och **B** _c_", "LUM-02 # Inte en rubrik", "LUM-03 Tabell | kolumn | del 2",
          "LUM-04 Mall {{round.title}} och {{#lum}}", "LUM-05 Mindre <än> & större än 5 > 3",
          "LUM-06 Sökväg C:\\data\\ny\\ och \\*",
          "LUM-07 Socialförvaltningsutvecklingsprojektsamordningsansvarighetsfrågeställningsgranskningsrapporten",
          "LUM-08 Unga firar ? med ?", "LUM-09 Möte i ?? med \"citat\" [länk](http://x)"}) {
        INFO(title);
        CHECK(has(lum, without_spaces(title)));
    }
    CHECK(has(main,
              without_spaces(
                  "Möte i ?? med \"citat\" [länk](http://x) – bedöms inte uppfylla *huvudkriterierna* | se `kod`.")));
    CHECK(has(mul, without_spaces("MUL-01 Resa <Malmö> & Lund | *studie* # 1 {{x}} \\ ?")));
    CHECK(has(mul, without_spaces("för att <alla> ska *kunna* beviljas.")));
    // Every replacement is a warning that names the text it was made in,
    // the document it is in, and the face in words.
    for (const std::string text : {"\"🎉\"", "\"😀\"", "\"東京\"", "\"🚆\""}) {
        INFO(text);
        CHECK(has(r.output, "warning: the font"));
        CHECK(has(r.output, text + "; it is shown as \"?\""));
    }
    CHECK(has(r.output, (folder / "bilaga-1-lum-ansokningar.pdf").string() + ": warning: the font Liberation Serif"));
    CHECK_FALSE(has(r.output, "<input>"));
    CHECK_FALSE(has(r.output, "SerifRegular"));
}

TEST_CASE(
    "bad input: a round copied away from last year's round is an input error at its round.xml, not a template's") {
    const auto root = fs::temp_directory_path() / ("fuel-alone-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(fs::path(FUEL_SOURCE_DIR) / "fixtures" / "lum-mul-2026", root / "lum-mul-2026",
             fs::copy_options::recursive);
    const auto r = check(root / "lum-mul-2026");
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(has(r.output,
              "round.xml:5:2: error: <evaluation-template> evaluates the grants of 2025, but no round of "
              "2025 lies beside this one in " +
                  root.string()));
    // The evaluation's templates are not run over nothing: no chart or
    // table of theirs is blamed.
    CHECK_FALSE(has(r.output, "arsuppfoljning.md"));
    CHECK(has(r.output, "input has errors"));
    fs::remove_all(root);
}
