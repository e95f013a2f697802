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
    d.applications = {application("L1", "LUM", 500000, {"lum.csv", 2, 1}),
                      application("L2", "LUM", 300000, {"lum.csv", 4, 1}),
                      application("M1", "MUL", 20000, {"mul.xml", 3, 4}),
                      application("M2", "MUL", 20000, {"mul.xml", 11, 4})};
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

TEST_CASE("account: errors are placed on the record they lie within, and the rest is held back") {
    const auto d = two_files();
    core::Diagnostics diagnostics;
    diagnostics.error({"lum.csv", 5, 30}, "bad amount on the second line of L2");
    diagnostics.error({"mul.xml", 40, 2}, "after the last element: still M2's");
    diagnostics.warning({"mul.xml", 3, 4}, "a warning rejects nothing");
    const auto account = transform::make_account(d, transform::aggregate(d), kDocuments, diagnostics);
    CHECK_FALSE(account.accepted);
    check_adds_up(account);
    CHECK(account.used() == 0);
    const auto& lum = account.files[0];
    REQUIRE(lum.rejected.size() == 3);
    CHECK(lum.rejected[0].reasons.front().find("held back") == 0);
    CHECK(lum.rejected[1].id.empty());
    CHECK(lum.rejected[1].title == "Utan id");
    CHECK(lum.rejected[1].reasons == std::vector<std::string>{"it has no id"});
    CHECK(lum.rejected[2].reasons == std::vector<std::string>{"lum.csv:5:30: bad amount on the second line of L2"});
    const auto& mul = account.files[1];
    CHECK(mul.rejected[0].reasons.front().find("held back") == 0);
    CHECK(mul.rejected[1].reasons == std::vector<std::string>{"mul.xml:40:2: after the last element: still M2's"});
    for (const auto& doc : account.documents) CHECK(doc.ids.empty());
}

TEST_CASE("account: an error between records or without a line is the file's, one elsewhere the dataset's") {
    auto d = two_files();
    core::Diagnostics diagnostics;
    diagnostics.error({"lum.csv", 1, 5}, "unknown column");       // the header, before every record
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
        for (const auto& e : f.rejected)
            if (!e.id.empty()) CHECK(e.reasons.front().find("held back") == 0);
}

TEST_CASE("account: a record no document uses is rejected, not silently left out") {
    auto d = two_files();
    d.sources[0].records.erase(d.sources[0].records.begin() + 1);
    const std::vector<transform::DocumentScope> lum_only = {{"bilaga-lum", {"LUM"}}};
    const auto account = transform::make_account(d, transform::aggregate(d), lum_only, core::Diagnostics{});
    check_adds_up(account);
    CHECK(ids(account.files[0].used) == std::vector<std::string>{"L1", "L2"});
    REQUIRE(account.files[1].rejected.size() == 2);
    CHECK(account.files[1].rejected[0].reasons == std::vector<std::string>{"no document uses the applications of the fund MUL"});
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
    CHECK(transform::funds_named_in("{{#lum.applications.list}}{{title}}{{/lum.applications.list}}", round) == V{"LUM"});
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
    CHECK(text.rfind("account of test: 5 records read, 0 used, 5 rejected\n", 0) == 0);
    CHECK(text.find("no document is made: the dataset has 1 error\n") != std::string::npos);
    CHECK(text.find("lum.csv: 3 read, 0 used, 3 rejected\n") != std::string::npos);
    CHECK(text.find("  rejected  lum.csv:3:1  (no id) \"Utan id\"\n") != std::string::npos);
    CHECK(text.find("\n            - lum.csv:4:9: the decision \"bifall\" is unknown") != std::string::npos);
    const auto json = transform::to_json(account);
    CHECK(json.rfind("{\"dataset\": \"test\", \"accepted\": false, \"errors\": 1, \"read\": 5, \"used\": 0, \"rejected\": 5,", 0) == 0);
    CHECK(json.find("\"reasons\": [\"lum.csv:4:9: the decision \\\"bifall\\\" is unknown\"]") != std::string::npos);
    CHECK(json.find("{\"file\": \"mul.xml\", \"readable\": true, \"read\": 2, \"used_count\": 0, \"rejected_count\": 2,") !=
          std::string::npos);
}
