// Decided documents are records (archive.hpp): a template edit or a changed
// export rewrites the draft round's documents and never a sealed one's; a
// sent round changes only by a recorded revision, which keeps the earlier
// version beside the new one with a change report; fuel verify makes every
// archived version again and notices a changed archive.
#include "adversarial/adversarial.hpp"

using namespace adversarial;

namespace {

const std::vector<std::string> kAllFixtures{"halvering-2002-2003", "lum-mul-2024", "lum-mul-2025", "lum-mul-2026"};

Tree published(const World& world, const std::string& dataset) { return snapshot(world.out / dataset); }

// The text of an HTML page: tags out, white space folded, as a reader sees it.
std::string text_of(const std::string& html) {
    std::string text;
    bool in_tag = false;
    for (const char c : html) {
        if (c == '<') in_tag = true;
        if (!in_tag) text += c == '\n' ? ' ' : c;
        if (c == '>') in_tag = false;
    }
    std::string folded;
    for (const char c : text)
        if (!(c == ' ' && !folded.empty() && folded.back() == ' ')) folded += c;
    return folded;
}

void add_state(const World& world, const std::string& dataset, const std::string& state) {
    const auto round = world.dataset(dataset) / "round.xml";
    const auto text = read_file(round);
    const auto at = text.find("  <template>");
    REQUIRE(at != std::string::npos);
    write_file(round, text.substr(0, at) + "  <state>\n" + state + "  </state>\n" + text.substr(at));
}

}  // namespace

TEST_CASE("sealed: a template edit rewrites the draft round and leaves every byte of the decided datasets") {
    World world("sealed-template-edit", kAllFixtures);
    REQUIRE(world.fuel("build").status == 0);
    const auto draft_before = published(world, "lum-mul-2026");
    std::map<std::string, Tree> sealed;
    for (const auto& d : {"halvering-2002-2003", "lum-mul-2024", "lum-mul-2025"}) sealed[d] = published(world, d);
    replace_in_file(world.templates / "beslut-lum-mul" / "tjansteutlatande.md", "Förvaltningen föreslår",
                    "Förvaltningen föreslår därför");
    const auto report_template = world.templates / "slutrapport" / "slutrapport.md";
    write_file(report_template, read_file(report_template) + "\nEn ny mening i mallen.\n");
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    for (const auto& [dataset, before] : sealed) REQUIRE_UNCHANGED(before, published(world, dataset));
    CHECK(published(world, "lum-mul-2026") != draft_before);
    CHECK(contains(run.err, "lum-mul-2025: decided 2024-12-17 § 14: sealed, 3 documents unchanged"));
    CHECK(contains(run.err, "lum-mul-2024: decided 2023-12-19 § 12: sealed, 16 documents unchanged"));
    CHECK(contains(run.err,
                   "templates/beslut-lum-mul/tjansteutlatande.md: warning: this template file differs from "
                   "the copy archived when the documents were decided"));
}

TEST_CASE("sealed: a changed record in a decided round's export is named, and no document changes") {
    World world("sealed-data-edit");
    REQUIRE(world.fuel("build").status == 0);
    const auto before = published(world, "lum-mul-2025");
    const auto csv = world.dataset() / "lum-ansokningar.csv";
    auto lines = read_file(csv);
    const auto at = lines.find("\nLUM-");
    REQUIRE(at != std::string::npos);
    const auto end = lines.find('\n', at + 1);
    const auto row = lines.substr(at + 1, end - at - 1);
    const auto id = row.substr(0, row.find(';'));
    auto changed = row;
    changed.replace(changed.rfind(';') + 1, std::string::npos, "Ändrad i efterhand");
    lines.replace(at + 1, row.size(), changed);
    write_file(csv, lines);
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(contains(run.err,
                   "lum-ansokningar.csv:2:1: warning: this data file differs from the copy archived when "
                   "the documents were decided; records that differ: line 2 (" +
                       id + ")"));
    REQUIRE_UNCHANGED(before, published(world, "lum-mul-2025"));
}

