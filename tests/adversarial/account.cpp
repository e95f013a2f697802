// Family: the account (nothing is lost). Each record read is used or
// rejected with its reason and file:line, read = used + rejected for every
// file of every kind of dataset; a row given twice is an error naming both
// lines; a file fuel finds but does not read is named; a broken template
// rejects no record.
#include "adversarial/adversarial.hpp"

using namespace adversarial;

namespace {

struct Counts {
    int read = -1, used = -1, rejected = -1;
};

// The integer after `"key"` and its colon, from `from` on; -1 when absent.
int number_after(const std::string& json, const std::string& key, std::size_t from = 0) {
    const auto at = json.find("\"" + key + "\"", from);
    if (at == std::string::npos) return -1;
    const auto digits = json.find_first_of("0123456789", json.find(':', at));
    return digits == std::string::npos ? -1 : std::stoi(json.substr(digits));
}

// The record counts of the first dataset in `fuel … --format json`.
Counts records_in_status(const std::string& json) {
    const auto at = json.find("\"records\"");
    if (at == std::string::npos) return {};
    return {number_after(json, "read", at), number_after(json, "used", at), number_after(json, "rejected", at)};
}

// Every file of an account.json adds up, and so does the whole.
Counts check_account_json(const fs::path& path) {
    const auto json = read_file(path);
    REQUIRE_FALSE(json.empty());
    const Counts total{number_after(json, "read"), number_after(json, "used"), number_after(json, "rejected")};
    CHECK(total.read == total.used + total.rejected);
    int files = 0, sum = 0;
    for (auto at = json.find("\"readable\""); at != std::string::npos; at = json.find("\"readable\"", at + 1)) {
        const int read = number_after(json, "read", at);
        INFO(json.substr(json.rfind("{\"file\"", at), 160));
        CHECK(read == number_after(json, "used_count", at) + number_after(json, "rejected_count", at));
        sum += read;
        ++files;
    }
    CHECK(files > 0);
    CHECK(sum == total.read);
    return total;
}

// A dataset that failed: exit 1, the message at its place, the one record
// rejected and the rest used, nothing written, the data as it was.
void check_one_rejected(const World& world, const Tree& data_before, const std::string& place,
                        const std::string& message) {
    const auto run = world.fuel("check", {"--format", "json"});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, place));
    CHECK(contains(run.err, message));
    const auto counts = records_in_status(run.out);
    CHECK(counts.read > 1);
    CHECK(counts.rejected == 1);
    CHECK(counts.read == counts.used + counts.rejected);
    const auto build = world.fuel("build");
    CHECK(build.status == 1);
    CHECK(contains(build.err, "nothing was written"));
    CHECK(snapshot(world.out).empty());
    REQUIRE_UNCHANGED(data_before, snapshot(world.data));
}

const std::vector<std::string> kFixtures = {"halvering-2002-2003", "lum-mul-2024", "lum-mul-2025", "lum-mul-2026"};

}  // namespace

TEST_CASE("every fixture builds with an account that adds up per file, nothing rejected and no stray warnings") {
    for (const auto& fixture : kFixtures) {
        INFO(fixture);
        // The 2026 round reads the 2025 round's grants and follow-up beside it.
        World world("account-clean-" + fixture, fixture == "lum-mul-2026"
                                                    ? std::vector<std::string>{"lum-mul-2025", fixture}
                                                    : std::vector<std::string>{fixture});
        const auto before = snapshot(world.data);
        const auto run = world.fuel("build");
        INFO(run.err);
        REQUIRE(run.status == 0);
        CHECK_FALSE(contains(run.err, "not listed in"));
        const auto counts = check_account_json(world.out / fixture / "account.json");
        CHECK(counts.read > 0);
        CHECK(counts.rejected == 0);
        CHECK(contains(run.err, std::to_string(counts.read) + " records read, " + std::to_string(counts.read) +
                                    " used, 0 rejected"));
        REQUIRE_UNCHANGED(before, snapshot(world.data));
    }
}

