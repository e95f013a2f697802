// Family 1, paths: output folders that overlap the data or the templates,
// `.` and `..`, symbolic links, names that are not UTF-8, misspelt and stray
// folders; and family 5, published outputs changed after the build. Each
// case asserts the exit status, the message and its place, and that nothing
// changed or appeared where it must not (folder_rules.hpp, published_files.hpp).
#include <sys/mount.h>

#include "adversarial/adversarial.hpp"

using namespace adversarial;

namespace {

// A refused build: exit 2, one line on standard error that says `words`,
// and not one byte of the world changed, added or removed.
void require_refused(const World& world, const Run& run, const Tree& before, const std::string& words) {
    INFO(run.err);
    REQUIRE(run.status == 2);
    CHECK(contains(run.err, words));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    REQUIRE_UNCHANGED(before, world.everything());
}

Run build_with_out(const World& world, const fs::path& out, const fs::path& cwd) {
    return run_fuel(
        {"build", "--data", world.data.string(), "--templates", world.templates.string(), "--out", out.string()}, cwd);
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("a clean world builds, and a second build changes nothing in data or templates") {
    World world("clean");
    const auto data = snapshot(world.data);
    const auto templates = snapshot(world.templates);
    const auto run = world.fuel("build");
    INFO(run.err);
    REQUIRE(run.status == 0);
    REQUIRE(fs::is_regular_file(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
    REQUIRE_UNCHANGED(templates, snapshot(world.templates));
}

TEST_CASE("build with --out the dataset itself is refused") {
    World world("out-is-dataset");
    const auto before = world.everything();
    const auto run = run_fuel({"build", "--data", world.dataset().string(), "--templates", world.templates.string(),
                               "--out", world.dataset().string()},
                              world.root);
    require_refused(world, run, before, "is the data folder");
}

TEST_CASE("build with --out the data folder itself is refused") {
    World world("out-is-data");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.data, world.root), before, "is the data folder");
}

TEST_CASE("build with --out a folder that contains the dataset is refused") {
    World world("out-contains-dataset");
    const auto before = world.everything();
    const auto run = run_fuel({"build", "--data", world.dataset().string(), "--templates", world.templates.string(),
                               "--out", world.data.string()},
                              world.root);
    require_refused(world, run, before, "contains the data folder");
}

TEST_CASE("build with --out a folder that contains the data and templates is refused") {
    World world("out-contains-all");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.root, world.root), before, "contains the data folder");
}

TEST_CASE("build with --out inside the data folder is refused") {
    World world("out-inside-data");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.data / "output", world.root), before,
                    "lies inside the data folder");
}

TEST_CASE("build with --out inside a dataset is refused") {
    World world("out-inside-dataset");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.dataset() / "pdf", world.root), before,
                    "lies inside the data folder");
}

TEST_CASE(
    "build with --data . from inside a round, with the default output folder, is refused and leaves no lock or "
    "staging") {
    World world("data-dot");
    const auto before = world.everything();
    const auto run = run_fuel({"build", "--data", ".", "--templates", world.templates.string()}, world.dataset());
    require_refused(world, run, before, "lies inside the data folder '.'");
}

TEST_CASE("build with --data .. from inside a round, with the default output folder, is refused") {
    World world("data-dotdot", {"lum-mul-2024", "lum-mul-2025"});
    const auto before = world.everything();
    const auto run = run_fuel({"build", "--data", "..", "--templates", world.templates.string()}, world.dataset());
    require_refused(world, run, before, "lies inside the data folder '..'");
}

TEST_CASE("build with --data . from inside a round builds into an output folder outside it, named after the round") {
    World world("data-dot-good");
    const auto data = snapshot(world.data);
    const auto run =
        run_fuel({"build", "--data", ".", "--templates", world.templates.string(), "--out", world.out.string()},
                 world.dataset());
    INFO(run.err);
    REQUIRE(run.status == 0);
    CHECK(fs::is_regular_file(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
    CHECK_FALSE(fs::exists(world.out / "." / ".fuel-build"));
    REQUIRE_UNCHANGED(data, snapshot(world.data));
}

TEST_CASE("build with --out the templates folder, inside it, or around it is refused") {
    World world("out-templates");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.templates, world.root), before, "is the templates folder");
    require_refused(world, build_with_out(world, world.templates / "out", world.root), before,
                    "lies inside the templates folder");
}

