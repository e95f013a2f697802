// The account: each record read is used by documents or rejected with the
// reason, and read = used + rejected for every file.
#include <catch2/catch.hpp>

#include "transform/account.hpp"
#include "transform/transform.hpp"

namespace {

model::Application application(std::string id, std::string fund, model::Kronor granted, core::SourceLocation where) {
    model::Application a;
    a.id = std::move(id);
    a.fund = std::move(fund);
    a.title = "Titel " + a.id;
    a.requested = a.granted = granted;
    a.decision = model::Decision::Granted;
    a.where = where;
    return a;
}

model::SourceRecord record(const model::Application& a, int index, int end_line) {
    return {a.where, {a.where.file, end_line, end_line > 0 ? 1 : 0}, a.id, a.title, index, ""};
}

// lum.csv holds L1 (line 2), a record without id (line 3), L2 (lines 4-5);
// mul.xml holds M1 (line 3) and M2 (line 11, the last element).
model::Dataset two_files() {
    model::Dataset d;
    d.name = "test";
    d.round.funds.push_back({"LUM", "l", 1000000, std::nullopt, {}, {"round.xml", 12, 5}});
    d.round.funds.push_back({"MUL", "m", 100000, std::nullopt, {}, {"round.xml", 18, 5}});
    d.applications = {
        application("L1", "LUM", 500000, {"lum.csv", 2, 1}), application("L2", "LUM", 300000, {"lum.csv", 4, 1}),
        application("M1", "MUL", 20000, {"mul.xml", 3, 4}), application("M2", "MUL", 20000, {"mul.xml", 11, 4})};
    const auto& a = d.applications;
    model::SourceRecord nameless{{"lum.csv", 3, 1}, {"lum.csv", 4, 1}, "", "Utan id", -1, "it has no id"};
    d.sources = {{"lum.csv", true, {record(a[0], 0, 3), nameless, record(a[1], 1, 6)}},
                 {"mul.xml", true, {record(a[2], 2, 11), record(a[3], 3, 0)}}};
    d.sources[1].records[0].end.column = 4;
    return d;
}

const std::vector<transform::DocumentScope> kDocuments = {{"beslut", {"LUM", "MUL"}}, {"bilaga-lum", {"LUM"}}};

std::vector<std::string> ids(const std::vector<transform::AccountEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.id);
    return out;
}

void check_adds_up(const transform::Account& account) {
    for (const auto& f : account.files) {
        INFO(f.file);
        CHECK(f.read == static_cast<int>(f.used.size() + f.rejected.size()));
    }
    CHECK(account.read() == account.used() + account.rejected());
}

}  // namespace

TEST_CASE("account: without errors every named record is used by the documents of its fund") {
    auto d = two_files();
    d.sources[0].records.erase(d.sources[0].records.begin() + 1);  // no nameless record
    const auto report = transform::aggregate(d);
    const auto account = transform::make_account(d, report, kDocuments, core::Diagnostics{});
    CHECK(account.accepted);
    check_adds_up(account);
    CHECK(account.read() == 4);
    CHECK(account.used() == 4);
    REQUIRE(account.files.size() == 2);
    REQUIRE(account.files[0].used.size() == 2);
    CHECK(account.files[0].used[0].documents == std::vector<std::string>{"beslut", "bilaga-lum"});
    CHECK(account.files[1].used[0].documents == std::vector<std::string>{"beslut"});
    REQUIRE(account.documents.size() == 2);
    CHECK(account.documents[0].ids == std::vector<std::string>{"L1", "L2", "M1", "M2"});
    CHECK(account.documents[1].ids == std::vector<std::string>{"L1", "L2"});
}

TEST_CASE("account: errors are placed on the record they lie within, the rest stays used, no document is made") {
    const auto d = two_files();
    core::Diagnostics diagnostics;
    diagnostics.error({"lum.csv", 5, 30}, "bad amount on the second line of L2");
    diagnostics.error({"mul.xml", 40, 2}, "after the last element: still M2's");
    diagnostics.warning({"mul.xml", 3, 4}, "a warning rejects nothing");
    const auto account = transform::make_account(d, transform::aggregate(d), kDocuments, diagnostics);
    CHECK_FALSE(account.accepted);
    check_adds_up(account);
    CHECK(account.used() == 2);
    const auto& lum = account.files[0];
    CHECK(ids(lum.used) == std::vector<std::string>{"L1"});
    REQUIRE(lum.rejected.size() == 2);
    CHECK(lum.rejected[0].id.empty());
    CHECK(lum.rejected[0].title == "Utan id");
    CHECK(lum.rejected[0].reasons == std::vector<std::string>{"it has no id"});
    CHECK(lum.rejected[1].reasons == std::vector<std::string>{"lum.csv:5:30: bad amount on the second line of L2"});
    const auto& mul = account.files[1];
    CHECK(ids(mul.used) == std::vector<std::string>{"M1"});
    REQUIRE(mul.rejected.size() == 1);
    CHECK(mul.rejected[0].reasons == std::vector<std::string>{"mul.xml:40:2: after the last element: still M2's"});
    for (const auto& doc : account.documents) CHECK(doc.ids.empty());
}