TEST_CASE("sealed: an empty output folder gets the archived documents back, not a new rendering") {
    World world("sealed-empty-out");
    REQUIRE(world.fuel("build").status == 0);
    const auto before = published(world, "lum-mul-2025");
    replace_in_file(world.templates / "beslut-lum-mul" / "tjansteutlatande.md", "Förvaltningen föreslår",
                    "Förvaltningen föreslår numera");
    fs::remove_all(world.out);
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(contains(run.err, "put back from the archive"));
    REQUIRE_UNCHANGED(before, published(world, "lum-mul-2025"));
}

TEST_CASE("sealed: the status shows each dataset's state, and the archive has a handover list with checksums") {
    World world("sealed-status", kAllFixtures);
    // The status page in Swedish, as the case officers read it.
    const auto run = world.fuel("build", {"--status", "--format", "json", "--lang", "sv"});
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(contains(run.out, "\"state\": \"beslutat\""));
    CHECK(contains(run.out, "\"state_text\": \"beslutat 2024-12-17 § 14\""));
    CHECK(contains(run.out, "\"state\": \"utkast\""));
    CHECK(contains(read_file(world.out / "index.html"), "Ärendet: beslutat 2023-12-19 § 12"));
    const auto handover = read_file(world.root / "archive" / "lum-mul-2025" / "arkivforteckning.json");
    CHECK(contains(handover, "\"path\": \"v1/dokument/tjansteutlatande.pdf\""));
    // The Word twin is sealed with the rest, with its checksum.
    CHECK(contains(handover, "\"path\": \"v1/dokument/tjansteutlatande.docx\""));
    CHECK(contains(handover, "\"diary_number\": \"Dnr SoF 1.6-0612/2024\""));
    CHECK(contains(handover, "\"state\": \"beslutat 2024-12-17 § 14\""));
    CHECK_FALSE(fs::exists(world.root / "archive" / "lum-mul-2026"));
}

TEST_CASE("sealed: a sent round changes only by a revision, which keeps version 1 and reports exactly what changed") {
    World world("sent-revision", {"lum-mul-2025", "lum-mul-2026"});
    add_state(world, "lum-mul-2026", "    <sent date=\"2025-12-09\"/>\n");
    REQUIRE(world.fuel("build").status == 0);
    const auto out = world.out / "lum-mul-2026";
    const auto version1 = read_file(out / "tjansteutlatande.pdf");
    // Three edits: a sentence of the template, the highest MUL amount (one
    // figure in one sentence), a study visit's destination (one table row).
    replace_in_file(world.templates / "beslut-lum-mul" / "tjansteutlatande.md",
                    "MUL beviljas inte för att delta i särskilda utbildningar eller konferenser.",
                    "MUL beviljas inte för kurser, utbildningar eller konferenser.");
    replace_in_file(world.dataset("lum-mul-2026") / "round.xml", "<max-per-application>25000</max-per-application>",
                    "<max-per-application>30000</max-per-application>");
    replace_in_file(world.dataset("lum-mul-2026") / "mul-ansokningar.xml", "<destination>Oslo</destination>",
                    "<destination>Bergen</destination>");
    // Without a recorded revision, nothing that was sent changes.
    auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(contains(run.err, "record a <revision> in the data to make a new version"));
    CHECK(read_file(out / "tjansteutlatande.pdf") == version1);
    // With one, version 2 is made and marked, version 1 kept beside it.
    replace_in_file(world.dataset("lum-mul-2026") / "round.xml", "    <sent date=\"2025-12-09\"/>\n",
                    "    <sent date=\"2025-12-09\"/>\n    <revision date=\"2025-12-12\" reason=\"MUL-taket höjt, "
                    "ett resmål rättat.\"/>\n");
    run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(read_file(out / "tjansteutlatande-v1.pdf") == version1);
    CHECK(read_file(out / "tjansteutlatande.pdf") != version1);
    const auto first_page = read_file(out / "tjansteutlatande.html");
    CHECK(contains(first_page, "Reviderat tjänsteutlåtande"));
    CHECK(contains(first_page, "Reviderad 2025-12-12"));
    REQUIRE(fs::is_regular_file(out / "tjansteutlatande-andringar.pdf"));
    const auto report = text_of(read_file(out / "tjansteutlatande-andringar.html"));
    INFO(report);
    CHECK(contains(report, "Tre ändringar"));
    CHECK(contains(report, "kurser, utbildningar"));
    CHECK(contains(report, "30\u00A0000"));
    CHECK(contains(report, "Bergen"));
    CHECK(contains(report, "Oslo"));
    CHECK(fs::is_directory(world.root / "archive" / "lum-mul-2026" / "v2"));
}