TEST_CASE("build with --out written with ./ and .. and a trailing slash is still the data folder") {
    World world("out-spelt-oddly");
    const auto before = world.everything();
    const auto odd = "./data/../data/lum-mul-2025/./";
    const auto run =
        run_fuel({"build", "--data", world.dataset().string(), "--templates", world.templates.string(), "--out", odd},
                 world.root);
    require_refused(world, run, before, "is the data folder");
}

TEST_CASE("build with --out through a symbolic link that leads into the data folder is refused") {
    World world("out-through-link");
    fs::create_directory_symlink(world.data, world.root / "looks-harmless");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.root / "looks-harmless" / "out", world.root), before,
                    "lies inside the data folder");
}

TEST_CASE("build with --data through a symbolic link, --out inside the real folder, is refused") {
    World world("data-through-link");
    fs::create_directory_symlink(world.data, world.root / "data-link");
    const auto before = world.everything();
    const auto run = run_fuel({"build", "--data", (world.root / "data-link").string(), "--templates",
                               world.templates.string(), "--out", (world.data / "x").string()},
                              world.root);
    require_refused(world, run, before, "lies inside the data folder");
}

TEST_CASE("a missing data folder is exit 2 with one message naming it") {
    World world("no-data");
    const auto before = world.everything();
    const auto run = run_fuel(
        {"build", "--data", "dta", "--templates", world.templates.string(), "--out", world.out.string()}, world.root);
    require_refused(world, run, before, "the data folder 'dta' does not exist");
}

TEST_CASE("a missing templates folder is exit 2 with one message, not an error per dataset") {
    World world("no-templates", {"lum-mul-2024", "lum-mul-2025"});
    const auto before = world.everything();
    const auto run = run_fuel(
        {"build", "--data", world.data.string(), "--templates", "tmpl", "--out", world.out.string()}, world.root);
    require_refused(world, run, before, "the templates folder 'tmpl' does not exist");
}

TEST_CASE("check with a missing templates folder is exit 2 too") {
    World world("check-no-templates");
    const auto before = world.everything();
    const auto run = run_fuel({"check", "--data", world.data.string(), "--templates", "nowhere"}, world.root);
    require_refused(world, run, before, "the templates folder 'nowhere' does not exist");
}

TEST_CASE("a data folder that is a file is exit 2") {
    World world("data-is-file");
    write_file(world.root / "export.csv", "a;b\n");
    const auto before = world.everything();
    const auto run = run_fuel({"check", "--data", "export.csv", "--templates", world.templates.string()}, world.root);
    require_refused(world, run, before, "is a file, not a folder");
}

TEST_CASE("an output folder that is a file is exit 2 and the file stays") {
    World world("out-is-file");
    write_file(world.root / "report.pdf", "%PDF- not ours");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.root / "report.pdf", world.root), before,
                    "is a file, not a folder");
}

TEST_CASE("an output folder that cannot be created is exit 2, not an internal failure") {
    World world("out-cannot-create");
    write_file(world.root / "plain-file", "x");
    const auto before = world.everything();
    require_refused(world, build_with_out(world, world.root / "plain-file" / "out", world.root), before,
                    "cannot be created or written");
}

TEST_CASE("an archive folder that is a file is exit 2 before anything is published") {
    World world("archive-is-file");
    write_file(world.root / "arkiv", "inte en mapp");
    const auto before = world.everything();
    require_refused(world, world.fuel("build", {"--archive", (world.root / "arkiv").string()}), before,
                    "the archive folder");
}

