// Incremental builds: a document is rendered again exactly when its key
// (dataset files, its template, fonts, program) changed; otherwise the file
// of its last good build stays, the very same file.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <map>

#include "datasets.hpp"
#include "job/manifest.hpp"

namespace fs = std::filesystem;
using namespace nightly_test;

namespace {

const char* kDocuments[] = {"bilaga-1-lum-ansokningar", "bilaga-2-mul-ansokningar", "tjansteutlatande"};

// The inode: a kept document is the same file, not a rewritten copy.
ino_t inode(const std::string& path) {
    struct stat s {};
    REQUIRE(::stat(path.c_str(), &s) == 0);
    return s.st_ino;
}

struct Scene {
    std::string data, templates, out;
};

// Its own copies of the fixture and the templates, built once.
Scene first_build(const std::string& name) {
    Scene s;
    const auto root = scratch(name);
    s.data = root + "/data";
    s.templates = root + "/templates";
    s.out = root + "/out";
    copy_folder(source_path("fixtures/lum-mul-2025"), s.data + "/lum-mul-2025");
    copy_folder(source_path("templates"), s.templates);
    const auto r = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(r.exit_code() == 0);
    REQUIRE(r.datasets[0].outcome == job::Outcome::Built);
    return s;
}

std::string pdf_of(const Scene& s, const std::string& document) { return s.out + "/lum-mul-2025/" + document + ".pdf"; }

const job::DocumentResult& document(const job::DatasetResult& d, const std::string& name) {
    for (const auto& x : d.documents)
        if (x.name == name) return x;
    FAIL("no document " << name);
    throw;
}

}  // namespace

TEST_CASE("incremental: nothing changed, so nothing is rendered and every file stays") {
    const auto s = first_build("unchanged");
    std::map<std::string, ino_t> before;
    for (const auto* name : kDocuments) before[name] = inode(pdf_of(s, name));
    const auto r = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(r.datasets.size() == 1);
    CHECK(r.datasets[0].outcome == job::Outcome::Unchanged);
    CHECK(r.documents_rebuilt() == 0);
    CHECK(r.documents_kept() == 3);
    for (const auto* name : kDocuments) {
        CHECK(inode(pdf_of(s, name)) == before[name]);
        CHECK_FALSE(document(r.datasets[0], name).rebuilt);
        CHECK(document(r.datasets[0], name).pages > 0);
    }
    CHECK_FALSE(fs::exists(s.out + "/.fuel-staging"));
    CHECK_FALSE(fs::exists(s.out + "/.fuel-lock"));
}

TEST_CASE("incremental: a changed input rebuilds the dataset's documents with the new data") {
    const auto s = first_build("changed-input");
    const auto old_bytes = read_file(pdf_of(s, "tjansteutlatande"));
    // A content change that keeps the size and is invisible to a timestamp
    // check at one-second resolution.
    edit_file(s.data + "/lum-mul-2025/round.xml", "<diary-number>SoF 1.6-0612/2024", "<diary-number>SoF 1.6-0613/2024");
    const auto r = job::run(spec(s.data, s.out), environment(s.templates));
    CHECK(r.datasets[0].outcome == job::Outcome::Built);
    CHECK(r.documents_rebuilt() == 3);
    CHECK(read_file(pdf_of(s, "tjansteutlatande")) != old_bytes);
    // And the next night it is up to date again.
    CHECK(job::run(spec(s.data, s.out), environment(s.templates)).datasets[0].outcome == job::Outcome::Unchanged);
}

TEST_CASE("incremental: a changed template rebuilds the documents made from it, and only those") {
    const auto s = first_build("changed-template");
    const auto kept_inode = inode(pdf_of(s, "bilaga-2-mul-ansokningar"));
    const auto kept_lum = inode(pdf_of(s, "bilaga-1-lum-ansokningar"));
    const auto old_decision = read_file(pdf_of(s, "tjansteutlatande"));
    const auto tmpl = s.templates + "/beslut-lum-mul/tjansteutlatande.md";
    write_file(tmpl, read_file(tmpl) + "\nEtt nytt stycke i slutet.\n");
    const auto r = job::run(spec(s.data, s.out), environment(s.templates));
    const auto& d = r.datasets[0];
    CHECK(d.outcome == job::Outcome::Built);
    CHECK(document(d, "tjansteutlatande").rebuilt);
    CHECK_FALSE(document(d, "bilaga-1-lum-ansokningar").rebuilt);
    CHECK_FALSE(document(d, "bilaga-2-mul-ansokningar").rebuilt);
    CHECK(read_file(pdf_of(s, "tjansteutlatande")) != old_decision);
    CHECK(inode(pdf_of(s, "bilaga-2-mul-ansokningar")) == kept_inode);
    CHECK(inode(pdf_of(s, "bilaga-1-lum-ansokningar")) == kept_lum);
}

