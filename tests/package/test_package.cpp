// The Debian package as an operator installs it: made by CPack from the
// install rules (packaging/CMakeLists.txt; the CTest fixture "package: make
// the Debian package" runs cpack first), read back with Debian's own tools:
// dpkg-deb for its contents and control data, lintian for policy, man for
// the man page, systemd-analyze for the units, and the program unpacked
// from it building the fixtures with the templates it ships.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "job/command.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The one .deb cpack wrote.
std::string deb() {
    const auto folder = fs::path(FUEL_BINARY_DIR) / "package-test";
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".deb") return entry.path().string();
    FAIL("no .deb in " << folder.string());
    return "";
}

// The package unpacked (dpkg-deb -x): the files as dpkg installs them.
std::string unpacked(const std::string& name) {
    const auto root = scratch_dir(name);
    const auto r = run_command("dpkg-deb -x " + quote(deb()) + " " + quote(root) + " 2>&1");
    REQUIRE(r.status == 0);
    return root;
}

std::string control_field(const std::string& field) {
    return run_command("dpkg-deb -f " + quote(deb()) + " " + field).output;
}

}  // namespace

TEST_CASE("contents: the program, templates, schemas, units, user, folders, settings and man page") {
    const auto listing = run_command("dpkg-deb -c " + quote(deb())).output;
    INFO(listing);
    for (const auto* path :
         {"./usr/bin/fuel", "./usr/share/fuel/templates/beslut-lum-mul/", "./usr/share/fuel/schemas/round.xsd",
          "./usr/lib/systemd/system/fuel.service", "./usr/lib/systemd/system/fuel-build.service",
          "./usr/lib/systemd/system/fuel-build.timer", "./usr/lib/sysusers.d/fuel.conf",
          "./usr/lib/tmpfiles.d/fuel.conf", "./etc/fuel/fuel.properties", "./usr/share/man/man1/fuel.1.gz",
          "./usr/share/locale/sv/LC_MESSAGES/fuel.mo", "./usr/share/doc/fuel/copyright",
          "./usr/share/doc/fuel/changelog.gz"}) {
        CAPTURE(path);
        CHECK(contains(listing, std::string(" ") + path + "\n"));
    }
    // Every file owned by root: dpkg installs what the archive says.
    CHECK_FALSE(std::regex_search(listing, std::regex(R"(^\S+ (?!root/root)\S+ )", std::regex::multiline)));
    CHECK(control_field("Package") == "fuel\n");
    CHECK(control_field("Architecture") == run_command("dpkg --print-architecture").output);
    const auto root = unpacked("contents");
    CHECK(run_command("dpkg-deb -e " + quote(deb()) + " " + quote(root + "/DEBIAN")).status == 0);
    CHECK(read_file(root + "/DEBIAN/conffiles") == "/etc/fuel/fuel.properties\n");
    // The user and folders the units name.
    const auto tmpfiles = read_file(root + "/usr/lib/tmpfiles.d/fuel.conf");
    const auto unit = read_file(root + "/usr/lib/systemd/system/fuel.service");
    std::smatch writable;
    REQUIRE(std::regex_search(unit, writable, std::regex(R"(\nReadWritePaths=([^\n]*))")));
    std::istringstream folders(writable[1].str());
    for (std::string folder; folders >> folder;) {
        CAPTURE(folder);
        CHECK(std::regex_search(tmpfiles, std::regex("\\nd +" + folder + " +[0-7]+ fuel ")));
    }
    CHECK(contains(read_file(root + "/usr/lib/sysusers.d/fuel.conf"), "\nu fuel "));
}

TEST_CASE("dependencies: every library the program links is a declared dependency") {
    const auto depends = control_field("Depends");
    INFO(depends);
    const auto root = unpacked("dependencies");
    // The libraries the packaged binary needs (NEEDED, as the dynamic
    // loader resolves them on this system), each found in the package that
    // ships it (dpkg -S), whose name must be in Depends.
    const auto program = quote(root + "/usr/bin/fuel");
    const auto resolved = run_command("objdump -p " + program + " | awk '/NEEDED/ {print $2}' | while read n; do ldd " +
                                      program + " | awk -v n=\"$n\" '$1 == n {print $3}'; done");
    REQUIRE(resolved.status == 0);
    std::istringstream libraries(resolved.output);
    int checked = 0;
    for (std::string library; libraries >> library;) {
        CAPTURE(library);
        const auto owner = run_command("dpkg -S " + quote(library) + " 2>/dev/null || dpkg -S " +
                                       quote(fs::canonical(library).string()));
        REQUIRE(owner.status == 0);
        const auto package = owner.output.substr(0, owner.output.find(':'));
        CAPTURE(package);
        const auto listed = ", " + depends.substr(0, depends.find_last_not_of('\n') + 1) + ",";
        CHECK((contains(listed, ", " + package + " ") || contains(listed, ", " + package + ",")));
        ++checked;
    }
    CHECK(checked >= 8);  // Poco, ICU, libharu, pugixml, libxml2, cmark-gfm, xlsxwriter, hyphen, …
}