TEST_CASE("the final report's account counts its 32 projects and its CSV rows as used") {
    World world("account-halvering", {"halvering-2002-2003"});
    const auto run = world.fuel("check", {"--format", "json"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto counts = records_in_status(run.out);
    CHECK(counts.read == 83);
    CHECK(counts.used == 83);
    CHECK(counts.rejected == 0);
}

TEST_CASE("a repayment given twice is an error naming both lines, and nothing is written") {
    World world("account-repayment-twice");
    const auto file = world.dataset() / "aterbetalningar.csv";
    auto text = read_file(file);
    text += "MUL-08;2025-05-20;20 000;2025-06-16;Studiebesöket ställdes in.\r\n";
    write_file(file, text);
    const auto before = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err,
                   "aterbetalningar.csv:4:1: error: MUL-08 repayment of 20000 kr announced 2025-05-20 is in the "
                   "register again; first at "));
    CHECK(contains(run.err, "aterbetalningar.csv:3:1 (it would be counted twice"));
    CHECK(snapshot(world.out).empty());
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("a report row given twice is an error naming both lines") {
    World world("account-report-twice");
    const auto file = world.dataset() / "rapporter.csv";
    auto text = read_file(file);
    const auto second_line = text.find('\n') + 1;
    write_file(file, text + text.substr(second_line, text.find('\n', second_line) + 1 - second_line));
    const auto before = snapshot(world.data);
    check_one_rejected(world, before, "rapporter.csv:44:1: error: LUM-01 ekonomi is in the register again; first at ",
                       "rapporter.csv:2:1 (it would be counted twice");
}

TEST_CASE("an application id in both the CSV and the XML file is an error naming the first") {
    World world("account-id-twice");
    replace_in_file(world.dataset() / "mul-ansokningar.xml", "id=\"MUL-01\"", "id=\"LUM-01\"");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "mul-ansokningar.xml:"));
    CHECK(contains(run.err, "the id LUM-01 is used again; first at "));
    CHECK(contains(run.err, "lum-ansokningar.csv:2:"));
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("a project file that report.xml does not list is named in a warning, not silently dropped") {
    World world("account-project-unlisted", {"halvering-2002-2003"});
    const auto projects = world.dataset("halvering-2002-2003") / "projekt";
    auto text = read_file(projects / "hal-32-simba.xml");
    write_file(projects / "hal-33-extra.xml", text);
    const auto before = snapshot(world.data);
    const auto run = world.fuel("check", {"--format", "json"});
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err, "projekt/hal-33-extra.xml: warning: not listed in report.xml <sources>, not read"));
    CHECK(records_in_status(run.out).read == 83);
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("a listed project file that is missing fails the dataset with the file named") {
    World world("account-project-missing", {"halvering-2002-2003"});
    fs::remove(world.dataset("halvering-2002-2003") / "projekt" / "hal-32-simba.xml");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "hal-32-simba.xml"));
    CHECK(contains(run.err, "nothing was written"));
    CHECK(snapshot(world.out).empty());
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("stray files in a round's folder are each named, README and .DS_Store are passed over") {
    World world("account-strays");
    const auto dir = world.dataset();
    write_file(dir / "lum-ansokningar (1).csv", read_file(dir / "lum-ansokningar.csv"));
    write_file(dir / "notes.txt", "ring Anna\n");
    write_file(dir / "~$round.xml", "lock");
    write_file(dir / "round.xml~", read_file(dir / "round.xml"));
    write_file(dir / ".DS_Store", "meta");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err,
                   "lum-ansokningar (1).csv: warning: not listed in round.xml <sources>, not read (a second copy"));
    CHECK(contains(run.err, "notes.txt: warning: not listed in round.xml <sources>, not read"));
    CHECK(contains(run.err, "~$round.xml: warning: not listed in round.xml <sources>, not read (a lock file"));
    CHECK(contains(run.err, "round.xml~: warning: not listed in round.xml <sources>, not read (an editor's backup"));
    CHECK_FALSE(contains(run.err, ".DS_Store"));
    CHECK_FALSE(contains(run.err, "README.md"));
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("a stray file in a final report's folder is named too") {
    World world("account-strays-final", {"halvering-2002-2003"});
    write_file(world.dataset("halvering-2002-2003") / "aktiviteter (1).csv", "datum;typ;titel\r\n");
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err, "aktiviteter (1).csv: warning: not listed in report.xml <sources>, not read"));
}