TEST_CASE("incremental: a template used by several datasets rebuilds all of them") {
    const auto s = first_build("shared-template");
    copy_folder(source_path("fixtures/lum-mul-2025"), s.data + "/lum-mul-2025-kopia");
    REQUIRE(job::run(spec(s.data, s.out), environment(s.templates)).exit_code() == 0);
    const auto tmpl = s.templates + "/beslut-lum-mul/bilaga-1-lum-ansokningar.md";
    write_file(tmpl, read_file(tmpl) + "\nTillägg.\n");
    const auto r = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(r.datasets.size() == 2);
    for (const auto& d : r.datasets) {
        CAPTURE(d.name);
        CHECK(d.outcome == job::Outcome::Built);
        CHECK(document(d, "bilaga-1-lum-ansokningar").rebuilt);
        CHECK_FALSE(document(d, "tjansteutlatande").rebuilt);
    }
}

TEST_CASE("incremental: a new program, a deleted output or a damaged record rebuilds") {
    const auto s = first_build("other-causes");
    auto other = environment(s.templates);
    other.generator = "fuel test, a newer build";
    CHECK(job::run(spec(s.data, s.out), other).documents_rebuilt() == 3);

    fs::remove(pdf_of(s, "bilaga-1-lum-ansokningar"));
    auto r = job::run(spec(s.data, s.out), other);
    CHECK(r.documents_rebuilt() == 1);
    CHECK(document(r.datasets[0], "bilaga-1-lum-ansokningar").rebuilt);
    CHECK(fs::exists(pdf_of(s, "bilaga-1-lum-ansokningar")));

    write_file(s.out + "/lum-mul-2025/" + job::kManifestFile, "fuel-build 2\ndocument\tbroken\n");
    CHECK(job::run(spec(s.data, s.out), other).documents_rebuilt() == 3);
}

TEST_CASE("incremental: without a digest every build renders everything") {
    const auto s = first_build("no-digest");
    auto plain = environment(s.templates);
    plain.digest = nullptr;
    CHECK(job::run(spec(s.data, s.out), plain).documents_rebuilt() == 3);
    CHECK(job::run(spec(s.data, s.out), plain).documents_rebuilt() == 3);
}

TEST_CASE("incremental: a dataset that fails keeps its last good documents in place") {
    const auto s = first_build("failed-keeps");
    const auto before = read_file(pdf_of(s, "tjansteutlatande"));
    // A grant above the MUL maximum per application is an input error
    // (transform/validate.cpp).
    edit_file(s.data + "/lum-mul-2025/mul-ansokningar.xml", "<granted>20000</granted>", "<granted>900000</granted>");
    const auto r = job::run(spec(s.data, s.out), environment(s.templates));
    const auto& d = r.datasets[0];
    CHECK(d.outcome == job::Outcome::InputErrors);
    CHECK(r.exit_code() == 1);
    CHECK(d.diagnostics.has_errors());
    CHECK(read_file(pdf_of(s, "tjansteutlatande")) == before);
    CHECK(d.documents.size() == 3);
    CHECK(d.last_good_build > 0);
    for (const auto& document : d.documents) CHECK_FALSE(document.rebuilt);
}

TEST_CASE("incremental: the files beside a kept PDF are kept with it, and a deleted one rebuilds its document") {
    const auto s = first_build("companions");
    const auto html = s.out + "/lum-mul-2025/tjansteutlatande.html";
    const auto before = inode(html);
    auto r = job::run(spec(s.data, s.out), environment(s.templates));
    REQUIRE(r.datasets[0].outcome == job::Outcome::Unchanged);
    CHECK(inode(html) == before);
    const auto& kept = document(r.datasets[0], "tjansteutlatande");
    CHECK(std::find(kept.companions.begin(), kept.companions.end(), html) != kept.companions.end());

    fs::remove(html);
    r = job::run(spec(s.data, s.out), environment(s.templates));
    CHECK(r.datasets[0].outcome == job::Outcome::Built);
    CHECK(document(r.datasets[0], "tjansteutlatande").rebuilt);
    CHECK_FALSE(document(r.datasets[0], "bilaga-1-lum-ansokningar").rebuilt);
    CHECK(fs::is_regular_file(html));
}