TEST_CASE("an output folder whose dataset folder holds somebody's files is refused, the files untouched") {
    World world("foreign-dataset-folder");
    write_file(world.out / "lum-mul-2025" / "anteckningar.txt", "mina anteckningar");
    const auto before = world.everything();
    require_refused(world, world.fuel("build"), before, "holds files fuel did not make");
}

TEST_CASE("an output dataset folder that is a symbolic link is refused and its target untouched") {
    World world("linked-dataset-folder");
    fs::create_directories(world.root / "elsewhere");
    write_file(world.root / "elsewhere" / "viktigt.txt", "viktigt");
    fs::create_directories(world.out);
    fs::create_directory_symlink(world.root / "elsewhere", world.out / "lum-mul-2025");
    const auto before = world.everything();
    require_refused(world, world.fuel("build"), before, "is a symbolic link");
}

TEST_CASE("an output dataset folder that is a file is refused") {
    World world("file-dataset-folder");
    write_file(world.out / "lum-mul-2025", "not a folder");
    const auto before = world.everything();
    require_refused(world, world.fuel("build"), before, "is a file, not a folder fuel made");
}

TEST_CASE("a refused build leaves the documents of the last good build as they were") {
    World world("refused-keeps-last-good");
    REQUIRE(world.fuel("build").status == 0);
    const auto before = world.everything();
    const auto run = run_fuel({"build", "--data", world.data.string(), "--templates", world.templates.string(), "--out",
                               (world.data / "o").string()},
                              world.root);
    require_refused(world, run, before, "lies inside the data folder");
}

TEST_CASE("a status page over somebody else's index.html is refused, the file untouched") {
    World world("foreign-index");
    write_file(world.out / "index.html", "<html>min startsida</html>");
    const auto run = world.fuel("build", {"--status"});
    INFO(run.err);
    CHECK(run.status == 2);
    CHECK(contains(run.err, "index.html' was not written by fuel"));
    CHECK(read_file(world.out / "index.html") == "<html>min startsida</html>");
}

TEST_CASE("a data file that is a symbolic link out of the dataset is refused by name, its content never quoted") {
    World world("link-out-of-dataset");
    const auto secret = world.root / "hemligt.csv";
    write_file(secret, "id;namn\nHEMLIGT-1;Personnummer 19121212-1212\n");
    fs::remove(world.dataset() / "lum-ansokningar.csv");
    fs::create_symlink(secret, world.dataset() / "lum-ansokningar.csv");
    const auto before = snapshot(world.data);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "lum-ansokningar.csv: error: the file is a symbolic link to a place outside the dataset"));
    CHECK_FALSE(contains(run.err + run.out, "HEMLIGT"));
    CHECK_FALSE(contains(run.err + run.out, "19121212"));
    CHECK_FALSE(fs::exists(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
    REQUIRE_UNCHANGED(before, snapshot(world.data));
}

TEST_CASE("an href with .. out of the dataset is refused without reading the file") {
    World world("href-dotdot");
    write_file(world.root / "passwd.csv", "root:x:0:0:root:/root:/bin/bash\n");
    replace_in_file(world.dataset() / "round.xml", "href=\"lum-ansokningar.csv\"", "href=\"../../passwd.csv\"");
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "round.xml:75:6: error: <applications href> must name a file in the round's"));
    CHECK_FALSE(contains(run.err, "root:x"));
}

TEST_CASE("a symbolic link inside the dataset to its own file is read as usual") {
    World world("link-inside-dataset");
    fs::rename(world.dataset() / "lum-ansokningar.csv", world.dataset() / "export-2025.csv");
    fs::create_symlink("export-2025.csv", world.dataset() / "lum-ansokningar.csv");
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK_FALSE(contains(run.err, "outside the dataset"));
}