TEST_CASE("a broken row in the applications CSV is the one record rejected, with its file:line") {
    World world("account-broken-csv");
    replace_in_file(world.dataset() / "lum-ansokningar.csv", ";uppfyller;", ";kanske;");
    check_one_rejected(world, snapshot(world.data), "lum-ansokningar.csv:2:", "kanske");
}

TEST_CASE("a broken application in the XML file is the one record rejected") {
    World world("account-broken-xml");
    replace_in_file(world.dataset() / "mul-ansokningar.xml", "<granted>20000</granted>", "<granted>tjugo</granted>");
    check_one_rejected(world, snapshot(world.data), "mul-ansokningar.xml:13:", "tjugo");
}

TEST_CASE("a broken row of the report register is the one record rejected") {
    World world("account-broken-reports");
    replace_in_file(world.dataset() / "rapporter.csv", "LUM-01;ekonomi;2025-10-31", "LUM-01;ekonomi;2025-13-31");
    check_one_rejected(world, snapshot(world.data), "rapporter.csv:2:", "2025-13-31");
}

TEST_CASE("a broken row of the repayment register is the one record rejected") {
    World world("account-broken-repayments");
    replace_in_file(world.dataset() / "aterbetalningar.csv", "LUM-06;2025-05-28", "LUM-06;2025-05-32");
    check_one_rejected(world, snapshot(world.data), "aterbetalningar.csv:2:", "2025-05-32");
}

TEST_CASE("a broken row of the statistics is the one record rejected") {
    World world("account-broken-statistics", {"lum-mul-2025", "lum-mul-2026"});
    replace_in_file(world.dataset("lum-mul-2026") / "ekonomiskt-bistand.csv", "Bromma;1999;", "Bromma;19x9;");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("check", {"--format", "json"});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "ekonomiskt-bistand.csv:2:"));
    CHECK(contains(run.err, "19x9"));
    // The 2025 round comes first and is clean; the 2026 round has the one rejection.
    const auto at = run.out.find("\"lum-mul-2026\"");
    REQUIRE(at != std::string::npos);
    const auto counts = records_in_status(run.out.substr(at));
    CHECK(counts.rejected == 1);
    CHECK(counts.read == counts.used + counts.rejected);
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("a broken project file of a final report is the one record rejected") {
    World world("account-broken-project", {"halvering-2002-2003"});
    replace_in_file(world.dataset("halvering-2002-2003") / "projekt" / "hal-32-simba.xml", "status=\"",
                    "status=\"maybe-");
    check_one_rejected(world, snapshot(world.data), "hal-32-simba.xml:", "maybe-");
}

TEST_CASE("a broken row of a final report's CSV is the one record rejected") {
    World world("account-broken-activity", {"halvering-2002-2003"});
    replace_in_file(world.dataset("halvering-2002-2003") / "aktiviteter.csv", ";föreläsning;", ";lektion;");
    check_one_rejected(world, snapshot(world.data), "aktiviteter.csv:", "lektion");
}