TEST_CASE("lintian: no errors") {
    const auto r = run_command("lintian --fail-on error --tag-display-limit 0 " + quote(deb()) + " 2>&1");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK_FALSE(std::regex_search(r.output, std::regex("^E: ", std::regex::multiline)));
}

TEST_CASE("man page: fuel(1) renders without warnings and covers the commands, options and exit statuses") {
    const auto root = unpacked("man");
    const auto r = run_command("MANWIDTH=80 man --warnings -l " + quote(root + "/usr/share/man/man1/fuel.1.gz") +
                               " 2>&1 >" + quote(root + "/man.txt"));
    CHECK(r.output.empty());
    const auto text = read_file(root + "/man.txt");
    for (const auto* part : {"build", "check", "verify", "serve", "--config", "--data", "--out", "--templates",
                             "--jobs", "--wait", "--status", "--quiet", "--format", "--lang", "EXIT STATUS", "143",
                             "JOURNAL_STREAM", "/etc/fuel/fuel.properties"}) {
        CAPTURE(part);
        CHECK(contains(text, part));
    }
}

TEST_CASE("units: systemd-analyze verifies them as installed and rates each service OK (exposure 2.0 or lower)") {
    const auto root = unpacked("units");
    // The system around the package: systemd's own targets and slices, and
    // kill(1) for ExecReload, as on a Debian system.
    fs::create_directories(root + "/bin");
    fs::copy_file("/bin/kill", root + "/bin/kill");
    for (const auto& entry : fs::directory_iterator("/lib/systemd/system")) {
        const auto ext = entry.path().extension();
        if ((ext == ".target" || ext == ".slice") && entry.is_regular_file())
            fs::copy_file(entry.path(), root + "/usr/lib/systemd/system/" + entry.path().filename().string(),
                          fs::copy_options::skip_existing);
    }
    const auto verify = run_command("systemd-analyze verify --man=no --root=" + quote(root) +
                                    " fuel.service fuel-build.service fuel-build.timer 2>&1");
    INFO(verify.output);
    CHECK(verify.status == 0);
    CHECK(verify.output.empty());  // no warning either (an unknown key is only a warning)
    for (const auto* unit : {"fuel.service", "fuel-build.service"}) {
        CAPTURE(unit);
        const auto security = run_command("systemd-analyze security --offline=true --no-pager --root=" + quote(root) +
                                          " " + unit + " 2>&1");
        INFO(security.output);
        std::smatch level;
        REQUIRE(
            std::regex_search(security.output, level,
                              std::regex(std::string("Overall exposure level for ") + unit + ": ([0-9.]+) (\\w+)")));
        CHECK(std::stod(level[1]) <= 2.0);
        CHECK((level[2] == "OK" || level[2] == "SAFE"));
    }
}

TEST_CASE("program: the unpacked fuel builds the fixtures with the templates it ships") {
    const auto root = unpacked("program");
    const auto work = scratch_dir("program-work");  // no templates folder here: the packaged ones are used
    const auto r = run_command("cd " + quote(work) + " && " + quote(root + "/usr/bin/fuel") + " build --data " +
                               quote(std::string(FUEL_SOURCE_DIR) + "/fixtures") + " --out out --jobs 2 2>&1");
    INFO(r.output);
    CHECK(r.status == 0);
    // Without ./templates, a build with no --templates must have found the
    // installed ones: otherwise it refuses to start (exit 2).
    CHECK_FALSE(fs::exists(work + "/templates"));
    for (const auto* dataset : {"lum-mul-2024", "lum-mul-2025", "lum-mul-2026", "halvering-2002-2003"}) {
        CAPTURE(dataset);
        std::size_t pdfs = 0;
        for (const auto& entry : fs::directory_iterator(work + "/out/" + dataset))
            pdfs += entry.path().extension() == ".pdf";
        CHECK(pdfs >= 1);
    }
    CHECK(run_command(quote(root + "/usr/bin/fuel") + " --version").output == "fuel " FUEL_VERSION_TEXT "\n");
    // The Swedish messages are found where the package put them (usr/share/locale).
    const auto help = run_command("env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG " + quote(root + "/usr/bin/fuel") +
                                  " --help 2>&1");
    CHECK(contains(help.output, "visa den här hjälpen och avsluta"));
}
