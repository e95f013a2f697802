#pragma once
// The adversarial suite: fuel run as a careless or hostile user would run it.
// Each case builds a small world in a scratch folder (data, templates and an
// output folder copied from the fixtures), breaks one thing, runs the fuel
// program and asserts three things: the exit status, the message with its
// file:line, and that nothing changed or appeared where it must not.
//
// The cases live in one file per family (paths, xml, values, ...); this
// header is the toolkit they share.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/scratch.hpp"

namespace adversarial {

namespace fs = std::filesystem;

inline fs::path source_dir() { return fs::path(FUEL_SOURCE_DIR); }
inline fs::path fuel_program() { return fs::path(FUEL_BINARY_DIR) / "fuel"; }

inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void write_file(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Replaces the first `from` in a file by `to`; fails the test when absent,
// so that a case cannot silently stop breaking what it means to break.
inline void replace_in_file(const fs::path& path, const std::string& from, const std::string& to) {
    auto text = read_file(path);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_file(path, text);
}

// Every file and folder below `root` (links not followed) with its bytes, or
// "<dir>" / "-> target" for folders and links: what "nothing changed" compares.
using Tree = std::map<std::string, std::string>;

inline Tree snapshot(const fs::path& root) {
    Tree tree;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(root, ec))) return tree;
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::none, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto& entry = *it;
        const auto name = fs::relative(entry.path(), root).string();
        if (entry.is_symlink()) {
            tree[name] = "-> " + fs::read_symlink(entry.path()).string();
        } else if (entry.is_directory()) {
            tree[name] = "<dir>";
        } else {
            tree[name] = read_file(entry.path());
        }
    }
    return tree;
}

// The names that differ between two snapshots, for a readable failure.
inline std::string differences(const Tree& before, const Tree& after) {
    std::ostringstream out;
    for (const auto& [name, bytes] : before) {
        const auto it = after.find(name);
        if (it == after.end())
            out << "removed: " << name << '\n';
        else if (it->second != bytes)
            out << "changed: " << name << '\n';
    }
    for (const auto& [name, bytes] : after)
        if (!before.count(name)) out << "added: " << name << '\n';
    return out.str();
}

struct Run {
    int status = -1;
    std::string out;  // standard output
    std::string err;  // standard error
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs the fuel program with `args` (each one word) in folder `cwd`, with no
// standard input, and captures both streams.
inline Run run_fuel(const std::vector<std::string>& args, const fs::path& cwd) {
    static int serial = 0;
    const auto capture = test_support::scratch_root() / ("capture-" + std::to_string(++serial));
    fs::create_directories(capture);
    std::string command = "cd " + shell_quote(cwd.string()) + " && " + shell_quote(fuel_program().string());
    for (const auto& a : args) command += " " + shell_quote(a);
    command +=
        " </dev/null >" + shell_quote((capture / "out").string()) + " 2>" + shell_quote((capture / "err").string());
    const int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = read_file(capture / "out");
    run.err = read_file(capture / "err");
    fs::remove_all(capture);
    return run;
}

// A scratch world: root/data/<fixtures...>, root/templates (a copy), root/out.
struct World {
    fs::path root, data, templates, out;

    // `fixtures`: the names of folders under fixtures/ to copy into data/.
    explicit World(const std::string& name, const std::vector<std::string>& fixtures = {"lum-mul-2025"}) {
        root = test_support::scratch_dir("adversarial/" + name);
        data = root / "data";
        templates = root / "templates";
        out = root / "out";
        fs::create_directories(data);
        for (const auto& f : fixtures) fs::copy(source_dir() / "fixtures" / f, data / f, fs::copy_options::recursive);
        fs::copy(source_dir() / "templates", templates, fs::copy_options::recursive);
    }

    fs::path dataset(const std::string& name = "lum-mul-2025") const { return data / name; }

    // The dataset as a draft: its <state> taken out, so that its documents
    // follow its data (a decided one is sealed: tests/adversarial/sealed.cpp).
    void make_draft(const std::string& name = "lum-mul-2025") const {
        for (const auto* file : {"round.xml", "report.xml"}) {
            const auto path = dataset(name) / file;
            if (!fs::exists(path)) continue;
            auto text = read_file(path);
            const auto start = text.find("  <state>");
            const auto end = text.find("</state>\n");
            if (start == std::string::npos || end == std::string::npos) continue;
            text.erase(start, end + std::string("</state>\n").size() - start);
            write_file(path, text);
        }
    }

    // fuel <command> --data D --out O --templates T, plus `extra`, run in root.
    Run fuel(const std::string& command, const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args{command, "--data", data.string(), "--templates", templates.string()};
        if (command == "build") {
            args.push_back("--out");
            args.push_back(out.string());
        }
        args.insert(args.end(), extra.begin(), extra.end());
        return run_fuel(args, root);
    }

    // A snapshot of the whole world, for "nothing touched".
    Tree everything() const { return snapshot(root); }
};

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The world's data and templates are as they were, whatever the run did.
#define REQUIRE_UNCHANGED(before, after)               \
    do {                                               \
        INFO(adversarial::differences(before, after)); \
        REQUIRE((before) == (after));                  \
    } while (0)

}  // namespace adversarial
