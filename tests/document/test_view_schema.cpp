// The schema of the view (document/view_schema.hpp) is the union of the
// views built from every dataset the tests have; this test builds them again
// and fails when the compiled-in schema differs in either direction: a name
// a view builder makes that the schema lacks (a template using it would be
// refused), or a name in the schema no view builder makes any more (a
// template using it would pass the check and fail on real data). After a
// change to a view builder: UPDATE_GOLDEN=1 ctest --test-dir build -R
// "view schema", review the diff of pipeline/document/view_schema.txt,
// build again.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "document/build.hpp"
#include "document/view_model.hpp"
#include "document/view_schema.hpp"
#include "ingest/dataset_loader.hpp"
#include "transform/transform.hpp"

namespace fs = std::filesystem;

namespace {

// Every dataset folder the tests keep: the fixtures and the test fixtures
// (the pathological ones that load at all add the shapes of odd data).
std::vector<fs::path> datasets() {
    std::vector<fs::path> folders;
    for (const auto* root : {"fixtures", "tests/fixtures", "tests/fixtures/pathological"})
        for (const auto& entry : fs::directory_iterator(fs::path(FUEL_SOURCE_DIR) / root))
            if (entry.is_directory()) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    return folders;
}

using Schemas = std::map<doc::DocumentKind, doc::SchemaNode>;

void add(Schemas& schemas, doc::DocumentKind kind, const kainjow::mustache::data& view) {
    auto it = schemas.find(kind);
    if (it == schemas.end())
        schemas.emplace(kind, doc::schema_of(view));
    else
        doc::merge(it->second, doc::schema_of(view));
}

// The views a build makes of one dataset: its documents', and each letter's.
void add_dataset(Schemas& schemas, const model::Dataset& dataset) {
    const auto report = transform::aggregate(dataset);
    const auto kind = report.final_report       ? doc::DocumentKind::FinalReport
                      : report.fund_application ? doc::DocumentKind::FundApplication
                                                : doc::DocumentKind::Round;
    auto view = doc::make_view_model(report);
    add(schemas, kind, view);
    if (kind != doc::DocumentKind::Round || dataset.round.letter_template.empty()) return;
    for (const auto& administration : doc::applicants(dataset)) {
        doc::add_letter_view(report, administration, view);
        add(schemas, doc::DocumentKind::Letter, view);
    }
}

Schemas schemas_of_datasets() {
    Schemas schemas;
    for (const auto& folder : datasets()) {
        core::Diagnostics diagnostics;
        auto dataset = ingest::load_dataset(folder.string(), diagnostics, 1);
        if (!dataset) continue;
        // Data with errors (a date that does not exist) can make a view
        // builder throw, as a build tolerates (job/dataset_build.cpp); such
        // a dataset adds no names.
        try {
            add_dataset(schemas, *dataset);
        } catch (const std::exception&) {
        }
    }
    return schemas;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("view schema: the compiled-in schema is the union of the views built from every dataset") {
    const auto derived = doc::to_text(schemas_of_datasets());
    const auto path = fs::path(FUEL_SOURCE_DIR) / "pipeline/document/view_schema.txt";
    if (std::getenv("UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << derived;
        WARN("rewrote pipeline/document/view_schema.txt; build again to compile it in");
        return;
    }
    std::map<doc::DocumentKind, doc::SchemaNode> compiled;
    for (auto kind : {doc::DocumentKind::Round, doc::DocumentKind::Letter, doc::DocumentKind::FinalReport,
                      doc::DocumentKind::FundApplication})
        compiled[kind] = doc::view_schema(kind);
    const auto in_code = lines_of(derived);
    const auto in_schema = lines_of(doc::to_text(compiled));
    std::string lacking, stale;
    for (const auto& line : in_code)
        if (std::find(in_schema.begin(), in_schema.end(), line) == in_schema.end()) lacking += "  " + line + "\n";
    for (const auto& line : in_schema)
        if (std::find(in_code.begin(), in_code.end(), line) == in_code.end()) stale += "  " + line + "\n";
    INFO("names the views make that the schema lacks:\n" << lacking);
    INFO("names in the schema that no view makes:\n" << stale);
    INFO("if the view builders changed on purpose: UPDATE_GOLDEN=1 ctest -R 'view schema', review, build again");
    CHECK(lacking.empty());
    CHECK(stale.empty());
}

TEST_CASE("view schema: every kind of document has names, and a list's items are known where the data has some") {
    for (auto kind : {doc::DocumentKind::Round, doc::DocumentKind::Letter, doc::DocumentKind::FinalReport,
                      doc::DocumentKind::FundApplication}) {
        INFO(doc::to_string(kind));
        CHECK(!doc::view_schema(kind).members.empty());
    }
    const auto& round = doc::view_schema(doc::DocumentKind::Round);
    const auto* item = round.find("funds")->find(doc::kListItem);
    REQUIRE(item != nullptr);
    CHECK(item->find("partly_granted")->find("list")->kind == doc::ValueKind::List);
    CHECK(item->find("total_granted")->find("number")->kind == doc::ValueKind::Number);
    CHECK(item->find("total_granted")->find("kronor")->kind == doc::ValueKind::Text);
    CHECK(item->find("has_max")->kind == doc::ValueKind::Flag);
    CHECK(doc::view_schema(doc::DocumentKind::Letter).find("letter") != nullptr);
    CHECK(round.find("letter") == nullptr);
}

TEST_CASE("view schema: the text form reads back as written") {
    const auto& round = doc::view_schema(doc::DocumentKind::Round);
    CHECK(doc::to_text(doc::from_text(doc::to_text(round))) == doc::to_text(round));
}

TEST_CASE("view schema: a dotted name reads as its steps, a list's item after a name or another item") {
    const auto steps = doc::path_steps("areas[].projects[].title");
    REQUIRE(steps.size() == 3);
    CHECK((steps[0].name == "areas" && steps[0].item));
    CHECK((steps[1].name == "projects" && steps[1].item));
    CHECK((steps[2].name == "title" && !steps[2].item));
    const auto nested = doc::path_steps("rows[][]");
    REQUIRE(nested.size() == 2);
    CHECK((nested[0].name == "rows" && nested[0].item));
    CHECK((nested[1].name.empty() && nested[1].item));
    CHECK(doc::path_steps("").empty());
    CHECK(doc::path_steps("lum.total").size() == 2);
}