TEST_CASE("a network given twice in a final report is an error naming both lines") {
    World world("account-network-twice", {"halvering-2002-2003"});
    const auto file = world.dataset("halvering-2002-2003") / "natverk.csv";
    auto text = read_file(file);
    const auto second_line = text.find('\n') + 1;
    text += text.substr(second_line, text.find('\n', second_line) + 1 - second_line);
    write_file(file, text);
    const auto before = snapshot(world.data);
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "occurs again; first at "));
    CHECK(contains(run.err, "natverk.csv:2:1 (it would be counted twice"));
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("a template that fails rejects no record: the log says it is the template") {
    World world("account-template");
    replace_in_file(world.templates / "beslut-lum-mul" / "tjansteutlatande.md", "{{/", "{{/nothing_opened_this}}{{/");
    const auto data = snapshot(world.data);
    const auto templates = snapshot(world.templates);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "lum-mul-2025: a template has errors; nothing was written"));
    CHECK(contains(run.err, "(1 error, 0 warnings; a template problem, not the data's: the template failed at "));
    CHECK(contains(run.err, "tjansteutlatande.md:"));
    CHECK(contains(run.err, " records read)"));
    CHECK(!contains(run.err, "rejected"));
    CHECK(snapshot(world.out / "lum-mul-2025").empty());
    REQUIRE_UNCHANGED(data, snapshot(world.data));
    REQUIRE_UNCHANGED(templates, snapshot(world.templates));
}

TEST_CASE("a register with only its header reads no record, and says nothing is lost") {
    World world("account-header-only");
    write_file(world.dataset() / "aterbetalningar.csv",
               "\xEF\xBB\xBF"
               "bidrag;anmäld;belopp;återbetald;kommentar\r\n");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    const auto json = read_file(world.out / "lum-mul-2025" / "account.json");
    CHECK(contains(json,
                   "aterbetalningar.csv\", \"readable\": true, \"read\": 0, \"used_count\": 0, \"rejected_count\": 0"));
    check_account_json(world.out / "lum-mul-2025" / "account.json");
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("a register that holds only a byte order mark is an error, not an empty register") {
    World world("account-bom-only");
    write_file(world.dataset() / "aterbetalningar.csv", "\xEF\xBB\xBF");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("build", {"--format", "json"});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "aterbetalningar.csv: error: the file is empty"));
    const auto counts = records_in_status(run.out);
    CHECK(counts.read == counts.used + counts.rejected);
    CHECK(counts.rejected == 0);
    CHECK(snapshot(world.out).empty());
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("an applications CSV with only its header reads no record") {
    World world("account-applications-header-only");
    const auto file = world.dataset() / "lum-ansokningar.csv";
    const auto text = read_file(file);
    write_file(file, text.substr(0, text.find('\n') + 1));
    const auto run = world.fuel("check", {"--format", "json"});
    INFO(run.err);
    CHECK(run.status == 1);  // the registers name LUM grants that are no longer there
    CHECK(contains(run.err, "rapporter.csv:2:1: error: \"LUM-01\" is not an application of the round"));
    const auto counts = records_in_status(run.out);
    CHECK(counts.read == counts.used + counts.rejected);
    CHECK(counts.read == 56);  // 12 MUL applications (XML), 42 report rows, 2 repayments; none from the CSV
}

TEST_CASE("a failed rebuild leaves the earlier good documents and their account untouched") {
    World world("account-earlier-good");
    world.make_draft();  // a decided round is served from its archive, whatever its data say now
    REQUIRE(world.fuel("build").status == 0);
    const auto good = snapshot(world.out);
    REQUIRE(good.count("lum-mul-2025/account.json"));
    auto text = read_file(world.dataset() / "aterbetalningar.csv");
    write_file(world.dataset() / "aterbetalningar.csv", text + "LUM-06;2025-05-28;150 000;2025-09-30;\r\n");
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "is in the register again; first at "));
    REQUIRE_UNCHANGED(good, snapshot(world.out));
}

TEST_CASE("a broken repayment row of the 2024 round is the one record rejected") {
    World world("account-broken-2024", {"lum-mul-2024"});
    replace_in_file(world.dataset("lum-mul-2024") / "aterbetalningar.csv", "LUM-03;2024-05-30;100 000",
                    "LUM-03;2024-05-30;hundra");
    check_one_rejected(world, snapshot(world.data), "aterbetalningar.csv:2:", "hundra");
}
