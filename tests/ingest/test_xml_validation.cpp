// XML text content, DOCTYPEs and entities, and the XSD check at run time
// (docs/formats.md "Checking an XML file against its schema").
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "ingest/final_report_readers.hpp"
#include "ingest/readers.hpp"

namespace {

const std::string kSource = FUEL_SOURCE_DIR;

std::string fixture(const std::string& path) {
    std::ifstream in(kSource + "/fixtures/" + path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The fixture's text with the first `from` replaced by `to`.
std::string changed(const std::string& path, const std::string& from, const std::string& to) {
    auto text = fixture(path);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

int line_of(const std::string& text, const std::string& part, std::size_t from = 0) {
    const auto at = text.find(part, from);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string all(const core::Diagnostics& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics.items()) text += core::to_string(d) + '\n';
    return text;
}

// The errors whose message holds `part`.
std::vector<core::Diagnostic> errors_with(const core::Diagnostics& diagnostics, const std::string& part) {
    std::vector<core::Diagnostic> found;
    for (const auto& d : diagnostics.items())
        if (d.severity == core::Severity::Error && d.message.find(part) != std::string::npos) found.push_back(d);
    return found;
}

const std::string kRound = "lum-mul-2025/round.xml";
const std::string kTitle = "<title>Fördelning av lokala utvecklingsmedel";
const std::string kFollowUp = "halvering-2002-2003/projekt/hal-01-skarholmen-myndighetssamverkan.xml";

}  // namespace

TEST_CASE("xml: the fixtures pass the schema check with no findings") {
    core::Diagnostics diagnostics;
    CHECK(ingest::parse_round(fixture(kRound), "round.xml", diagnostics));
    CHECK(ingest::parse_follow_up(fixture(kFollowUp), "p.xml", diagnostics));
    ingest::ReportSources sources;
    CHECK(ingest::parse_report(fixture("halvering-2002-2003/report.xml"), "report.xml", sources, diagnostics));
    INFO(all(diagnostics));
    CHECK(diagnostics.empty());
}

TEST_CASE("xml: a comment or a CDATA section inside a text does not cut it short") {
    const auto text =
        changed(kRound, kTitle, "<title>Fördelning <!-- ordet: av --> av <![CDATA[lokala]]> utvecklingsmedel");
    core::Diagnostics diagnostics;
    const auto round = ingest::parse_round(text, "round.xml", diagnostics);
    INFO(all(diagnostics));
    REQUIRE(round);
    CHECK(diagnostics.empty());
    CHECK(round->title.rfind("Fördelning av lokala utvecklingsmedel och medel för utveckling", 0) == 0);
}

TEST_CASE("xml: a comment inside an amount does not change the number") {
    // Before: the first PCDATA only, 300 kronor instead of 300 000.
    const auto text = changed(kFollowUp, "<decision kind=\"grant\" year=\"2002\">300000</decision>",
                              "<decision kind=\"grant\" year=\"2002\">300<!-- tkr -->000</decision>");
    core::Diagnostics diagnostics;
    const auto report = ingest::parse_follow_up(text, "p.xml", diagnostics);
    INFO(all(diagnostics));
    REQUIRE(report);
    CHECK(diagnostics.empty());
    REQUIRE(report->decisions.size() == 1);
    CHECK(report->decisions[0].amount == 300000);
}

TEST_CASE("xml: an element inside a text-only element is an error at that element") {
    const auto text = changed(kRound, kTitle, "<title>Fördelning <b>av</b> lokala utvecklingsmedel");
    core::Diagnostics diagnostics;
    ingest::parse_round(text, "round.xml", diagnostics);
    const auto found = errors_with(diagnostics, "<title> holds text only; the element <b>");
    INFO(all(diagnostics));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.line == line_of(text, "<b>"));
    CHECK(found[0].where.column == 22);  // pugixml places an element at its name
    // The schema says the same at the same place: one message.
    CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("xml: a repeated element is an error at the repetition, by the schema") {
    SECTION("a second <budget>") {
        const auto text =
            changed(kRound, "<budget>4500000</budget>", "<budget>4500000</budget>\n      <budget>9000000</budget>");
        core::Diagnostics diagnostics;
        ingest::parse_round(text, "round.xml", diagnostics);
        const auto found =
            errors_with(diagnostics, "schemas/round.xsd: Element 'budget': This element is not expected");
        INFO(all(diagnostics));
        REQUIRE(found.size() == 1);
        CHECK(found[0].where.line == line_of(text, "<budget>9000000"));
        CHECK(found[0].where.column == 8);
        CHECK(found[0].message.find("Another <budget> comes before it, at line " +
                                    std::to_string(line_of(text, "<budget>4500000"))) != std::string::npos);
    }
    SECTION("a second <year>") {
        const auto text = changed(kRound, "<year>2025</year>", "<year>2025</year><year>2026</year>");
        core::Diagnostics diagnostics;
        ingest::parse_round(text, "round.xml", diagnostics);
        INFO(all(diagnostics));
        REQUIRE(errors_with(diagnostics, "Element 'year'").size() == 1);
        CHECK(errors_with(diagnostics, "Element 'year'")[0].where.column == 21);
    }
    SECTION("a second <requested>") {
        const auto text = changed("lum-mul-2025/mul-ansokningar.xml", "<requested>25000</requested>",
                                  "<requested>25000</requested>\n    <requested>5000</requested>");
        core::Diagnostics diagnostics;
        core::Diagnostics round_diagnostics;
        const auto round = ingest::parse_round(fixture(kRound), "round.xml", round_diagnostics);
        REQUIRE(round);
        ingest::parse_applications_xml(text, "mul.xml", *round, diagnostics);
        INFO(all(diagnostics));
        const auto found = errors_with(diagnostics, "schemas/applications.xsd: Element 'requested'");
        REQUIRE(found.size() == 1);
        CHECK(found[0].where.line == line_of(text, "<requested>5000"));
    }
}

TEST_CASE("xml: an entity that XML cannot resolve without a DTD is an error, the predefined ones are fine") {
    const auto nbsp = changed(kRound, kTitle, "<title>Fördelning&nbsp;av lokala utvecklingsmedel");
    core::Diagnostics diagnostics;
    CHECK_FALSE(ingest::parse_round(nbsp, "round.xml", diagnostics));
    const auto found = errors_with(diagnostics, "the entity reference &nbsp; is not defined");
    INFO(all(diagnostics));
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.line == line_of(nbsp, "&nbsp;"));

    const auto fine =
        changed(kRound, kTitle, "<title>F&#246;rdelning&#160;av &amp; &lt;&gt;&quot;&apos; lokala utvecklingsmedel");
    core::Diagnostics ok;
    const auto round = ingest::parse_round(fine, "round.xml", ok);
    INFO(all(ok));
    REQUIRE(round);
    CHECK(ok.empty());
    INFO(round->title);
    CHECK(round->title.rfind("Fördelning av & <>\"' lokala", 0) == 0);
}

TEST_CASE("xml: a DOCTYPE is refused at its line, its entities never expanded") {
    const auto text = changed(kRound, "<round schema-version=\"1\">",
                              "<!DOCTYPE round [\n  <!ENTITY a \"aaaaaaaaaa\">\n  <!ENTITY b \"&a;&a;&a;&a;&a;&a;\">\n"
                              "  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<round schema-version=\"1\">");
    core::Diagnostics diagnostics;
    CHECK_FALSE(ingest::parse_round(text, "round.xml", diagnostics));
    INFO(all(diagnostics));
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.items()[0].where.line == line_of(text, "<!DOCTYPE"));
    CHECK(diagnostics.items()[0].where.column == 1);
    CHECK(diagnostics.items()[0].message.find("a DOCTYPE is not allowed") != std::string::npos);
}

TEST_CASE("xml: a value the schema's type refuses is reported once, at its element") {
    const auto text = changed(kRound, "<budget>4500000</budget>", "<budget>45OOOOO</budget>");
    core::Diagnostics diagnostics;
    ingest::parse_round(text, "round.xml", diagnostics);
    INFO(all(diagnostics));
    REQUIRE(diagnostics.error_count() >= 1);
    for (const auto& d : diagnostics.items()) CHECK(d.where.line == line_of(text, "45OOOOO"));
    CHECK(errors_with(diagnostics, "schemas/").empty());  // fuel's own message on that line is kept
}

TEST_CASE("xml: a root element in another namespace does not pass") {
    const auto text =
        changed(kRound, "<round schema-version=\"1\">", "<round xmlns=\"urn:example:rounds\" schema-version=\"1\">");
    core::Diagnostics diagnostics;
    ingest::parse_round(text, "round.xml", diagnostics);
    INFO(all(diagnostics));
    const auto found = errors_with(diagnostics, "schemas/round.xsd");
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.line == line_of(text, "<round xmlns"));
}