TEST_CASE("account: an error between records or without a line is the file's, one elsewhere the dataset's") {
    auto d = two_files();
    core::Diagnostics diagnostics;
    diagnostics.error({"lum.csv", 1, 5}, "unknown column");  // the header, before every record
    diagnostics.error({"lum.csv", 0, 0}, "whole file");
    diagnostics.error({"mul.xml", 3, 2}, "before M1's element");  // same line, earlier column
    diagnostics.error({"round.xml", 12, 5}, "LUM: over budget");
    const auto account = transform::make_account(d, transform::aggregate(d), kDocuments, diagnostics);
    check_adds_up(account);
    CHECK(account.files[0].problems.size() == 2);
    CHECK(account.files[1].problems.size() == 1);
    REQUIRE(account.problems.size() == 1);
    CHECK(account.problems[0].message == "LUM: over budget");
    for (const auto& f : account.files)
        for (const auto& e : f.rejected) CHECK(e.id.empty());  // only the record without an id
}

TEST_CASE("account: a record no document uses is rejected, not silently left out") {
    auto d = two_files();
    d.sources[0].records.erase(d.sources[0].records.begin() + 1);
    const std::vector<transform::DocumentScope> lum_only = {{"bilaga-lum", {"LUM"}}};
    const auto account = transform::make_account(d, transform::aggregate(d), lum_only, core::Diagnostics{});
    check_adds_up(account);
    CHECK(ids(account.files[0].used) == std::vector<std::string>{"L1", "L2"});
    REQUIRE(account.files[1].rejected.size() == 2);
    CHECK(account.files[1].rejected[0].reasons ==
          std::vector<std::string>{"no document uses the applications of the fund MUL"});
}

TEST_CASE("account: a file that could not be read counts nothing and shows why") {
    model::Dataset d;
    d.name = "broken";
    d.sources = {{"gone.csv", false, {}}};
    core::Diagnostics diagnostics;
    diagnostics.error({"gone.csv", 0, 0}, "the file does not exist");
    const auto account = transform::make_account(d, transform::aggregate(d), {}, diagnostics);
    REQUIRE(account.files.size() == 1);
    CHECK(account.files[0].read == 0);
    CHECK_FALSE(account.files[0].readable);
    REQUIRE(account.files[0].problems.size() == 1);
    CHECK(transform::to_text(account).find("gone.csv: 0 read, 0 used, 0 rejected (the file could not be read)") !=
          std::string::npos);
}

TEST_CASE("account: the funds a template names") {
    model::Round round;
    round.funds = {{"LUM", "", 0, std::nullopt, {}, {}}, {"MUL", "", 0, std::nullopt, {}, {}}};
    using V = std::vector<std::string>;
    CHECK(transform::funds_named_in("{{#lum.applications.list}}{{title}}{{/lum.applications.list}}", round) ==
          V{"LUM"});
    CHECK(transform::funds_named_in("{{ mul.total_granted.kronor }} {{round.year}}", round) == V{"MUL"});
    CHECK(transform::funds_named_in("{{^mul.rejected.none}}x{{/mul.rejected.none}}", round) == V{"MUL"});
    CHECK(transform::funds_named_in("{{#funds}}{{name}}{{/funds}}", round) == V{"LUM", "MUL"});
    CHECK(transform::funds_named_in("Totalt {{total_granted.millions}}", round) == V{"LUM", "MUL"});
    CHECK(transform::funds_named_in("{{round.title}} {{! lum.total }} {{lumen}} lum.x", round).empty());
    CHECK(transform::funds_named_in("{{lum.x", round).empty());
}

TEST_CASE("account: text and JSON name every record and the counts") {
    const auto d = two_files();
    core::Diagnostics diagnostics;
    diagnostics.error({"lum.csv", 4, 9}, "the decision \"bifall\" is unknown");
    const auto account = transform::make_account(d, transform::aggregate(d), kDocuments, diagnostics);
    const auto text = transform::to_text(account);
    CHECK(text.rfind("account of test: 5 records read, 3 used, 2 rejected\n", 0) == 0);
    CHECK(text.find("no document is made: the dataset has 1 error;") != std::string::npos);
    CHECK(text.find("lum.csv: 3 read, 1 used, 2 rejected\n") != std::string::npos);
    CHECK(text.find("  rejected  lum.csv:3:1  (no id) \"Utan id\"\n") != std::string::npos);
    CHECK(text.find("\n            - lum.csv:4:9: the decision \"bifall\" is unknown") != std::string::npos);
    const auto json = transform::to_json(account);
    CHECK(json.rfind(
              "{\"dataset\": \"test\", \"accepted\": false, \"errors\": 1, \"read\": 5, \"used\": 3, \"rejected\": 2,",
              0) == 0);
    CHECK(json.find("\"reasons\": [\"lum.csv:4:9: the decision \\\"bifall\\\" is unknown\"]") != std::string::npos);
    CHECK(json.find(
              "{\"file\": \"mul.xml\", \"readable\": true, \"read\": 2, \"used_count\": 2, \"rejected_count\": 0,") !=
          std::string::npos);
}