TEST_CASE("a dataset folder whose name is not UTF-8 is refused, and every output stays valid UTF-8 without escapes") {
    World world("not-utf8", {});
    const std::string odd = "runda-\xff\xfe-\x1b[2J";
    fs::copy(source_dir() / "fixtures" / "lum-mul-2025", world.data / odd, fs::copy_options::recursive);
    const auto run = world.fuel("build", {"--format", "json"});
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "is not valid UTF-8 or holds control characters"));
    CHECK(valid_utf8(run.err));
    CHECK(valid_utf8(run.out));
    CHECK(run.err.find('\x1b') == std::string::npos);
    CHECK(run.out.find('\x1b') == std::string::npos);
    CHECK(contains(run.out, "\"datasets\""));
    CHECK_FALSE(fs::exists(world.out / odd));
}

TEST_CASE("a round.xml spelt Round.xml is an error naming the file, not a folder silently skipped") {
    World world("misspelt-round");
    fs::rename(world.dataset() / "round.xml", world.dataset() / "Round.xml");
    const auto before = world.everything();
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "Round.xml: error: fuel looks for a file named exactly round.xml"));
    REQUIRE_UNCHANGED(before, world.everything());
}

TEST_CASE("round.xml.txt beside the datasets is named, and the good datasets still build") {
    World world("round-xml-txt", {"lum-mul-2024", "lum-mul-2025"});
    fs::create_directories(world.data / "ny-runda");
    fs::copy_file(world.dataset() / "round.xml", world.data / "ny-runda" / "round.xml.txt");
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "ny-runda/round.xml.txt: error:"));
    CHECK(fs::is_regular_file(world.out / "lum-mul-2025" / "tjansteutlatande.pdf"));
    CHECK_FALSE(fs::exists(world.out / "ny-runda"));
}

TEST_CASE("a copy of an earlier round left beside it is an error of the round that looks back") {
    World world("copy-of-earlier-round", {"lum-mul-2024", "lum-mul-2025"});
    fs::copy(world.dataset("lum-mul-2024"), world.data / "lum-mul-2024 - kopia", fs::copy_options::recursive);
    const auto run = world.fuel("check");
    INFO(run.err);
    CHECK(run.status == 1);
    CHECK(contains(run.err, "lum-mul-2025/round.xml:"));
    CHECK(contains(run.err, "two earlier rounds of the same year and fund"));
    CHECK(contains(run.err, "lum-mul-2024 - kopia"));
}

TEST_CASE("hidden folders (a trash can, a version-control folder) are never datasets") {
    World world("hidden-folders");
    fs::copy(world.dataset(), world.data / ".Trash-1000", fs::copy_options::recursive);
    fs::copy(world.dataset(), world.data / ".git", fs::copy_options::recursive);
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK_FALSE(fs::exists(world.out / ".Trash-1000"));
    CHECK_FALSE(fs::exists(world.out / ".git"));
}

TEST_CASE("a folder of stray things beside the datasets does not stop the build or get an output") {
    World world("stray-folder");
    write_file(world.data / "gamla exporter" / "lum-ansokningar.csv", "x;y\n1;2\n");
    write_file(world.data / "anteckningar.txt", "att göra");
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK_FALSE(fs::exists(world.out / "gamla exporter"));
}

// Family 5: published outputs.
TEST_CASE("a published PDF changed after the build is noticed, named and made again") {
    World world("tampered-pdf", {"lum-mul-2025", "lum-mul-2026"});
    REQUIRE(world.fuel("build").status == 0);
    const auto pdf = world.out / "lum-mul-2026" / "tjansteutlatande.pdf";
    const auto good = read_file(pdf);
    write_file(pdf, good.substr(0, good.size() / 2));
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err, "tjansteutlatande.pdf: warning: this file was changed after fuel published it"));
    CHECK(read_file(pdf) == good);
}

TEST_CASE("a published HTML twin edited by hand is made again, the PDF too") {
    World world("tampered-html", {"lum-mul-2025", "lum-mul-2026"});
    REQUIRE(world.fuel("build").status == 0);
    const auto html = world.out / "lum-mul-2026" / "tjansteutlatande.html";
    const auto good = read_file(html);
    replace_in_file(html, "</body>", "<script>alert(1)</script></body>");
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err, "tjansteutlatande.html: warning: this file was changed after fuel published it"));
    CHECK(read_file(html) == good);
}

