// Family 3, values and names: amounts and counts past their bounds, text that
// is not a number, strings with controls, bidi overrides, zero-width padding,
// decomposed letters, characters no output format can hold, fields longer
// than an Excel cell, and names that fold alike into one file or sheet name.
// Each case asserts the exit status, the message with its file:line, and
// that nothing changed or appeared where it must not.
#include "adversarial/adversarial.hpp"

using namespace adversarial;

namespace {

const std::string kLum = "lum-ansokningar.csv";
const std::string kMul = "mul-ansokningar.xml";
// The fixture's first application row (line 2) and the cells the cases break.
const std::string kLum01Title = "Södermalm;;Prata om det;";
const std::string kLum01Requested =
    ";300 000;uppfyller;uppfyller;uppfyller;uppfyller inte;uppfyller inte;beviljas;300 000;";

// A CSV cell of the fixture replaced in `world`, then `fuel check`: the run
// must fail with `phrase` at `file:line`, and leave the world as it was.
Run check_fails(const World& world, const std::string& file, int line, const std::string& phrase) {
    const auto before = world.everything();
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, file + ":" + std::to_string(line) + ":"));
    CHECK(contains(run.err, phrase));
    CHECK(run.err.find('\x1B') == std::string::npos);
    REQUIRE_UNCHANGED(before, world.everything());
    return run;
}

