// The status page, opened from disk in headless Chromium (Debian's
// chromium, a browser we did not write): it loads, every link points to a
// file that exists, and failed datasets are shown as failed with their
// diagnostics, next to the good one. The JSON says the same for monitors.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "datasets.hpp"
#include "job/command.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

struct Site {
    std::string out;
    int first_status = -1, second_status = -1;
};

// CTest runs each test case as its own process, possibly at the same time
// as the others: each process gets its own folder, removed when it ends.
struct ProcessScratch {
    std::string root = scratch("status-page-" + std::to_string(::getpid()));
    ~ProcessScratch() { fs::remove_all(root); }
};

std::string own_scratch(const std::string& name) {
    static const ProcessScratch process;
    const auto dir = process.root + "/" + name;
    fs::create_directories(dir);
    return dir;
}

// Three datasets: the fixture; a copy of it that builds, then breaks (its
// last good documents stay); and one that has never been valid.
const Site& site() {
    static const Site s = [] {
        Site x;
        const auto root = own_scratch("site");
        const auto data = root + "/data";
        x.out = root + "/out";
        copy_folder(source_path("fixtures/lum-mul-2025"), data + "/lum-mul-2025");
        copy_folder(source_path("fixtures/lum-mul-2025"), data + "/lum-ändrad");
        copy_folder(source_path("tests/fixtures/invalid-round"), data + "/invalid-round");
        write_file(root + "/fuel.properties", "fuel.data = " + data + "\nfuel.out = " + x.out +
                                                  "\nfuel.templates = " + source_path("templates") +
                                                  "\nfuel.log.file = " + root + "/log/fuel.log\n" +
                                                  // The page in Swedish, as the case officers read it;
                                                  // the setting wins over the tests' LANGUAGE=en.
                                                  "fuel.language = sv\n");
        const auto build = fuel_program() + " build --config " + quote(root + "/fuel.properties") + " 2>&1";
        x.first_status = run_command(build).status;
        edit_file(data + "/lum-ändrad/mul-ansokningar.xml", "<granted>20000</granted>", "<granted>900000</granted>");
        x.second_status = run_command(build).status;
        return x;
    }();
    return s;
}

std::string chromium(const std::string& mode, const std::string& page) {
    const auto profile = own_scratch("chromium-profile");
    return run_command(
               "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
               "--disable-background-networking --disable-component-update --disable-sync "
               "--user-data-dir=" +
               quote(profile) + " " + mode + " " + quote("file://" + page) + " 2>/dev/null")
        .output;
}

const std::string& dom() {
    static const std::string d = chromium("--dump-dom", site().out + "/index.html");
    return d;
}

// The <section> of one dataset in the DOM.
std::string section(const std::string& dataset) {
    const auto& d = dom();
    const auto at = d.find("data-dataset=\"" + dataset + "\"");
    if (at == std::string::npos) return "";
    const auto start = d.rfind("<section", at);
    return d.substr(start, d.find("</section>", at) - start);
}