namespace {

// A final report's records: a project file and an activity row, which feed
// the documents whose templates name their data.
model::Dataset final_report_files() {
    model::Dataset d;
    d.name = "slut";
    d.final_report = model::FinalReport{};
    d.sources = {
        {"projekt/p1.xml", true, {{{"projekt/p1.xml", 1, 1}, {"projekt/p1.xml", 0, 0}, "P-1", "", -1, "", "projects"}}},
        {"aktiviteter.csv",
         true,
         {{{"aktiviteter.csv", 2, 1}, {"aktiviteter.csv", 3, 1}, "", "Seminarium", -1, "", "activities"},
          {{"aktiviteter.csv", 3, 1}, {"aktiviteter.csv", 4, 1}, "", "Kurs", -1, "", "activities"}}}};
    return d;
}

}  // namespace

TEST_CASE("account: a final report's projects and rows are used by the documents whose templates state them") {
    const auto d = final_report_files();
    model::Round round;
    const std::vector<transform::DocumentScope> scopes = {
        transform::scope_of("slutrapport", "t/slutrapport.md",
                            "{{#areas}}{{name}}{{/areas}} {{activities_count.count}}", round),
        transform::scope_of("tjansteutlatande", "t/tjansteutlatande.md", "{{decision.granted_millions}}", round)};
    const auto account = transform::make_account(d, transform::aggregate(d), scopes, core::Diagnostics{});
    check_adds_up(account);
    CHECK(account.rejected() == 0);
    REQUIRE(account.files[0].used.size() == 1);
    CHECK(account.files[0].used[0].documents == std::vector<std::string>{"slutrapport", "tjansteutlatande"});
    CHECK(account.files[1].used.at(1).documents == std::vector<std::string>{"slutrapport"});
}

TEST_CASE("account: a record that no template states is rejected with a reason, never an empty one") {
    auto d = final_report_files();
    d.sources.push_back({"x.csv", true, {{{"x.csv", 2, 1}, {"x.csv", 3, 1}, "", "", -1, "", ""}}});
    const auto account = transform::make_account(d, transform::aggregate(d), {}, core::Diagnostics{});
    check_adds_up(account);
    CHECK(account.used() == 0);
    for (const auto& f : account.files)
        for (const auto& e : f.rejected) {
            REQUIRE_FALSE(e.reasons.empty());
            CHECK_FALSE(e.reasons.front().empty());
        }
    CHECK(account.files[1].rejected[0].reasons.front() == "no document states the activities of this dataset");
}

TEST_CASE("account: a round's own follow-up register rows are kept for the next round, not rejected") {
    auto d = two_files();
    d.sources.push_back({"rapporter.csv",
                         true,
                         {{{"rapporter.csv", 2, 1}, {"rapporter.csv", 3, 1}, "L1", "ekonomi", -1, "", "reports"}}});
    const auto account = transform::make_account(d, transform::aggregate(d), kDocuments, core::Diagnostics{});
    check_adds_up(account);
    REQUIRE(account.files[2].used.size() == 1);
    CHECK(account.files[2].used[0].documents.empty());
    CHECK(account.files[2].used[0].kept.find("next round") != std::string::npos);
    CHECK(transform::to_text(account).find("L1 \"ekonomi\" -> kept: ") != std::string::npos);
}

TEST_CASE("account: a template's error rejects no record, and the account says it is the template") {
    auto d = two_files();
    d.sources[0].records.erase(d.sources[0].records.begin() + 1);
    const std::vector<transform::DocumentScope> scopes = {{"beslut", {"LUM", "MUL"}, {}, "templates/b/beslut.md"}};
    core::Diagnostics diagnostics;
    diagnostics.error({"templates/b/beslut.md", 7, 3}, "the section lum.x is never closed");
    const auto account = transform::make_account(d, transform::aggregate(d), scopes, diagnostics);
    check_adds_up(account);
    CHECK_FALSE(account.accepted);
    CHECK(account.rejected() == 0);
    CHECK(account.used() == 4);
    const auto note = transform::template_note(account);
    CHECK(note ==
          "a template problem, not the data's: the template failed at templates/b/beslut.md:7:3: "
          "the section lum.x is never closed");
    CHECK(transform::to_text(account).find("no document is made: " + note) != std::string::npos);
    CHECK(transform::to_json(account).find("\"template_failed\": ") != std::string::npos);
    // With an error in the data too, the note is not given: the data must be fixed as well.
    diagnostics.error({"lum.csv", 2, 5}, "bad");
    CHECK(transform::template_note(transform::make_account(d, transform::aggregate(d), scopes, diagnostics)).empty());
}
