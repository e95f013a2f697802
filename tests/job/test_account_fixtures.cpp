// Nothing lost: for every dataset among the fixtures, each record its files
// hold is used by a document or rejected with the reason, read = used +
// rejected per file, and `read` agrees with a count of the records made here
// without the CSV and XML readers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "document/build.hpp"
#include "ingest/dataset_loader.hpp"
#include "ingest/final_report_readers.hpp"
#include "ingest/fund_application_readers.hpp"
#include "transform/account.hpp"
#include "transform/transform.hpp"

namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool blank(const std::string& line) { return line.find_first_not_of(" \t;,\r") == std::string::npos; }

// Records of a CSV file: lines that are not blank and start outside quotes
// (a line break inside quotes belongs to the field), less the header.
int csv_records(const std::string& text) {
    int lines = 0;
    bool quoted = false;
    std::string line;
    const auto end_line = [&] {
        if (!blank(line)) ++lines;
        line.clear();
    };
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (c == '\n' && !quoted)
            end_line();
        else if (c != '\n' || !quoted)
            line += c;
        else
            line += ' ';
    }
    end_line();
    return lines > 0 ? lines - 1 : 0;
}

// Records of an XML file: <application> start tags outside comments; a
// follow-up report is one record.
int xml_records(std::string text) {
    if (text.find("<follow-up-report") != std::string::npos) return 1;
    for (std::size_t open; (open = text.find("<!--")) != std::string::npos;)
        text.erase(open,
                   text.find("-->", open) == std::string::npos ? std::string::npos : text.find("-->", open) + 3 - open);
    int n = 0;
    for (std::size_t at = 0; (at = text.find("<application", at)) != std::string::npos; ++at) {
        const char next = at + 12 < text.size() ? text[at + 12] : '\0';
        n += next == ' ' || next == '>' || next == '\n' || next == '/';
    }
    return n;
}

std::vector<fs::path> every_dataset() {
    std::vector<fs::path> found;
    for (const auto& root : {fs::path(FUEL_SOURCE_DIR) / "fixtures", fs::path(FUEL_SOURCE_DIR) / "tests" / "fixtures"})
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() &&
                (entry.path().filename() == ingest::kRoundFile || entry.path().filename() == ingest::kReportFile ||
                 entry.path().filename() == ingest::kApplicationFile))
                found.push_back(entry.path().parent_path());
    std::sort(found.begin(), found.end());
    return found;
}

// The account as a build makes it: ingest, validation, the documents.
struct Accounted {
    core::Diagnostics diagnostics;
    transform::Account account;
    bool loaded = false;
};

Accounted account_of(const fs::path& folder) {
    Accounted a;
    auto dataset = ingest::load_dataset(folder.string(), a.diagnostics);
    if (!dataset) return a;
    a.loaded = true;
    transform::validate(*dataset, a.diagnostics);
    const auto report = transform::aggregate(*dataset);
    const auto templates_dir = fs::path(FUEL_SOURCE_DIR) / "templates";
    auto templates = doc::load_templates((templates_dir / dataset->round.template_name).string(), a.diagnostics);
    if (!dataset->round.evaluation_template.empty())
        for (auto& t :
             doc::load_templates((templates_dir / dataset->round.evaluation_template).string(), a.diagnostics))
            templates.push_back(std::move(t));
    std::vector<transform::DocumentScope> scopes;
    for (const auto& t : templates) {
        scopes.push_back(transform::scope_of(t.name, t.path, t.source, dataset->round));
        // The document stage throws for a round date that does not exist
        // (pathological/impossible-date); the account does not need the tree.
        if (dataset->round.date.valid()) doc::build_document(report, t, a.diagnostics);
    }
    a.account = transform::make_account(*dataset, report, scopes, a.diagnostics);
    return a;
}

}  // namespace