// `fuel build` of a failing dataset: exit 1, the message, no documents.
Run build_fails(const World& world, const std::string& file, int line, const std::string& phrase) {
    const auto data = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, file + ":" + std::to_string(line) + ":"));
    CHECK(contains(run.err, phrase));
    CHECK(run.err.find('\x1B') == std::string::npos);
    CHECK_FALSE(fs::exists(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
    CHECK_FALSE(fs::exists(world.out / "lum-mul-2025" / "tjansteutlatande.html"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
    return run;
}

std::string repeated(const std::string& unit, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

}  // namespace

TEST_CASE("values: an amount of 10^15 kronor is an error at its cell, not a total that wraps") {
    World world("values-huge-amount");
    replace_in_file(
        world.dataset() / kLum, kLum01Requested,
        ";1 000 000 000 000 000;uppfyller;uppfyller;uppfyller;uppfyller inte;uppfyller inte;beviljas;300 000;");
    check_fails(world, kLum, 2, "amount too large");
}

TEST_CASE("values: an amount just past the documented bound (10^12) is an error") {
    World world("values-bound-amount");
    replace_in_file(world.dataset() / kLum, kLum01Requested,
                    ";1 000 000 000 000;uppfyller;uppfyller;uppfyller;uppfyller inte;uppfyller inte;beviljas;300 000;");
    build_fails(world, kLum, 2, "more than 999 999 999 999 kronor");
}

TEST_CASE("values: a huge granted amount in the XML export is an error at its element") {
    World world("values-huge-xml");
    replace_in_file(world.dataset() / kMul, "<granted>20000</granted>", "<granted>99999999999999999999</granted>");
    check_fails(world, kMul, 13, "amount too large");
}

TEST_CASE("values: a negative amount is an error") {
    World world("values-negative");
    replace_in_file(world.dataset() / kLum, kLum01Requested,
                    ";-300 000;uppfyller;uppfyller;uppfyller;uppfyller inte;uppfyller inte;beviljas;300 000;");
    check_fails(world, kLum, 2, "negative amount");
}

TEST_CASE("values: NaN, infinity and exponents are not amounts") {
    for (const std::string text : {"NaN", "inf", "1e9", "0x10", "+300 000"}) {
        World world("values-nan");
        replace_in_file(world.dataset() / kLum, kLum01Requested,
                        ";" + text + ";uppfyller;uppfyller;uppfyller;uppfyller inte;uppfyller inte;beviljas;300 000;");
        INFO(text);
        check_fails(world, kLum, 2, "not an amount");
    }
}

TEST_CASE("values: an ambiguous amount with a dot is an error that names both readings") {
    World world("values-dot");
    replace_in_file(world.dataset() / kLum, kLum01Requested,
                    ";300.000;uppfyller;uppfyller;uppfyller;uppfyller inte;uppfyller inte;beviljas;300 000;");
    check_fails(world, kLum, 2, "ambiguous amount");
}

TEST_CASE("values: a huge participant count in the report register is an error") {
    World world("values-huge-count");
    replace_in_file(world.dataset() / "rapporter.csv", "2025-11-07;godkänd;ja;42;",
                    "2025-11-07;godkänd;ja;99999999999999999999;");
    check_fails(world, "rapporter.csv", 3, "too large");
}

TEST_CASE("values: a bidi override in a title is an error at its line and column") {
    World world("values-bidi-csv");
    replace_in_file(world.dataset() / kLum, kLum01Title,
                    "Södermalm;;Prata \xE2\x80\xAE"
                    "det mo;");
    const auto run = check_fails(world, kLum, 2, "U+202E");
    CHECK(contains(run.err, kLum + ":2:29:"));  // the column of the override itself
}

TEST_CASE("values: a bidi isolate in an XML title is an error") {
    World world("values-bidi-xml");
    replace_in_file(world.dataset() / kMul, "<title>Studiebesök hos Malmö stads öppenvård för beroende</title>",
                    "<title>Studiebesök \xE2\x81\xA7hos Malmö</title>");
    check_fails(world, kMul, 8, "bidirectional formatting character U+2067");
}

TEST_CASE("values: a title of zero-width characters is empty, and a required field cannot be") {
    World world("values-zero-width");
    replace_in_file(world.dataset() / kLum, kLum01Title,
                    "Södermalm;;\xE2\x80\x8B\xE2\x80\x8C\xEF\xBB\xBF \xE2\x81\xA0;");
    const auto run = check_fails(world, kLum, 2, "the field titel is empty");
    CHECK(contains(run.err, "warning: the text holds only white space and zero-width characters"));
}

TEST_CASE("values: escape sequences in a name reach neither the terminal nor the log raw") {
    World world("values-escape");
    replace_in_file(world.dataset() / kLum, kLum01Title, "S\x1B[2J\x1B]0;owned\x07\x1B[31m;;Prata om det;");
    const auto log = world.root / "fuel.log";
    write_file(world.root / "fuel.properties", "fuel.log.file = " + log.string() + "\n");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("check", {"--config", (world.root / "fuel.properties").string()});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, kLum + ":2:"));
    CHECK(contains(run.err, "U+001B"));
    CHECK(run.err.find('\x1B') == std::string::npos);
    CHECK(run.err.find('\x07') == std::string::npos);
    CHECK(run.out.find('\x1B') == std::string::npos);
    REQUIRE(fs::exists(log));
    const auto logged = read_file(log);
    CHECK(contains(logged, kLum + ":2:"));
    CHECK(logged.find('\x1B') == std::string::npos);
    CHECK(logged.find('\x07') == std::string::npos);
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("values: a character reference to ESC in XML is an error, and is not echoed raw") {
    World world("values-escape-xml");
    replace_in_file(world.dataset() / kMul, "<title>Studiebesök hos Malmö stads öppenvård för beroende</title>",
                    "<title>Studiebesök&#x1B;[31m hos Malmö</title>");
    // XML 1.0 has no character 27: the reference is not well-formed XML.
    check_fails(world, kMul, 8, "xmlParseCharRef: invalid xmlChar value 27");
}

TEST_CASE("values: a C0 control in a description and a C1 control in a motivation are errors") {
    World world("values-controls");
    replace_in_file(world.dataset() / kLum, "Samtalsgrupper och", "Samtals\x07grupper och");
    replace_in_file(world.dataset() / kLum, "Projektet uppfyller huvudkriterierna och avser tidigt stöd till barn",
                    "Projektet uppfyller\xC2\x85huvudkriterierna och avser tidigt stöd till barn");
    const auto run = check_fails(world, kLum, 2, "U+0007");
    CHECK(contains(run.err, "U+0085"));
}

TEST_CASE("values: a character no XML can hold, in a CSV title, stops the build before xlsx and HTML") {
    World world("values-xml-invalid");
    replace_in_file(world.dataset() / kLum, kLum01Title, "Södermalm;;Prata om det\xEF\xBF\xBF;");
    build_fails(world, kLum, 2, "U+FFFF");
    CHECK_FALSE(fs::exists(world.out / "lum-mul-2025" / "tjansteutlatande.xlsx"));
}

TEST_CASE("values: a decomposed title is written in NFC, the same as the composed one") {
    World world("values-nfc");
    // "Prata om det" -> "Prata öm det" with o + U+0308 COMBINING DIAERESIS.
    replace_in_file(world.dataset() / kLum, kLum01Title, "Södermalm;;Prata o\xCC\x88m det;");
    const auto data = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto html = read_file(world.out / "lum-mul-2025" / "tjansteutlatande.html");
    CHECK(contains(html, "Prata \xC3\xB6m det"));
    CHECK_FALSE(contains(html, "o\xCC\x88"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
}

TEST_CASE("values: a 40 000-character title is an error at check time, not a failed build") {
    World world("values-long-title");
    replace_in_file(world.dataset() / kLum, kLum01Title, "Södermalm;;" + repeated("Lång titel ", 3637) + ";");
    check_fails(world, kLum, 2, "more than 32766");
    const auto run = world.fuel("build");
    CHECK(run.status == 1);  // an input error, never exit 3
    CHECK_FALSE(fs::exists(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
}

TEST_CASE("values: a long word without a break point is laid out, not a crash") {
    World world("values-long-word");
    replace_in_file(world.dataset() / kLum, kLum01Title, "Södermalm;;" + repeated("Samtalsstöd", 300) + ";");
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(fs::exists(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
}

TEST_CASE("values: a tab and a line break in a title are white space, not errors") {
    World world("values-tab");
    replace_in_file(world.dataset() / kLum, kLum01Title, "Södermalm;;\"Prata\tom\ndet\";");
    const auto before = world.everything();
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 0);
    REQUIRE_UNCHANGED(before, world.everything());
}

TEST_CASE("values: a header cell with an escape sequence is an error") {
    World world("values-header");
    replace_in_file(world.dataset() / kLum, "motivering", "motivering\x1B[0m");
    check_fails(world, kLum, 1, "U+001B");
}

TEST_CASE("values: a file name with an escape sequence is quoted with a visible escape") {
    World world("values-file-name");
    write_file(world.dataset() / "x\x1B[31mred.csv", "id\n");
    const auto before = world.everything();
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 0);  // a stray file is a warning
    CHECK(contains(run.err, "x\\x1B[31mred.csv: warning:"));
    CHECK(run.err.find('\x1B') == std::string::npos);
    REQUIRE_UNCHANGED(before, world.everything());
}

TEST_CASE("values: administrations whose names fold alike get a letter file each") {
    World world("values-letters", {"lum-mul-2025", "lum-mul-2026"});
    const auto round = world.dataset("lum-mul-2026") / "round.xml";
    replace_in_file(round, "<administration kind=\"district\">Enskede-Årsta-Vantör</administration>",
                    "<administration kind=\"district\">Enskede-Årsta-Vantör</administration>\n"
                    "    <administration kind=\"district\">Enskede Årsta Vantör</administration>");
    replace_in_file(world.dataset("lum-mul-2026") / kLum, "LUM-09;LUM;Kungsholmen;",
                    "LUM-09;LUM;Enskede Årsta Vantör;");
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    std::vector<std::string> letters;
    for (const auto& entry : fs::directory_iterator(world.out / "lum-mul-2026")) {
        const auto name = entry.path().filename().string();
        if (name.rfind("beslutsbrev-enskede-arsta-vantor", 0) == 0 && entry.path().extension() == ".pdf")
            letters.push_back(name);
    }
    std::sort(letters.begin(), letters.end());
    INFO(letters.size());
    REQUIRE(letters.size() == 2);
    CHECK(letters[0] != letters[1]);
}

TEST_CASE("values: a fund name hostile to sheet names still gives a workbook") {
    World world("values-sheet-name");
    replace_in_file(world.dataset() / "round.xml", "<name>lokala utvecklingsmedel</name>",
                    "<name>History [LUM]: *lokala*/utvecklings?medel\\ som är längre än 31 tecken</name>");
    const auto data = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(fs::exists(world.out / "lum-mul-2025" / "tjansteutlatande.xlsx"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
}