TEST_CASE("a published account edited by hand is written again") {
    World world("tampered-account", {"lum-mul-2025", "lum-mul-2026"});
    REQUIRE(world.fuel("build").status == 0);
    const auto account = world.out / "lum-mul-2026" / "account.txt";
    const auto good = read_file(account);
    write_file(account, "allt stämmer\n");
    REQUIRE(world.fuel("build").status == 0);
    CHECK(read_file(account) == good);
}

TEST_CASE("a file somebody put into a published folder is kept, with a warning, and not recorded as fuel's") {
    World world("foreign-file-kept", {"lum-mul-2025", "lum-mul-2026"});
    REQUIRE(world.fuel("build").status == 0);
    write_file(world.out / "lum-mul-2026" / "protokoll.docx", "min fil");
    write_file(world.dataset("lum-mul-2026") / "lum-ansokningar.csv",
               read_file(world.dataset("lum-mul-2026") / "lum-ansokningar.csv") + "\n");
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err, "protokoll.docx: warning: this file was not made by fuel; it is kept where it is"));
    CHECK(read_file(world.out / "lum-mul-2026" / "protokoll.docx") == "min fil");
    CHECK_FALSE(contains(read_file(world.out / "lum-mul-2026" / ".fuel-build"), "file\tprotokoll.docx"));
}

TEST_CASE("a decided document changed in the output folder is put back from the archive, not made anew") {
    World world("tampered-sealed");
    REQUIRE(world.fuel("build").status == 0);
    const auto pdf = world.out / "lum-mul-2025" / "tjansteutlatande.pdf";
    const auto archived = world.root / "archive" / "lum-mul-2025" / "v1" / "dokument" / "tjansteutlatande.pdf";
    REQUIRE(read_file(pdf) == read_file(archived));
    write_file(pdf, "%PDF-1.4 förfalskad");
    const auto run = world.fuel("build");
    INFO(run.err);
    CHECK(run.status == 0);
    CHECK(contains(run.err, "lum-mul-2025: decided 2024-12-17 § 14: sealed, 3 documents put back from the archive"));
    CHECK(read_file(pdf) == read_file(archived));
}

TEST_CASE("a full disk says the disk is full, exit 2, and the last good documents stay") {
    World world("full-disk");
    // A small tmpfs in a mount namespace of this test's own (root, as CI
    // runs): a first build fits, then the disk is filled up and the data
    // changed, and the second build must fail without harm.
    const auto disk = world.root / "small-disk";
    const auto kept = world.root / "kept";
    fs::create_directories(disk);
    const auto fuel = shell_quote(fuel_program().string()) + " build --data " + shell_quote(world.data.string()) +
                      " --templates " + shell_quote(world.templates.string()) + " --out " +
                      shell_quote((disk / "out").string());
    const std::string script = "mount -t tmpfs -o size=4m tmpfs " + shell_quote(disk.string()) + " && " + fuel +
                               " >/dev/null 2>&1 && cp -r " + shell_quote((disk / "out" / "lum-mul-2025").string()) +
                               " " + shell_quote(kept.string()) +
                               " && { dd if=/dev/zero of=" + shell_quote((disk / "fill").string()) +
                               " bs=64k 2>/dev/null; true; } && printf '\\n' >> " +
                               shell_quote((world.dataset() / "lum-ansokningar.csv").string()) + " && { " + fuel +
                               " 2>&1; echo \"exit=$?\"; } && diff -r " + shell_quote(kept.string()) + " " +
                               shell_quote((disk / "out" / "lum-mul-2025").string()) + " && echo same-as-before";
    const auto command = "unshare -m sh -c " + shell_quote(script) + " > " + shell_quote((world.root / "log").string());
    std::system(command.c_str());
    const auto log = read_file(world.root / "log");
    INFO(log);
    CHECK(contains(log, "exit=2"));
    CHECK(contains(log, "is full"));
    CHECK_FALSE(contains(log, "internal failure"));
    CHECK(contains(log, "same-as-before"));
}
