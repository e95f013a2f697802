// Family 2, XML: comments, CDATA and elements inside texts, repeated
// elements, entities and DOCTYPEs, XInclude, wrong roots, namespaces and
// versions, truncated files and values of the wrong type, in each kind of XML
// a dataset holds (round.xml, an applications file, report.xml, a follow-up
// report). Every refusal names file:line (and column where it means
// something), and the data stays as it was.
#include <algorithm>

#include "adversarial/adversarial.hpp"

using namespace adversarial;

namespace {

const std::string kRound = "round.xml";
const std::string kApplications = "mul-ansokningar.xml";
const std::string kFinal = "halvering-2002-2003";
const std::string kFollowUp = "projekt/hal-01-skarholmen-myndighetssamverkan.xml";
const std::string kTitle = "<title>Fördelning av lokala utvecklingsmedel";

// 1-based line of the first `part` in a file.
int line_of(const fs::path& file, const std::string& part) {
    const auto text = read_file(file);
    const auto at = text.find(part);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// "<file>:<line>:" or "<file>:<line>:<column>: error: " as fuel prints it.
// fuel places an element at its name, one column after its '<'.
std::string at(const fs::path& file, int line, int column = 0) {
    return file.string() + ":" + std::to_string(line) + (column > 0 ? ":" + std::to_string(column) : "") +
           (column > 0 ? ": error: " : ":");
}

// A run that must refuse the dataset: exit status 1, the message at its
// place, and the data unchanged; for build, nothing written for the dataset.
void require_refused(const World& world, const std::string& command, const std::string& dataset,
                     const std::string& where, const std::string& message) {
    const auto data = snapshot(world.data);
    const auto run = world.fuel(command);
    INFO(run.err);
    REQUIRE(run.status == 1);
    REQUIRE(contains(run.err, where));
    REQUIRE(contains(run.err, message));
    // The message is on the line that names the place.
    const auto line_start = run.err.find(where);
    const auto line_end = run.err.find('\n', line_start);
    REQUIRE(contains(run.err.substr(line_start, line_end - line_start), message));
    // libxml2 never prints on its own ("parser error :", "Schemas validity error :").
    CHECK_FALSE(contains(run.err + run.out, "parser error :"));
    CHECK_FALSE(contains(run.err + run.out, "validity error :"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
    if (command == "build") REQUIRE_FALSE(fs::exists(world.out / dataset));
}

}  // namespace

TEST_CASE("xml: a comment and a CDATA section inside titles give the whole title in the documents") {
    World world("xml-comment-title");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, kTitle, "<title>Fördelning av <!-- medel, inte pengar --> lokala utvecklingsmedel");
    replace_in_file(world.dataset() / kApplications,
                    "<title>Studiebesök hos Malmö stads öppenvård för beroende</title>",
                    "<title>Studiebesök hos <![CDATA[Malmö]]> stads <!-- ÖV -->öppenvård för beroende</title>");
    const auto data = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto html = read_file(world.out / "lum-mul-2025" / "tjansteutlatande.html");
    CHECK(contains(html, "Fördelning av lokala utvecklingsmedel och medel för utveckling"));
    const auto appendix = read_file(world.out / "lum-mul-2025" / "bilaga-2-mul-ansokningar.html");
    CHECK(contains(appendix, "Studiebesök hos Malmö stads öppenvård för beroende"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
}

TEST_CASE("xml: an element inside a title is refused at that element") {
    World world("xml-element-in-title");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, kTitle, "<title>Fördelning <em>av</em> lokala utvecklingsmedel");
    require_refused(world, "build", "lum-mul-2025", at(round, line_of(round, "<em>"), 22),
                    "<title> holds text only; the element <em> inside it is not allowed");
}

TEST_CASE("xml: a second <title> in round.xml is refused at the second") {
    World world("xml-two-titles");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, "<administration>Socialförvaltningen</administration>",
                    "<title>En annan titel</title>\n  <administration>Socialförvaltningen</administration>");
    require_refused(world, "check", "lum-mul-2025", at(round, line_of(round, "En annan titel"), 4),
                    "Element 'title': This element is not expected");
}

TEST_CASE("xml: a second <budget> of a fund is refused, not silently ignored") {
    World world("xml-two-budgets");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, "<budget>4500000</budget>", "<budget>4500000</budget>\n      <budget>9000000</budget>");
    require_refused(world, "build", "lum-mul-2025", at(round, line_of(round, "9000000"), 8),
                    "Another <budget> comes before it");
}

TEST_CASE("xml: a second <year> in round.xml is refused") {
    World world("xml-two-years");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, "<year>2025</year>", "<year>2025</year>\n  <year>2026</year>");
    require_refused(world, "check", "lum-mul-2025", at(round, line_of(round, "2026"), 4),
                    "Element 'year': This element is not expected");
}

