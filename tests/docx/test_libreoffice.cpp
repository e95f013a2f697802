// Every fixture's .docx opened by LibreOffice (Debian's
// libreoffice-writer-nogui), a reader we did not write: one headless
// conversion of all of them to PDF in one soffice process (a start of
// LibreOffice costs seconds), then the converted PDF must hold the headings
// and table figures that python-docx reads from the .docx, and fuel's own
// PDF the same headings (pdftotext for both).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

#include "job/command.hpp"

namespace fs = std::filesystem;

namespace {

// Whitespace of any kind (line ends, U+00A0) as one space: pdftotext breaks
// lines where the page did.
std::string normalised(const std::string& text) {
    std::string out;
    for (const char c : fold_nbsp(text)) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

std::string pdf_text(const std::string& pdf) {
    const auto r = run_command("pdftotext -enc UTF-8 " + quote(pdf) + " - 2>&1");
    REQUIRE(r.status == 0);
    return normalised(r.output);
}

// The JSON string at the end of a docx_read.py line (no escapes but \n, \t, \", \\).
std::string last_field(const std::string& line) {
    const auto start = line.rfind("\t\"") + 2;
    std::string out;
    for (std::size_t i = start; i + 1 < line.size(); ++i) {
        if (line[i] == '\\' && i + 2 < line.size()) {
            const char e = line[++i];
            out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        } else {
            out += line[i];
        }
    }
    return out;
}

}  // namespace

TEST_CASE("docx: LibreOffice opens every fixture's docx, and its PDF has the headings and table figures of fuel's") {
    const auto root = scratch_dir("libreoffice");
    const auto out = root + "/out";
    const auto fuel = std::string(FUEL_BINARY_DIR) + "/fuel";
    const auto build =
        run_command(quote(fuel) + " build --quiet --templates " + quote(std::string(FUEL_SOURCE_DIR) + "/templates") +
                    " --data " + quote(std::string(FUEL_SOURCE_DIR) + "/fixtures") + " --out " + quote(out) + " 2>&1");
    INFO(build.output);
    REQUIRE(build.status == 0);
    // One flat folder, the dataset in each name: the datasets share file names.
    fs::create_directories(root + "/docx");
    std::vector<std::pair<std::string, fs::path>> documents;  // flat name, fuel's PDF
    std::string files;
    for (const auto& entry : fs::recursive_directory_iterator(out)) {
        if (entry.path().extension() != ".docx") continue;
        const auto dataset = entry.path().parent_path().filename().string();
        const auto flat = dataset + "--" + entry.path().stem().string();
        fs::copy_file(entry.path(), root + "/docx/" + flat + ".docx");
        documents.emplace_back(flat, fs::path(entry.path()).replace_extension(".pdf"));
        files += " " + quote(root + "/docx/" + flat + ".docx");
    }
    REQUIRE(documents.size() >= 8);
    const auto convert = run_command("timeout 900 soffice -env:UserInstallation=file://" + root +
                                     "/profile --headless --norestore --convert-to pdf --outdir " +
                                     quote(root + "/pdf") + files + " 2>&1");
    INFO(convert.output);
    REQUIRE(convert.status == 0);
    CHECK(convert.output.find("Error") == std::string::npos);
    for (const auto& [flat, fuel_pdf] : documents) {
        CAPTURE(flat);
        const auto converted = root + "/pdf/" + flat + ".pdf";
        REQUIRE(fs::exists(converted));
        const auto theirs = pdf_text(converted);
        const auto ours = pdf_text(fuel_pdf.string());
        const auto read =
            run_command("/usr/bin/python3 " + quote(std::string(FUEL_SOURCE_DIR) + "/tests/docx/docx_read.py") + " " +
                        quote(root + "/docx/" + flat + ".docx"));
        REQUIRE(read.status == 0);
        std::istringstream lines(read.output);
        int headings = 0, figures = 0;
        static const std::regex figure("[\u2212-]?[0-9][0-9\u00A0 ]*(,[0-9]+)?(\u00A0%)?");
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind("p\tHeading ", 0) == 0) {
                // A note's reference in a heading is a superscript number on the page.
                const auto heading =
                    normalised(std::regex_replace(last_field(line), std::regex(R"(\[\^([0-9]+)\])"), "$1"));
                CAPTURE(heading);
                CHECK(theirs.find(heading) != std::string::npos);
                CHECK(ours.find(heading) != std::string::npos);
                ++headings;
            } else if (line.rfind("cell\t", 0) == 0) {
                const auto cell = last_field(line);
                if (cell.empty() || !std::regex_match(cell, figure)) continue;
                CAPTURE(cell);
                CHECK(theirs.find(normalised(cell)) != std::string::npos);
                ++figures;
            }
        }
        CHECK(headings > 0);
        INFO(figures << " figures");
    }
}
