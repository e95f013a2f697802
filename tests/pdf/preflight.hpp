#pragma once
// Apache PDFBox Preflight, the PDF/A-1b validator Debian ships in
// libpdfbox2-java (run by default-jre-headless; libactivation-java and
// libjaxb-api-java supply classes it needs but does not declare). A validator
// we did not write is the only fair judge of the PDF/A workarounds.
//
// Header-only, so that both test_pdf and test_job can use it.
#include <sys/wait.h>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace preflight {

// What Preflight said about one file.
struct Verdict {
    std::string file;  // the path given
    bool valid = false;
    std::vector<std::string> errors;  // "3.1.11 The CIDSet entry is missing..."

    bool has_error(const std::string& code) const {
        for (const std::string& error : errors) {
            if (error.rfind(code + " ", 0) == 0) {
                return true;
            }
        }
        return false;
    }
    std::string report() const {
        std::string out = file + (valid ? ": valid PDF/A-1b" : ": NOT valid PDF/A-1b");
        for (const std::string& error : errors) {
            out += "\n  " + error;
        }
        return out;
    }
};

namespace detail {

inline std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

inline std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The few entities Preflight's XML report uses in its messages.
inline std::string unescaped(std::string text) {
    const std::array<std::pair<const char*, const char*>, 5> entities{
        {{"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}};
    for (const auto& [entity, character] : entities) {
        for (std::size_t at; (at = text.find(entity)) != std::string::npos;) {
            text.replace(at, std::string(entity).size(), character);
        }
    }
    return text;
}

struct Element {
    std::string name;  // the file name Preflight reports
    Verdict verdict;
};

// One <preflight name="..."> element of the group report.
inline std::vector<Element> parse_report(const std::string& xml) {
    std::vector<Element> elements;
    const std::regex element(R"re(<preflight name="([^"]*)">([\s\S]*?)</preflight>)re");
    const std::regex error(R"re(<code>([^<]*)</code>\s*<details>([^<]*)</details>)re");
    for (std::sregex_iterator it(xml.begin(), xml.end(), element), end; it != end; ++it) {
        Element e;
        e.name = unescaped((*it)[1]);
        const std::string body = (*it)[2];
        e.verdict.valid = body.find(">true</isValid>") != std::string::npos;
        for (std::sregex_iterator er(body.begin(), body.end(), error); er != end; ++er) {
            e.verdict.errors.push_back(std::string((*er)[1]) + " " + unescaped((*er)[2]));
        }
        elements.push_back(std::move(e));
    }
    return elements;
}

}  // namespace detail

// The class path of Preflight and its dependencies in Debian's shared Java
// folder. Throws std::runtime_error naming what is missing, so that a machine
// without the packages fails the tests with the remedy rather than skipping.
inline std::string classpath() {
    const std::filesystem::path dir = "/usr/share/java";
    std::string path;
    for (const char* jar : {"preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar", "commons-logging.jar",
                            "javax.activation.jar", "jaxb-api.jar"}) {
        if (!std::filesystem::exists(dir / jar)) {
            throw std::runtime_error(std::string("PDFBox Preflight needs ") + (dir / jar).string() +
                                     "; run scripts/setup.sh (libpdfbox2-java, libactivation-java, "
                                     "libjaxb-api-java, default-jre-headless)");
        }
        path += (path.empty() ? "" : ":") + (dir / jar).string();
    }
    return path;
}

// Validates `files` in one Java run: Preflight's "xml group" mode reads the
// list of files from a text file and writes one report for all of them, so
// the JVM (about 2 s to start) starts once, not once per file. `work_dir`
// receives the list and the report. Throws std::runtime_error when Java cannot
// run or gives no verdict for some file.
inline std::vector<Verdict> validate(const std::vector<std::string>& files, const std::string& work_dir) {
    namespace fs = std::filesystem;
    fs::create_directories(work_dir);
    const fs::path list = fs::path(work_dir) / "preflight-files.txt";
    const fs::path report = fs::path(work_dir) / "preflight-files.txt.preflight.xml";
    const fs::path log = fs::path(work_dir) / "preflight.log";
    fs::remove(report);
    {
        std::ofstream out(list);
        for (const std::string& file : files) {
            out << fs::absolute(file).string() << "\n";
        }
    }
    const std::string command = "java -cp " + detail::quoted(classpath()) +
                                " org.apache.pdfbox.preflight.Validator_A1b xml group " +
                                detail::quoted(list.string()) + " >" + detail::quoted(log.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(report)) {
        throw std::runtime_error("PDFBox Preflight did not run (" + command + "): " + detail::read_all(log));
    }
    // Preflight names each file by its base name and leaves out a file it
    // could not open, so results are matched to the files in list order.
    const auto elements = detail::parse_report(detail::read_all(report));
    std::vector<Verdict> verdicts;
    std::size_t next = 0;
    for (const std::string& file : files) {
        const std::string name = fs::path(file).filename().string();
        while (next < elements.size() && elements[next].name != name) {
            ++next;
        }
        if (next == elements.size()) {
            throw std::runtime_error("PDFBox Preflight gave no verdict for " + file);
        }
        Verdict verdict = elements[next++].verdict;
        verdict.file = file;
        verdicts.push_back(std::move(verdict));
    }
    return verdicts;
}

}  // namespace preflight
