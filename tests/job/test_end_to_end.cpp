// The 2025 LUM/MUL round from fixtures/ through every stage to PDF, read back
// with pdftotext (poppler), a reader we did not write.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <regex>

#include "command.hpp"
#include "job/job.hpp"

namespace fs = std::filesystem;

namespace {

struct Built {
    job::Result result;
    std::string out;
};

// Built once for all the test cases of this file.
const Built& built() {
    static const Built b = [] {
        Built x;
        x.out = scratch_dir("end-to-end");
        job::Spec spec;
        spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025";
        spec.out_dir = x.out;
        job::Environment env;
        env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
        x.result = job::run(spec, env);
        return x;
    }();
    return b;
}

std::string pdf_text(const std::string& name, const std::string& options = "") {
    const auto path = built().out + "/lum-mul-2025/" + name + ".pdf";
    return fold_nbsp(run_command("pdftotext " + options + " " + quote(path) + " - 2>&1").output);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Collapses runs of white space (line breaks included) to one space, so a
// sentence can be found whatever lines the layout broke it into.
std::string flat(const std::string& text) { return std::regex_replace(text, std::regex("\\s+"), " "); }

}  // namespace

TEST_CASE("end to end: the fixture builds three documents without errors") {
    const auto& r = built().result;
    REQUIRE(r.datasets.size() == 1);
    for (const auto& d : r.datasets[0].diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    CHECK(r.datasets[0].failure == "");
    REQUIRE(r.datasets[0].outcome == job::Outcome::Built);
    CHECK(r.exit_code() == 0);
    CHECK(r.datasets[0].outputs.size() == 3);
    for (const auto& name : {"tjansteutlatande", "bilaga-1-lum-ansokningar", "bilaga-2-mul-ansokningar"})
        CHECK(fs::exists(built().out + "/lum-mul-2025/" + name + ".pdf"));
}

TEST_CASE("end to end: the decision document states the totals computed from the data") {
    const auto text = flat(pdf_text("tjansteutlatande"));
    // The seed's LUM table rows add up to 4 500 000 (its total row says
    // 4 000 000; fixtures/lum-mul-2025/README.md); 11 MUL grants of 20 000.
    CHECK(contains(text, "4 500 000 kronor avsätts till lokala utvecklingsmedel"));
    CHECK(contains(text, "220 000 kronor till medel för utveckling och lärande"));
    CHECK(contains(text, "tilldelning av 4 720 000 kronor"));
    CHECK(contains(text, "Ansökta medel omfattade totalt 6 200 000 kronor"));
    // The total rows, read in layout order: without -layout, pdftotext may
    // read a table's header cell between a row's first and last cells.
    const auto rows = pdf_text("tjansteutlatande", "-layout");
    CHECK(std::regex_search(rows, std::regex("Totalt +4 500 000")));
    CHECK(std::regex_search(rows, std::regex("Totalt +220 000")));
}

TEST_CASE("end to end: counts are written as words where the house style says so") {
    const auto text = flat(pdf_text("tjansteutlatande"));
    CHECK(contains(text, "nio LUM-ansökningar beviljas helt, en beviljas delvis och sex avslås"));
    CHECK(contains(text, "vilka kom från tio stadsdelsförvaltningar samt socialförvaltningen"));
    CHECK(contains(text, "Tolv ansökningar avsåg medel för utveckling och lärande"));
    CHECK(contains(text, "sju stadsdelsförvaltningar samt socialförvaltningen"));
    CHECK(contains(text, "Av tolv inkomna MUL-ansökningar föreslås att elva beviljas 20 000 kronor vardera"));
}

TEST_CASE("end to end: every granted title is in the decision document") {
    const auto text = flat(pdf_text("tjansteutlatande"));
    for (const auto* title :
         {"Prata om det", "Digital Lots", "Viewpoint inom socialpsykiatri", "Familjeorienterat boendestöd (FOB)",
          "Hur kan brukare och personal förstå varandra bättre?", "Stärkt brukardelaktighet", "Unga och skuldtyngda",
          "Rätt vård för rätt pris", "Visuella verktyg i socialtjänsten", "Digital lösning för kommunikation mellan"}) {
        CAPTURE(title);
        CHECK(contains(text, title));
    }
    for (const auto* rejected : {"Brobyggare arbetsmarknad", "Proaktiv och digital återfallsprevention",
                                 "Resa till Seniorcenter Simensbråten-Ekeberg i Oslo"}) {
        CAPTURE(rejected);
        CHECK(contains(text, rejected));
    }
}

TEST_CASE("end to end: every page carries its page mark Sida X (N)") {
    for (const auto* name : {"tjansteutlatande", "bilaga-1-lum-ansokningar", "bilaga-2-mul-ansokningar"}) {
        CAPTURE(name);
        const auto info = run_command("pdfinfo " + quote(built().out + "/lum-mul-2025/" + name + ".pdf")).output;
        std::smatch m;
        REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
        const int pages = std::stoi(m[1]);
        CHECK(pages >= 2);
        for (int page = 1; page <= pages; ++page) {
            const auto text = pdf_text(name, "-f " + std::to_string(page) + " -l " + std::to_string(page));
            CHECK(contains(text, "Sida " + std::to_string(page) + " (" + std::to_string(pages) + ")"));
        }
    }
}

TEST_CASE("end to end: fonts are embedded and Swedish text copies out correctly") {
    const auto path = built().out + "/lum-mul-2025/tjansteutlatande.pdf";
    const auto fonts = run_command("pdffonts " + quote(path)).output;
    CHECK(contains(fonts, "emb"));
    CHECK_FALSE(std::regex_search(
        fonts, std::regex("\\bno\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$", std::regex::multiline)));
    const auto text = run_command("pdftotext " + quote(path) + " - 2>&1").output;
    CHECK(contains(text, "Tjänsteutlåtande"));
    CHECK(contains(text, "Förvaltningens förslag till beslut"));
    CHECK(contains(text, "Hägersten-Älvsjö"));
    CHECK_FALSE(contains(text, "Syntax Warning"));
}

TEST_CASE("end to end: the appendices hold every application with its assessment") {
    // -layout keeps a table row on one line; the default reading order gives
    // a table column by column.
    const auto lum = flat(pdf_text("bilaga-1-lum-ansokningar", "-layout"));
    for (int i = 1; i <= 16; ++i) {
        const std::string id = (i < 10 ? "LUM-0" : "LUM-") + std::to_string(i);
        CAPTURE(id);
        CHECK(contains(lum, id));
    }
    CHECK(contains(lum, "Uppfyller inte"));
    CHECK(contains(lum, "Totalt 6 200 000 4 500 000"));
    const auto mul = flat(pdf_text("bilaga-2-mul-ansokningar", "-layout"));
    for (int i = 1; i <= 12; ++i) {
        const std::string id = (i < 10 ? "MUL-0" : "MUL-") + std::to_string(i);
        CAPTURE(id);
        CHECK(contains(mul, id));
    }
    CHECK(contains(mul, "Totalt 300 000 220 000"));
}

TEST_CASE("end to end: the same input gives byte-identical PDFs") {
    const auto again = scratch_dir("end-to-end-again");
    job::Spec spec;
    spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025";
    spec.out_dir = again;
    job::Environment env;
    env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
    REQUIRE(job::run(spec, env).exit_code() == 0);
    const auto a = built().out + "/lum-mul-2025/tjansteutlatande.pdf";
    const auto b = again + "/lum-mul-2025/tjansteutlatande.pdf";
    CHECK(run_command("cmp " + quote(a) + " " + quote(b)).status == 0);
}

TEST_CASE("end to end: the build writes the account of every record beside the documents") {
    const auto folder = built().out + "/lum-mul-2025/";
    const auto& d = built().result.datasets.at(0);
    CHECK(d.records_read == 72);  // 16 LUM (CSV) + 12 MUL (XML) + 42 report rows + 2 repayments
    CHECK(d.records_read == d.records_used + d.records_rejected);
    CHECK(d.records_rejected == 0);
    std::ifstream text(folder + job::kAccountTextFile);
    REQUIRE(text.good());
    const std::string account((std::istreambuf_iterator<char>(text)), std::istreambuf_iterator<char>());
    CHECK(contains(account, "account of lum-mul-2025: 72 records read, 72 used, 0 rejected"));
    for (const auto* id : {"LUM-01", "LUM-16", "MUL-01", "MUL-12"}) {
        CAPTURE(id);
        CHECK(contains(account, std::string(id) + " \""));
    }
    CHECK(fs::file_size(folder + job::kAccountJsonFile) > 0);
}

namespace {

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

TEST_CASE(
    "end to end: beside each PDF its HTML, its Word twin, its tables as Excel, and the decision document's case "
    "fields") {
    const auto& d = built().result.datasets.at(0);
    std::map<std::string, std::vector<std::string>> companions;
    for (const auto& document : d.documents)
        for (const auto& path : document.companions) companions[document.name].push_back(fs::path(path).filename());
    using names = std::vector<std::string>;
    CHECK(companions["tjansteutlatande"] == names{"tjansteutlatande.html", "tjansteutlatande.docx",
                                                  "tjansteutlatande.txt", "tjansteutlatande.json",
                                                  "tjansteutlatande.xlsx"});
    CHECK(companions["bilaga-1-lum-ansokningar"] ==
          names{"bilaga-1-lum-ansokningar.html", "bilaga-1-lum-ansokningar.docx", "bilaga-1-lum-ansokningar.xlsx"});
    for (const auto& [name, files] : companions)
        for (const auto& file : files) CHECK(fs::is_regular_file(built().out + "/lum-mul-2025/" + file));
    const auto text = file_bytes(built().out + "/lum-mul-2025/tjansteutlatande.txt");
    CHECK(contains(text, "1. Socialnämnden godkänner förvaltningens förslag"));
    // No temporary file is left beside them.
    for (const auto& entry : fs::directory_iterator(built().out + "/lum-mul-2025"))
        CHECK(entry.path().extension() != ".tmp");
}

TEST_CASE("end to end: two builds write byte-identical HTML, Word, Excel, text and JSON") {
    const auto other = scratch_dir("end-to-end-again");
    job::Spec spec;
    spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025";
    spec.out_dir = other;
    job::Environment env;
    env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
    const auto again = job::run(spec, env);
    REQUIRE(again.exit_code() == 0);
    std::size_t compared = 0;
    for (const auto& document : built().result.datasets.at(0).documents)
        for (const auto& path : document.companions) {
            CAPTURE(path);
            const auto name = fs::path(path).filename().string();
            CHECK(file_bytes(path) == file_bytes(other + "/lum-mul-2025/" + name));
            ++compared;
        }
    CHECK(compared == 11);
}