TEST_CASE("xml: a second <requested> of an application is refused") {
    World world("xml-two-requested");
    const auto file = world.dataset() / kApplications;
    replace_in_file(file, "<requested>25000</requested>",
                    "<requested>25000</requested>\n    <requested>2500</requested>");
    require_refused(world, "check", "lum-mul-2025", at(file, line_of(file, "<requested>2500<"), 6),
                    "schemas/applications.xsd: Element 'requested': This element is not expected");
}

TEST_CASE("xml: a letter in an amount is refused at the amount, once") {
    World world("xml-letter-in-amount");
    const auto file = world.dataset() / kApplications;
    replace_in_file(file, "<requested>25000</requested>", "<requested>25O00</requested>");
    const auto line = line_of(file, "25O00");
    require_refused(world, "check", "lum-mul-2025", at(file, line), "25O00");
    const auto run = world.fuel("check");
    const auto where = at(file, line);
    std::size_t count = 0;
    for (auto p = run.err.find(where); p != std::string::npos; p = run.err.find(where, p + 1)) ++count;
    CHECK(count == 1);
}

TEST_CASE("xml: &nbsp without a DTD is refused at its line, not printed literally") {
    World world("xml-nbsp");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, kTitle, "<title>Fördelning&nbsp;av lokala utvecklingsmedel");
    require_refused(world, "build", "lum-mul-2025", at(round, line_of(round, "&nbsp;")),
                    "the entity reference &nbsp; is not defined");
}

TEST_CASE("xml: a DOCTYPE with nested entities (billion laughs) is refused at once") {
    World world("xml-billion-laughs");
    const auto round = world.dataset() / kRound;
    std::string doctype = "<!DOCTYPE round [\n  <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i)
        doctype += "  <!ENTITY lol" + std::to_string(i) + " \"" + [&] {
            std::string ten;
            for (int k = 0; k < 10; ++k) ten += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
            return ten;
        }() + "\">\n";
    doctype += "]>\n";
    replace_in_file(round, "<round schema-version=\"1\">", doctype + "<round schema-version=\"1\">");
    replace_in_file(round, kTitle, "<title>&lol9; Fördelning av lokala utvecklingsmedel");
    require_refused(world, "check", "lum-mul-2025", at(round, line_of(round, "<!DOCTYPE"), 1),
                    "a DOCTYPE is not allowed");
}

TEST_CASE("xml: an external entity naming /etc/passwd is refused and its content appears nowhere") {
    World world("xml-external-entity");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, "<round schema-version=\"1\">",
                    "<!DOCTYPE round [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n<round schema-version=\"1\">");
    replace_in_file(round, kTitle, "<title>&xxe; Fördelning av lokala utvecklingsmedel");
    require_refused(world, "build", "lum-mul-2025", at(round, line_of(round, "<!DOCTYPE"), 1),
                    "a DOCTYPE is not allowed");
    const auto run = world.fuel("check", {"--format", "json"});
    for (const auto& text : {run.out, run.err}) {
        CHECK_FALSE(contains(text, "root:x:0:0"));
        CHECK_FALSE(contains(text, "/bin/sh"));
    }
    for (const auto& [name, bytes] : snapshot(world.out)) CHECK_FALSE(contains(bytes, "root:x:0:0"));
}

TEST_CASE("xml: an XInclude in report.xml is not followed and is refused at its element") {
    World world("xml-xinclude", {kFinal});
    const auto report = world.dataset(kFinal) / "report.xml";
    replace_in_file(
        report, "<period from-year=\"2002\" to-year=\"2003\"/>",
        "<period from-year=\"2002\" to-year=\"2003\"/>\n  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
        "href=\"/etc/passwd\" parse=\"text\"/>");
    require_refused(world, "build", kFinal, at(report, line_of(report, "<xi:include"), 4),
                    "unknown element <xi:include>");
    const auto run = world.fuel("check");
    CHECK_FALSE(contains(run.err + run.out, "root:x:0:0"));
}