TEST_CASE("account: every fixture's records are each used or rejected, and read = used + rejected") {
    const auto datasets = every_dataset();
    CHECK(datasets.size() >= 30);
    for (const auto& folder : datasets) {
        INFO(folder.string());
        const auto a = account_of(folder);
        if (!a.loaded) {  // round.xml itself is broken: there are no records to account for
            CHECK(a.diagnostics.has_errors());
            continue;
        }
        for (const auto& file : a.account.files) {
            INFO(file.file);
            CHECK(file.read == static_cast<int>(file.used.size() + file.rejected.size()));
            const bool csv = fs::path(file.file).extension() == ".csv";
            const int expected = !file.readable ? 0
                                 : csv          ? csv_records(bytes_of(file.file))
                                                : xml_records(bytes_of(file.file));
            CHECK(file.read == expected);
            for (const auto& e : file.rejected) CHECK_FALSE(e.reasons.empty());
            for (const auto& e : file.rejected)
                for (const auto& reason : e.reasons) CHECK_FALSE(reason.empty());
            for (const auto& e : file.used) CHECK((!e.documents.empty() || !e.kept.empty()));
        }
        CHECK(a.account.read() == a.account.used() + a.account.rejected());
        if (!a.diagnostics.has_errors()) CHECK(a.account.rejected() == 0);
    }
}

TEST_CASE("account: the real round uses all 28 applications, each by the documents of its fund") {
    const auto a = account_of(fs::path(FUEL_SOURCE_DIR) / "fixtures" / "lum-mul-2025");
    REQUIRE(a.loaded);
    CHECK(a.account.accepted);
    // 16 LUM (CSV) + 12 MUL (XML) applications, 42 report rows, 2 repayments.
    CHECK(a.account.read() == 72);
    CHECK(a.account.used() == 72);
    REQUIRE(a.account.files.size() == 4);
    CHECK(a.account.files[2].read == 42);
    for (const auto& e : a.account.files[2].used) CHECK(e.kept.find("next round") != std::string::npos);
    std::map<std::string, std::size_t> used_by;
    for (const auto& d : a.account.documents) used_by[d.name] = d.ids.size();
    CHECK(used_by["tjansteutlatande"] == 28);
    CHECK(used_by["bilaga-1-lum-ansokningar"] == 16);
    CHECK(used_by["bilaga-2-mul-ansokningar"] == 12);
}

TEST_CASE("account: records without an id and records with errors are rejected with the reason") {
    const auto a = account_of(fs::path(FUEL_SOURCE_DIR) / "tests" / "fixtures" / "pathological" / "missing-id");
    REQUIRE(a.loaded);
    CHECK(a.account.read() == 5);
    CHECK(a.account.rejected() >= 1);
    CHECK(a.account.read() == a.account.used() + a.account.rejected());
    const auto& csv = a.account.files.at(0);
    REQUIRE(csv.rejected.size() == 1);
    CHECK(csv.rejected.at(0).id.empty());
    CHECK(csv.rejected.at(0).title == "Brobyggare arbetsmarknad");
    CHECK(csv.rejected.at(0).reasons.at(0).find("an application without an id") != std::string::npos);
    // The records without errors of their own are fit, not rejected for another's.
    for (const auto& e : csv.rejected) CHECK_FALSE(e.reasons.at(0).empty());
}

TEST_CASE("account: the final report's 32 projects and 51 CSV rows are each used, none with an empty reason") {
    const auto a = account_of(fs::path(FUEL_SOURCE_DIR) / "fixtures" / "halvering-2002-2003");
    REQUIRE(a.loaded);
    CHECK(a.account.accepted);
    CHECK(a.account.read() == 83);
    CHECK(a.account.used() == 83);
    CHECK(a.account.rejected() == 0);
    for (const auto& f : a.account.files)
        for (const auto& e : f.used) CHECK_FALSE(e.documents.empty());
}

TEST_CASE("account: each budget row of the fund application is used by its three documents") {
    const auto a = account_of(fs::path(FUEL_SOURCE_DIR) / "fixtures" / "fuelstockholm-2005");
    REQUIRE(a.loaded);
    CHECK_FALSE(a.diagnostics.has_errors());
    REQUIRE(a.account.files.size() == 1);
    const auto& file = a.account.files.front();
    CHECK(fs::path(file.file).filename() == "budget.csv");
    CHECK(file.read == 18);
    CHECK(file.rejected.empty());
    REQUIRE(file.used.size() == 18);
    for (const auto& e : file.used)
        CHECK(e.documents == std::vector<std::string>{"ansokan", "bilaga-budget", "tjansteutlatande"});
}
