// XML text content: the whole text of an element, whatever comments and
// CDATA sections it holds.
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

TEST_CASE("xml: a comment or a CDATA section inside a text does not cut it short") {
    const auto text = changed(kRound, kTitle, "<title>Fördelning <!-- ordet: av --> av <![CDATA[lokala]]> utvecklingsmedel");
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
    CHECK(diagnostics.error_count() == 1);
}
