// The application to the competence fund (fixtures/fuelstockholm-2005, seeds
// 000 and 001) through every stage to PDF, read back with pdftotext
// (poppler), a reader we did not write. The requested sum and the list of
// administrations are stated in several places; changing the data in one
// place changes every one of them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "command.hpp"
#include "job/job.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kFixture = fs::path(FUEL_SOURCE_DIR) / "fixtures" / "fuelstockholm-2005";

// Builds `data` (a copy of the fixture, or the fixture) into a scratch folder.
std::string build(const std::string& data, const std::string& name) {
    const auto dir = scratch_dir(name);
    job::Spec spec;
    spec.data_dir = data;
    spec.out_dir = dir;
    job::Environment env;
    env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
    const auto result = job::run(spec, env);
    REQUIRE(result.exit_code() == 0);
    return dir + "/" + fs::path(data).filename().string();
}

const std::string& fixture_out() {
    static const std::string out = build(kFixture.string(), "application-render");
    return out;
}

std::string text_of(const std::string& folder, const std::string& document) {
    const auto raw = fold_nbsp(run_command("pdftotext " + quote(folder + "/" + document + ".pdf") + " - 2>&1").output);
    return std::regex_replace(raw, std::regex("\\s+"), " ");
}

// With -layout: a table's rows as they stand on the page (in the default
// mode poppler may read a bold total row's cells apart from its label).
std::string layout_text_of(const std::string& folder, const std::string& document) {
    const auto raw =
        fold_nbsp(run_command("pdftotext -layout " + quote(folder + "/" + document + ".pdf") + " - 2>&1").output);
    return std::regex_replace(raw, std::regex("\\s+"), " ");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A copy of the fixture with `edit` applied to one of its files.
std::string copy_with(const std::string& name, const std::string& file, const std::string& from,
                      const std::string& to) {
    const auto dir = fs::path(scratch_dir(name + "-data")) / "fuelstockholm-2005";
    fs::create_directories(dir);
    fs::copy(kFixture, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    std::ifstream in(dir / file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    in.close();
    auto content = text.str();
    const auto at = content.find(from);
    REQUIRE(at != std::string::npos);
    content.replace(at, from.size(), to);
    std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << content;
    return dir.string();
}

}  // namespace

TEST_CASE("application render: three documents with HTML beside each, Excel for the table, case fields") {
    for (const auto* f : {"ansokan.pdf", "ansokan.html", "bilaga-budget.pdf", "bilaga-budget.html",
                          "bilaga-budget.xlsx", "tjansteutlatande.pdf", "tjansteutlatande.html", "tjansteutlatande.txt",
                          "tjansteutlatande.json", "account.txt", "account.json"})
        CHECK(fs::exists(fs::path(fixture_out()) / f));
}

TEST_CASE("application render: the application reads as seed 001, with the computed sum") {
    const auto text = text_of(fixture_out(), "ansokan");
    CHECK(contains(text, "Handläggare Shahid Saleem Telefon: 08-508 25 616"));
    CHECK(contains(text, "Till Kompetensfonden"));
    CHECK(contains(text,
                   "Ansökan om medel till försöksverksamhet FUELstockholm "
                   "(FUEL – forskning, utveckling, erfarenhet och lärande) (3 bilagor)"));
    CHECK(contains(text,
                   "Förvaltningen hemställer om 11 907 tkr som finansiering av nästan tvåårig "
                   "försöksverksamhet (FUELstockholm) för perioden mars 2005 – december 2006."));
    CHECK(contains(text, "Dag Helin"));
    CHECK(contains(text, "Projektledare (FUEL coach/koordinator): Rekryteras senare"));
    CHECK(contains(text,
                   "Deltagande sdf: Farsta, Kista, Skärholmen och Östermalm (successivt deltagande från "
                   "övriga sdf). Ingår i styrgrupp: Farsta, Kista, Skärholmen och Östermalm."));
    CHECK(contains(text, "Kista stadsförvaltning") == false);
    CHECK(contains(text, "Kista stadsdelsförvaltning: • Samverkansgrupp den 19 januari 2005"));
    CHECK(contains(text, "• Farsta stadsdelsnämnd under 2005"));
    CHECK(contains(text,
                   "Socialtjänstförvaltningen ansöker om 11 907 tkr hos kompetensfonden för "
                   "försöksverksamhet under perioden mars 2005 – december 2006. Sökt belopp är reviderat"));
    CHECK(contains(text, "• 6 FUEL-agenter (1–2 tjänster per stadsdel)"));
    CHECK(contains(text, "1. Beakta 5:e steg i trappan (Skärholmen)"));
    // The sections in the seed's order.
    std::size_t at = 0;
    for (const auto* heading :
         {"Inledning och bakgrund", "Förankring av projektet", "Målsättning", "Process och samarbetspartners",
          "Samordning med annat pågående arbete", "Personal", "Uppföljning och utvärdering", "Riskanalys",
          "Finansiering av förstudien", "Sökta medel", "Medfinansiering"}) {
        const auto found = text.find(heading, at);
        INFO(heading);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
    }
}

TEST_CASE("application render: the budget appendix adds its rows per year and cost type") {
    const auto text = layout_text_of(fixture_out(), "bilaga-budget");
    CHECK(contains(text, "Bilaga 2"));
    CHECK(contains(text, "Kostnadsslag 2005 2006 Totalt"));
    CHECK(contains(text, "Lön och sociala avgifter, FUEL-agenter 2 640 3 240 5 880"));
    CHECK(contains(text, "Summa 5 400 6 507 11 907"));
    CHECK(contains(text, "Medfinansiering"));
    CHECK(contains(text, "Budgeten avser åtta tjänster"));
}

TEST_CASE("application render: the decision document reads as seed 000, with the computed total") {
    const auto text = text_of(fixture_out(), "tjansteutlatande");
    CHECK(contains(text, "Tjänsteutlåtande"));
    CHECK(contains(text, "Till Socialtjänstnämnden 2005-03-15"));
    CHECK(contains(text,
                   "Ärendet är en ansökan till kompetensfonden om medel till en nästan tvåårig "
                   "försöksverksamhet med en total budget på 11 907 tkr."));
    CHECK(contains(text,
                   "Försöket påbörjas i samarbete med fyra stadsdelsförvaltningar (Farsta, Kista, "
                   "Skärholmen och Östermalm) och ett flertal andra aktörer."));
    CHECK(contains(text, "som genomfördes under oktober – december 2004."));
    CHECK(contains(text, "Ärendet är framtaget av förvaltningsledningen/Europaforum."));
    CHECK(contains(text,
                   "Förvaltningen föreslår att socialtjänstnämnden godkänner den bifogade ansökan "
                   "(daterad 2005-02-10) om medel till försöksverksamhet FUELstockholm."));
    CHECK(contains(text, "1. Socialtjänstnämnden godkänner den bifogade ansökan (daterad 2005-02-10)"));
    std::size_t at = 0;
    for (const auto* heading : {"Förvaltningens förslag till beslut", "Sammanfattning", "Ärendets beredning",
                                "Bakgrund", "Förvaltningens synpunkter", "Bilagor"}) {
        const auto found = text.find(heading, at);
        INFO(heading);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
    }
}

// The test of numbers by construction: one budget row changed, and
// the request sentence, "Sökta medel", the appendix's total and the decision
// document's summary all state the new sum.
TEST_CASE("application render: one budget row changed changes the sum in all four places") {
    const auto data =
        copy_with("application-row", "budget.csv", "2006;Extern utvärdering;450", "2006;Extern utvärdering;550");
    const auto out = build(data, "application-row-out");
    const auto application = text_of(out, "ansokan");
    const auto appendix = layout_text_of(out, "bilaga-budget");
    const auto decision = text_of(out, "tjansteutlatande");
    CHECK(contains(application, "Förvaltningen hemställer om 12 007 tkr som finansiering"));
    CHECK(contains(application, "Socialtjänstförvaltningen ansöker om 12 007 tkr hos kompetensfonden"));
    CHECK(contains(appendix, "Extern utvärdering 200 550 750"));
    CHECK(contains(appendix, "Summa 5 400 6 607 12 007"));
    CHECK(contains(decision, "med en total budget på 12 007 tkr."));
    for (const auto* text : {&application, &appendix, &decision}) CHECK_FALSE(contains(*text, "11 907"));
}

// The participating administrations in the summary, the steering group and
// the anchoring schedule are one list: an administration taken out of it
// leaves all three.
TEST_CASE("application render: an administration left out of the list leaves summary, steering group and schedule") {
    const auto data =
        copy_with("application-list", "application.xml",
                  "<administration name=\"Kista stadsdelsförvaltning\" short=\"Kista\" role=\"participant\" "
                  "steering-group=\"true\">\n"
                  "      <meeting date=\"2005-01-19\">Samverkansgrupp</meeting>\n"
                  "      <meeting date=\"2005-01-28\">Ledningsgruppen</meeting>\n"
                  "      <meeting month=\"2005-03\">Kista stadsdelsnämnd</meeting>\n"
                  "    </administration>\n",
                  "");
    const auto out = build(data, "application-list-out");
    const auto application = text_of(out, "ansokan");
    const auto decision = text_of(out, "tjansteutlatande");
    CHECK(contains(decision, "i samarbete med tre stadsdelsförvaltningar (Farsta, Skärholmen och Östermalm)"));
    CHECK(contains(application, "Deltagande sdf: Farsta, Skärholmen och Östermalm"));
    CHECK(contains(application, "Ingår i styrgrupp: Farsta, Skärholmen och Östermalm."));
    CHECK_FALSE(contains(application, "Kista stadsdelsförvaltning:"));
    CHECK_FALSE(contains(application, "Kista stadsdelsnämnd"));
}