TEST_CASE("xml: an applications file with another root element is refused at the root") {
    World world("xml-wrong-root");
    const auto file = world.dataset() / kApplications;
    replace_in_file(file, "<applications schema-version=\"1\">", "<ansokningar schema-version=\"1\">");
    replace_in_file(file, "</applications>", "</ansokningar>");
    require_refused(world, "check", "lum-mul-2025", at(file, line_of(file, "<ansokningar"), 2),
                    "the root element is <ansokningar>, expected <applications>");
}

TEST_CASE("xml: a round in a namespace is refused by the schema at its root") {
    World world("xml-namespace");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, "<round schema-version=\"1\">", "<round xmlns=\"urn:example:fuel\" schema-version=\"1\">");
    require_refused(world, "check", "lum-mul-2025", at(round, line_of(round, "<round xmlns"), 2), "schemas/round.xsd");
}

TEST_CASE("xml: report.xml of schema-version 2 is refused with one message at the root") {
    World world("xml-version", {kFinal});
    const auto report = world.dataset(kFinal) / "report.xml";
    replace_in_file(report, "<report schema-version=\"1\">", "<report schema-version=\"2\">");
    const auto where = at(report, line_of(report, "<report schema-version"), 2);
    require_refused(world, "check", kFinal, where, "schema-version \"2\" is not supported");
    const auto run = world.fuel("check");
    CHECK(run.err.find(where) == run.err.rfind(where));  // the schema's word on it is not repeated
}

TEST_CASE("xml: a truncated follow-up report is refused as not well-formed with its line") {
    World world("xml-truncated", {kFinal});
    const auto file = world.dataset(kFinal) / kFollowUp;
    const auto text = read_file(file);
    write_file(file, text.substr(0, text.find("<experiences>")));
    require_refused(world, "build", kFinal, file.string() + ":", "the XML is not well-formed");
}

TEST_CASE("xml: a second <years> in a follow-up report is refused") {
    World world("xml-two-years-follow-up", {kFinal});
    const auto file = world.dataset(kFinal) / kFollowUp;
    replace_in_file(file, "<years>2002</years>", "<years>2002</years>\n  <years>2003</years>");
    require_refused(world, "check", kFinal, at(file, line_of(file, "<years>2003"), 4),
                    "schemas/followup-report.xsd: Element 'years': This element is not expected");
}

TEST_CASE("xml: a comment inside a follow-up report's amount keeps the whole amount") {
    World world("xml-comment-amount", {kFinal});
    const auto file = world.dataset(kFinal) / kFollowUp;
    replace_in_file(file, "<decision kind=\"grant\" year=\"2002\">300000</decision>",
                    "<decision kind=\"grant\" year=\"2002\">300<!-- tkr -->000</decision>");
    const auto run = world.fuel("check");
    INFO(run.err);
    REQUIRE(run.status == 0);
}

TEST_CASE("xml: a repeated attribute is refused as not well-formed") {
    World world("xml-repeated-attribute");
    const auto round = world.dataset() / kRound;
    replace_in_file(round, "<fund code=\"LUM\">", "<fund code=\"LUM\" code=\"MUL\">");
    require_refused(world, "check", "lum-mul-2025", at(round, line_of(round, "code=\"MUL\">")),
                    "the XML is not well-formed");
}

TEST_CASE("xml: a misspelt element in report.xml is reported once, by fuel, not again by the schema") {
    World world("xml-typo", {kFinal});
    const auto report = world.dataset(kFinal) / "report.xml";
    replace_in_file(report, "<money-abbreviation>", "<money-abreviation>");
    replace_in_file(report, "</money-abbreviation>", "</money-abreviation>");
    const auto where = at(report, line_of(report, "<money-abreviation>"), 4);
    require_refused(world, "check", kFinal, where, "unknown element <money-abreviation>");
    const auto run = world.fuel("check");
    CHECK(run.err.find(where) == run.err.rfind(where));
}
