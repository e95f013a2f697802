// Rounds across years and letters in nightly builds: a round with letters
// has as many documents as its data says, each kept by its own key, and a
// report recorded in last year's folder rebuilds this year's documents.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "datasets.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

struct Scene {
    std::string data, templates, out;
};

// Copies of the 2025 and 2026 rounds (2026 looks back at 2025) and the templates.
Scene scene(const std::string& name) {
    Scene s;
    const auto root = scratch(name);
    s.data = root + "/data";
    s.templates = root + "/templates";
    s.out = root + "/out";
    for (const auto* round : {"lum-mul-2025", "lum-mul-2026"})
        copy_folder(source_path(std::string("fixtures/") + round), s.data + "/" + round);
    copy_folder(source_path("templates"), s.templates);
    return s;
}

void append_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app | std::ios::binary) << text;
}

const job::DatasetResult& round_2026(const job::Result& r) {
    for (const auto& d : r.datasets)
        if (d.name == "lum-mul-2026") return d;
    FAIL("no lum-mul-2026");
    throw;
}

}  // namespace

TEST_CASE("letters incremental: letters are kept by key, and last year's folder rebuilds this year") {
    const auto s = scene("letters-incremental");
    const auto first = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(first.exit_code() == 0);
    const auto documents = round_2026(first).documents.size();
    CHECK(documents == 3 + 1 + 12);  // the round's three, the evaluation, twelve letters

    const auto again = job::run(spec(s.data, s.out), environment(s.templates));
    CHECK(again.documents_rebuilt() == 0);
    CHECK(round_2026(again).documents.size() == documents);

    // Järva's missing 2025 reports come in and are approved: Järva's 2026
    // documents change, so every 2026 document is built again (the keys
    // cover the earlier round's files), and no letter disappears.
    edit_file(s.data + "/lum-mul-2025/rapporter.csv", "MUL-12;ekonomi;2025-10-31;;;",
              "MUL-12;ekonomi;2025-10-31;2025-12-01;godkänd;");
    edit_file(s.data + "/lum-mul-2025/rapporter.csv", "MUL-12;genomförande;2025-11-14;;;",
              "MUL-12;genomförande;2025-11-14;2025-12-01;godkänd;");
    const auto after = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(after.exit_code() == 0);
    const auto& d = round_2026(after);
    CHECK(d.documents.size() == documents);
    for (const auto& doc : d.documents) CHECK(doc.rebuilt);
    for (const auto& doc : d.documents) CHECK(fs::exists(doc.path));
}

TEST_CASE("letters incremental: a round with letters whose inputs did not change is not published again") {
    const auto s = scene("letters-unchanged");
    auto env = environment(s.templates);
    std::int64_t now = 1'700'000'000;
    env.clock = [&] { return now; };
    const auto first = job::run(spec(s.data, s.out), env);
    REQUIRE(first.exit_code() == 0);
    const auto folder = s.out + "/lum-mul-2026";
    struct stat before {};
    REQUIRE(::stat(folder.c_str(), &before) == 0);
    const auto record = read_file(folder + "/.fuel-build");

    now += 3600;  // an hour later, nothing changed
    const auto again = job::run(spec(s.data, s.out), env);
    REQUIRE(again.exit_code() == 0);
    const auto& d = round_2026(again);
    CHECK(d.outcome == job::Outcome::Unchanged);
    CHECK(d.last_good_build == 1'700'000'000);
    CHECK(d.documents.size() == round_2026(first).documents.size());
    struct stat after {};
    REQUIRE(::stat(folder.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);  // the same folder: not swapped with a staged copy
    CHECK(read_file(folder + "/.fuel-build") == record);
    CHECK_FALSE(fs::exists(s.out + "/.fuel-staging/lum-mul-2026"));

    // A change that touches the documents publishes them again, with the new time.
    edit_file(s.data + "/lum-mul-2025/rapporter.csv", "MUL-12;ekonomi;2025-10-31;;;",
              "MUL-12;ekonomi;2025-10-31;2025-12-01;godkänd;");
    now += 3600;
    const auto changed = job::run(spec(s.data, s.out), env);
    REQUIRE(changed.exit_code() == 0);
    CHECK(round_2026(changed).outcome == job::Outcome::Built);
    CHECK(round_2026(changed).last_good_build == 1'700'000'000 + 7200);
}

// The fast path stops before reading round.xml, so it must know every
// template folder the last build read: a letter or evaluation template
// edited since makes its documents again, and only those.
TEST_CASE("letters incremental: an edited letter or evaluation template remakes its documents, and only those") {
    const auto s = scene("letters-templates");
    const auto first = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(first.exit_code() == 0);
    const auto documents = round_2026(first).documents.size();

    append_file(s.templates + "/beslutsbrev-lum-mul/beslutsbrev.md", "\nMed vänlig hälsning\n");
    const auto letters = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(letters.exit_code() == 0);
    std::size_t rebuilt = 0;
    for (const auto& doc : round_2026(letters).documents) {
        CHECK(doc.rebuilt == (doc.name.rfind("beslutsbrev", 0) == 0));
        rebuilt += doc.rebuilt ? 1 : 0;
    }
    CHECK(rebuilt == 12);
    CHECK(round_2026(letters).documents.size() == documents);

    append_file(s.templates + "/utvardering-lum-mul/arsuppfoljning.md", "\nSlut på uppföljningen.\n");
    const auto evaluation = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(evaluation.exit_code() == 0);
    CHECK(evaluation.documents_rebuilt() == 1);
    for (const auto& doc : round_2026(evaluation).documents) CHECK(doc.rebuilt == (doc.name == "arsuppfoljning"));
}