std::vector<std::string> hrefs(const std::string& html) {
    std::vector<std::string> found;
    const std::regex href(R"re(href="([^"]*)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator(); ++it)
        found.push_back((*it)[1]);
    return found;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("status page: the builds exit 1, as a dataset failed") {
    CHECK(site().first_status == 1);
    CHECK(site().second_status == 1);
}

TEST_CASE("status page: Chromium loads it, and every link points to an existing file") {
    INFO(dom());
    REQUIRE(contains(dom(), "<h1>Byggstatus</h1>"));
    const auto links = hrefs(dom());
    // Every file of the two datasets with documents (PDFs and the files
    // beside them), and status.json.
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(site().out + "/lum-mul-2025"))
        files += entry.path().filename().string().front() != '.';
    CHECK(files > 3);
    // And the summary's link to each failed dataset's section.
    std::size_t in_page = 0;
    for (const auto& link : links) {
        if (link.front() != '#') continue;
        CAPTURE(link);
        std::string id;
        Poco::URI::decode(link.substr(1), id);
        CHECK(contains(dom(), "<section class=\"dataset\" id=\"" + id + "\""));
        ++in_page;
    }
    CHECK(in_page == 2);
    CHECK(links.size() == 1 + 2 * files + in_page);
    for (const auto& link : links) {
        if (link.front() == '#') continue;
        CAPTURE(link);
        std::string path;
        Poco::URI::decode(link, path);
        CHECK(link.front() != '/');  // relative, so the folder can be moved or shared
        CHECK_FALSE(contains(link, ":"));
        CHECK(fs::is_regular_file(site().out + "/" + path));
    }
}

TEST_CASE("status page: the good dataset is shown as built, with its documents and page counts") {
    const auto good = section("lum-mul-2025");
    INFO(good);
    CHECK(contains(good, "data-status=\"ok\""));
    CHECK(contains(good, "Oförändrad"));  // the second build found nothing new
    for (const auto* name : {"tjansteutlatande", "bilaga-1-lum-ansokningar", "bilaga-2-mul-ansokningar"}) {
        CHECK(contains(good, std::string("href=\"lum-mul-2025/") + name + ".pdf\""));
        CHECK(contains(good, std::string("href=\"lum-mul-2025/") + name + ".html\""));
        CHECK(contains(good, std::string("href=\"lum-mul-2025/") + name + ".docx\">Word</a>"));
    }
    CHECK(std::regex_search(good, std::regex(R"(<td class="pages">[1-9][0-9]*</td>)")));
    CHECK(contains(good, "<time datetime=\""));
}

TEST_CASE("status page: a dataset that has never built is shown as failed, with its diagnostics") {
    const auto bad = section("invalid-round");
    INFO(bad);
    CHECK(contains(bad, "data-status=\"failed\""));
    CHECK(contains(bad, "Misslyckades: fel i indata"));
    CHECK(contains(bad, "Inga dokument"));
    CHECK(contains(bad, "ansokningar.csv:3:"));
    CHECK(contains(bad, "ett avslag behöver en motivering"));  // the page and its diagnostics in Swedish
    CHECK(hrefs(bad).empty());
}

TEST_CASE("status page: a dataset that broke is shown as failed, with links to its last good documents") {
    const auto broken = section("lum-ändrad");
    INFO(broken);
    CHECK(contains(broken, "data-status=\"failed\""));
    CHECK(contains(broken, "Misslyckades: fel i indata"));
    CHECK(contains(broken, "Senaste lyckade version"));
    CHECK(contains(broken, "mul-ansokningar.xml"));
    CHECK(hrefs(broken).size() == hrefs(section("lum-mul-2025")).size());      // the same files, kept
    CHECK(contains(broken, "href=\"lum-%C3%A4ndrad/tjansteutlatande.pdf\""));  // RFC 3986: UTF-8, percent-encoded
}

TEST_CASE("status page: failed datasets first, in a main landmark, errors and warnings told apart, in Swedish") {
    const auto& d = dom();
    INFO(d);
    // The order of the sections: the two that failed before the good one.
    const auto good = d.find("data-dataset=\"lum-mul-2025\"");
    CHECK(d.find("data-dataset=\"invalid-round\"") < good);
    CHECK(d.find("data-dataset=\"lum-ändrad\"") < good);
    CHECK(contains(d, "<main>"));
    CHECK(d.find("<main>") < d.find("<h1>Byggstatus</h1>"));
    CHECK(d.find("</main>") > d.rfind("</section>"));
    // The summary names and links the failed datasets.
    CHECK(std::regex_search(d, std::regex(R"(2 av 3 datamängder misslyckades:</span> <a href="#)")));
    // Each diagnostic says its severity in words, and has its own class.
    const auto bad = section("invalid-round");
    CHECK(
        std::regex_search(bad, std::regex(R"(<li class="error"><span class="severity">Fel:</span> <span lang="sv">)")));
    CHECK_FALSE(contains(bad, "<li class=\"warning\"><span class=\"severity\">Fel"));
    // Paths relative to the data folder: the folder itself is never named in a diagnostic.
    CHECK(contains(bad, "Fel:</span> <span lang=\"sv\">invalid-round/ansokningar.csv:3:1: fel: "));
    CHECK_FALSE(contains(bad, "/data/invalid-round"));
    // Swedish counts: "1 varning", "2 varningar", never "1 varningar".
    CHECK_FALSE(std::regex_search(d, std::regex(R"(\b1 varningar\b)")));
    CHECK(std::regex_search(d, std::regex(R"(\d+ fel, (1 varning|\d+ varningar):)")));
}

TEST_CASE("status page: Chromium renders a screenshot of it") {
    const auto png = own_scratch("status-screenshot") + "/status.png";
    chromium("--window-size=1100,1500 --screenshot=" + quote(png), site().out + "/index.html");
    REQUIRE(fs::exists(png));
    CHECK(fs::file_size(png) > 10000);  // a page with text and colour, not an empty canvas
}

TEST_CASE("status JSON: the same status for monitoring") {
    Poco::JSON::Parser parser;
    const auto json = parser.parse(read_file(site().out + "/status.json")).extract<Poco::JSON::Object::Ptr>();
    CHECK_FALSE(json->getValue<bool>("ok"));
    CHECK(json->getValue<int>("exit_status") == 1);
    CHECK(json->getObject("dataset_counts")->getValue<int>("failed") == 2);
    const auto datasets = json->getArray("datasets");
    REQUIRE(datasets->size() == 3);
    std::map<std::string, std::string> status;
    for (std::size_t i = 0; i < datasets->size(); ++i)
        status[datasets->getObject(i)->getValue<std::string>("name")] =
            datasets->getObject(i)->getValue<std::string>("status");
    CHECK(status["lum-mul-2025"] == "unchanged");
    CHECK(status["lum-ändrad"] == "input-errors");
    CHECK(status["invalid-round"] == "input-errors");
}

TEST_CASE("status: the log file records start, end, duration and counts") {
    // The site is built in Swedish (fuel.language = sv), its log too.
    const auto log = read_file(fs::path(site().out).parent_path().string() + "/log/fuel.log");
    INFO(log);
    CHECK(contains(log, "bygget startade"));
    CHECK(std::regex_search(
        log,
        std::regex(
            R"(bygget klart på [0-9]+,[0-9]{2} s: 6 dokument byggda, 0 hoppades över, 1 av 3 datamängder misslyckades)")));
    CHECK(std::regex_search(
        log,
        std::regex(
            R"(bygget klart på [0-9]+,[0-9]{2} s: 0 dokument byggda, 3 hoppades över, 2 av 3 datamängder misslyckades)")));
    CHECK(contains(log, "lum-ändrad: indata har fel; inget skrevs"));
    CHECK(contains(log, "ligger kvar"));
}
