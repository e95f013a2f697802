// An application to a fund (docs/formats-application.md): application.xml
// and its budget file, read from the fixture and from broken copies of it.
// Each broken input names its problem at its place, and nothing is read
// silently wrong.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/dataset_loader.hpp"
#include "ingest/fund_application_readers.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kFixture = fs::path(FUEL_SOURCE_DIR) / "fixtures" / "fuelstockholm-2005";

std::string fixture_text(const char* name) {
    std::ifstream in(kFixture / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The fixture's application.xml with `from` replaced by `to` (once; the
// test fails if `from` is not in it).
std::string changed(const std::string& from, const std::string& to) {
    auto text = fixture_text("application.xml");
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

bool has(const core::Diagnostics& d, core::Severity severity, const std::string& text, int line = 0) {
    for (const auto& item : d.items())
        if (item.severity == severity && item.message.find(text) != std::string::npos &&
            (line == 0 || item.where.line == line))
            return true;
    return false;
}

void show(const core::Diagnostics& d) {
    for (const auto& item : d.items()) UNSCOPED_INFO(core::to_string(item));
}

int line_of(const std::string& text, const std::string& part) {
    const auto at = text.find(part);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("application: the fixture reads without a problem, every part in its place") {
    core::Diagnostics d;
    const auto dataset = ingest::load_dataset(kFixture.string(), d);
    show(d);
    REQUIRE(dataset);
    CHECK(d.items().empty());
    REQUIRE(dataset->fund_application);
    const auto& a = *dataset->fund_application;
    CHECK(a.fund == "Kompetensfonden");
    CHECK(a.case_officer.name == "Shahid Saleem");
    CHECK(a.case_officer.phone == "08-508 25 616");
    CHECK(a.period_from == model::YearMonth{2005, 3});
    CHECK(a.period_to == model::YearMonth{2006, 12});
    CHECK(a.lead_recruited_later);
    REQUIRE(a.administrations.size() == 5);
    REQUIRE(a.applicant());
    CHECK(a.applicant()->name == "Socialtjänstförvaltningen");
    CHECK(a.administrations[4].meetings.size() == 3);
    CHECK(a.administrations[1].meetings[0].year == 2004);
    CHECK(a.administrations[2].meetings[2].month == model::YearMonth{2005, 3});
    CHECK_FALSE(a.administrations[3].meetings[3].date);
    REQUIRE(a.staff.size() == 3);
    CHECK(a.staff[2].count == 6);
    CHECK(a.attachments.size() == 3);
    REQUIRE(a.budget.size() == 18);
    CHECK(a.budget[0].amount == 580000);
    CHECK(a.budget[0].where.line == 2);
    // The round the shared stages read: the committee and the applicant.
    CHECK(dataset->round.committee == "Socialtjänstnämnden");
    CHECK(dataset->round.administration == "Socialtjänstförvaltningen");
    CHECK(dataset->round.template_name == "ansokan-fond");
    REQUIRE(dataset->sources.size() == 1);
    CHECK(dataset->sources[0].records.size() == 18);
    CHECK(dataset->sources[0].records[0].feeds == "budget");
}

TEST_CASE("application: a folder with application.xml is a dataset, and a near miss of the name is named") {
    CHECK(ingest::find_datasets(kFixture.string()) == std::vector<std::string>{kFixture.string()});
    const auto dir = test_support::scratch_dir("application-near-miss");
    fs::create_directories(fs::path(dir) / "ansokan");
    std::ofstream(fs::path(dir) / "ansokan" / "Application.xml") << fixture_text("application.xml");
    CHECK(ingest::find_datasets(dir).empty());
    const auto near = ingest::near_miss_datasets(dir);
    REQUIRE(near.size() == 1);
    CHECK(near[0].message.find("application.xml (an application to a fund)") != std::string::npos);
}

TEST_CASE("application: another root element or schema version is refused") {
    core::Diagnostics d;
    CHECK_FALSE(ingest::parse_fund_application("<round schema-version=\"1\"/>", "application.xml", d));
    CHECK(has(d, core::Severity::Error, "the root element is <round>, expected <application>"));
    core::Diagnostics v;
    CHECK_FALSE(ingest::parse_fund_application(changed("schema-version=\"1\"", "schema-version=\"2\""), "a.xml", v));
    CHECK(has(v, core::Severity::Error, "schema-version \"2\" is not supported"));
}

TEST_CASE("application: a meeting with two times, a bad month and a bad year are each named at their line") {
    const auto text = changed("<meeting year=\"2004\">Ledningsgrupp inom IoF</meeting>",
                              "<meeting year=\"2004\" month=\"2004-11\">Ledningsgrupp inom IoF</meeting>");
    core::Diagnostics d;
    REQUIRE(ingest::parse_fund_application(text, "application.xml", d));
    show(d);
    CHECK(has(d, core::Severity::Error, "a <meeting> has one of date, month and year, not 2",
              line_of(text, "Ledningsgrupp inom IoF")));

    const auto month = changed("<period from=\"2005-03\"", "<period from=\"2005-13\"");
    core::Diagnostics m;
    REQUIRE(ingest::parse_fund_application(month, "application.xml", m));
    CHECK(has(m, core::Severity::Error, "from \"2005-13\" is not a month (write 2005-03)", line_of(month, "<period")));

    const auto year = changed("<meeting year=\"2005\">", "<meeting year=\"05\">");
    core::Diagnostics y;
    REQUIRE(ingest::parse_fund_application(year, "application.xml", y));
    CHECK(has(y, core::Severity::Error, "year \"05\" is not a four-digit year"));
}

TEST_CASE("application: a missing case officer, an unknown element and a reference in running text are errors") {
    const auto officer = changed("<case-officer>", "<officer>");
    const auto no_officer = officer.substr(0, officer.find("<officer>")) +
                            officer.substr(officer.find("</case-officer>") + std::string("</case-officer>").size());
    core::Diagnostics d;
    REQUIRE(ingest::parse_fund_application(no_officer, "application.xml", d));
    CHECK(has(d, core::Severity::Error, "<applicant> needs a <case-officer>"));

    const auto unknown = changed("<goals>", "<goals><goal>Egen försörjning</goal>");
    core::Diagnostics u;
    REQUIRE(ingest::parse_fund_application(unknown, "application.xml", u));
    show(u);
    CHECK_FALSE(u.items().empty());
    CHECK(u.has_errors());

    const auto ref = changed("Egen försörjning är målet.", "Egen försörjning är målet <ref project=\"HAL-01\"/>.");
    core::Diagnostics r;
    REQUIRE(ingest::parse_fund_application(ref, "application.xml", r));
    show(r);
    CHECK(r.has_errors());
    bool at_line = false;
    for (const auto& item : r.items()) at_line |= item.where.line == line_of(ref, "<ref project");
    CHECK(at_line);
}

TEST_CASE("application: a lead both named and recruited later, or neither, is an error") {
    core::Diagnostics both;
    REQUIRE(ingest::parse_fund_application(
        changed("<lead recruited-later=\"true\"/>", "<lead recruited-later=\"true\"><name>Anna</name></lead>"),
        "application.xml", both));
    CHECK(has(both, core::Severity::Error, "<lead> names a lead and says the lead is recruited later"));
    core::Diagnostics neither;
    REQUIRE(ingest::parse_fund_application(changed("<lead recruited-later=\"true\"/>", "<lead/>"), "application.xml",
                                           neither));
    CHECK(has(neither, core::Severity::Error, "<lead> needs a <name> or recruited-later=\"true\""));
}

TEST_CASE("application: a budget href outside the folder is refused") {
    core::Diagnostics d;
    const auto a = ingest::parse_fund_application(changed("href=\"budget.csv\"", "href=\"../lum-mul-2025/lum.csv\""),
                                                  "application.xml", d);
    REQUIRE(a);
    CHECK(a->budget_source.empty());
    CHECK(has(d, core::Severity::Error, "must be a path inside the application's folder"));
}

TEST_CASE("budget file: the fixture's rows, columns in any order and case, in tkr") {
    model::FundApplication a;
    core::Diagnostics d;
    const auto source = ingest::parse_budget_csv(
        "\xEF\xBB\xBF"
        "Belopp_tkr;År;Kostnadsslag\r\n"
        "1 200;2005;Lön\r\n"
        "300;2006;Resor\r\n",
        "budget.csv", a, d);
    show(d);
    CHECK(d.items().empty());
    CHECK(source.readable);
    REQUIRE(a.budget.size() == 2);
    CHECK(a.budget[0].amount == 1200000);
    CHECK(a.budget[0].year == 2005);
    CHECK(a.budget[1].cost_type == "Resor");
    REQUIRE(source.records.size() == 2);
    CHECK(source.records[1].where.line == 3);
    CHECK(source.records[1].title == "2006 Resor");
}

TEST_CASE("budget file: bad cells are errors at their cell, and every row stays a record of the account") {
    model::FundApplication a;
    core::Diagnostics d;
    const auto source = ingest::parse_budget_csv(
        "år;kostnadsslag;belopp_tkr\n"
        "05;Lön;100\n"
        "2005;;100\n"
        "2005;Resor;1,5\n"
        "2005;Tryck;-20\n",
        "budget.csv", a, d);
    show(d);
    CHECK(has(d, core::Severity::Error, "år \"05\" is not a four-digit year", 2));
    CHECK(has(d, core::Severity::Error, "the row has no kostnadsslag", 3));
    CHECK(has(d, core::Severity::Error, "belopp_tkr \"1,5\" is not whole tkr", 4));
    CHECK(has(d, core::Severity::Error, "belopp_tkr \"-20\" is negative", 5));
    CHECK(d.error_count() == 4);
    bool line4 = false, line5 = false;
    for (const auto& item : d.items()) {
        line4 |= item.severity == core::Severity::Error && item.where.line == 4;
        line5 |= item.severity == core::Severity::Error && item.where.line == 5;
    }
    CHECK(line4);
    CHECK(line5);
    CHECK(source.records.size() == 4);
}

TEST_CASE("budget file: an unknown or missing column, and an empty file, are errors") {
    model::FundApplication a;
    core::Diagnostics d;
    ingest::parse_budget_csv("år;kostnadstyp;belopp_tkr\n2005;Lön;100\n", "budget.csv", a, d);
    show(d);
    CHECK(has(d, core::Severity::Error, "unknown column \"kostnadstyp\""));
    CHECK(has(d, core::Severity::Error, "the header has no column kostnadsslag"));
    core::Diagnostics e;
    const auto empty = ingest::parse_budget_csv("", "budget.csv", a, e);
    show(e);
    CHECK_FALSE(empty.readable);
    CHECK(has(e, core::Severity::Error, "the file is empty (0 bytes)"));
    core::Diagnostics b;
    ingest::parse_budget_csv("\n\n", "budget.csv", a, b);
    CHECK(has(b, core::Severity::Error, "the budget file is empty"));
    core::Diagnostics h;
    ingest::parse_budget_csv("år;kostnadsslag;belopp_tkr\n", "budget.csv", a, h);
    CHECK(has(h, core::Severity::Error, "the budget file has no rows"));
}

TEST_CASE("application: a file the application does not list is named, a missing budget file is an error") {
    const auto dir = test_support::scratch_dir("application-unlisted");
    fs::copy(kFixture, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::ofstream(fs::path(dir) / "budget (1).csv") << "år;kostnadsslag;belopp_tkr\n2005;Lön;1\n";
    core::Diagnostics d;
    REQUIRE(ingest::load_dataset(dir, d));
    CHECK(has(d, core::Severity::Warning, "not listed in application.xml <sources>, not read (a second copy"));
    fs::remove(fs::path(dir) / "budget.csv");
    core::Diagnostics m;
    const auto missing = ingest::load_dataset(dir, m);
    REQUIRE(missing);
    CHECK(m.has_errors());
    REQUIRE(missing->sources.size() == 1);
    CHECK_FALSE(missing->sources[0].readable);
}