TEST_CASE("sealed: fuel verify reproduces the archive, and fails naming a tampered PDF or a changed template copy") {
    World world("verify", {"lum-mul-2024", "lum-mul-2025"});
    REQUIRE(world.fuel("build").status == 0);
    auto run = world.fuel("verify", {"--out", world.out.string()});
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err, "lum-mul-2025 version 1:"));
    CHECK(contains(run.err, "all equal to the archived ones"));

    const auto version = world.root / "archive" / "lum-mul-2025" / "v1";
    const auto pdf = version / "dokument" / "tjansteutlatande.pdf";
    fs::permissions(pdf, fs::perms::owner_write, fs::perm_options::add);
    auto bytes = read_file(pdf);
    bytes[bytes.size() / 2] ^= 1;
    write_file(pdf, bytes);
    run = world.fuel("verify", {"--out", world.out.string()});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "lum-mul-2025/v1/dokument/tjansteutlatande.pdf: error: this archived file was changed"));
    // The nightly build notices it too, and leaves the output alone.
    const auto build = world.fuel("build");
    CHECK(build.status == 1);

    World second("verify-template", {"lum-mul-2025"});
    REQUIRE(second.fuel("build").status == 0);
    const auto copy =
        second.root / "archive" / "lum-mul-2025" / "v1" / "mallar" / "beslut-lum-mul" / "tjansteutlatande.md";
    fs::permissions(copy, fs::perms::owner_write, fs::perm_options::add);
    replace_in_file(copy, "Förvaltningen föreslår", "Förvaltningen föreslog");
    run = second.fuel("verify", {"--out", second.out.string()});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "mallar/beslut-lum-mul/tjansteutlatande.md: error: this archived file was changed"));
    CHECK(contains(run.err,
                   "tjansteutlatande.pdf: error: made again from the archived data and templates, this "
                   "document does not come out with the same bytes"));
}

// An application to a fund takes <state> in application.xml as a round does
// in round.xml: once sent, its three documents are archived, and a budget row
// changed afterwards is named while no document changes.
TEST_CASE("sealed: a sent application is archived, and a budget row changed afterwards changes no document") {
    World world("sealed-application", {"fuelstockholm-2005"});
    const auto xml = world.dataset("fuelstockholm-2005") / "application.xml";
    const auto text = read_file(xml);
    const auto at = text.find("  <template>");
    REQUIRE(at != std::string::npos);
    write_file(xml, text.substr(0, at) + "  <state>\n    <sent date=\"2005-03-01\"/>\n  </state>\n" + text.substr(at));
    const auto first = world.fuel("build");
    INFO(first.err);
    REQUIRE(first.status == 0);
    CHECK(fs::exists(world.root / "archive" / "fuelstockholm-2005" / "v1" / "dokument" / "tjansteutlatande.pdf"));
    CHECK(fs::exists(world.root / "archive" / "fuelstockholm-2005" / "v1" / "indata" / "fuelstockholm-2005" /
                     "budget.csv"));
    const auto before = published(world, "fuelstockholm-2005");
    replace_in_file(world.dataset("fuelstockholm-2005") / "budget.csv", "2006;Extern utvärdering;450",
                    "2006;Extern utvärdering;550");
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(contains(run.err, "budget.csv:16:1: warning: this data file differs from the copy archived"));
    REQUIRE_UNCHANGED(before, published(world, "fuelstockholm-2005"));
}
