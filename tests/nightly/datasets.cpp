#include "datasets.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "nightly/fingerprint.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;

namespace nightly_test {

namespace {

// Every data line of the CSV again, with "-n" after its id (the first field).
std::string repeat_csv(const std::string& csv, int times) {
    std::istringstream in(csv);
    std::string header, line, out, copies;
    std::getline(in, header);
    out = header + "\n";
    std::vector<std::string> rows;
    while (std::getline(in, line))
        if (!line.empty() && line != "\r") rows.push_back(line);
    for (int n = 1; n <= times; ++n)
        for (const auto& row : rows) {
            const auto semicolon = row.find(';');
            out += n == 1 ? row : row.substr(0, semicolon) + "-" + std::to_string(n) + row.substr(semicolon);
            out += "\n";
        }
    return out;
}

std::string repeat_xml(const std::string& xml, int times) {
    const std::regex application(R"re(<application id="([^"]+)"[\s\S]*?</application>\s*)re");
    std::string copies;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), application); it != std::sregex_iterator(); ++it)
        for (int n = 2; n <= times; ++n) {
            std::string copy = it->str();
            const std::string id = (*it)[1];
            copy.replace(copy.find(id), id.size(), id + "-" + std::to_string(n));
            copies += copy;
        }
    const auto end = xml.rfind("</applications>");
    return xml.substr(0, end) + copies + xml.substr(end);
}

std::string raise_budgets(const std::string& round, int times) {
    const std::regex budget(R"(<budget>(\d+)</budget>)");
    std::string out;
    auto last = round.cbegin();
    for (auto it = std::sregex_iterator(round.begin(), round.end(), budget); it != std::sregex_iterator(); ++it) {
        out.append(last, round.cbegin() + it->position());
        out += "<budget>" + std::to_string(std::stoll((*it)[1]) * times) + "</budget>";
        last = round.cbegin() + it->position() + it->length();
    }
    out.append(last, round.cend());
    return out;
}

}  // namespace

std::string source_path(const std::string& relative) { return std::string(FUEL_SOURCE_DIR) + "/" + relative; }

std::string fuel_program() { return "'" + std::string(FUEL_BINARY_DIR) + "/fuel'"; }

std::string scratch(const std::string& name) { return test_support::scratch_dir("nightly/" + name); }

void write_enlarged_fixture(const std::string& to, int times) {
    const auto from = source_path("fixtures/lum-mul-2025");
    copy_folder(from, to);
    write_file(to + "/lum-ansokningar.csv", repeat_csv(read_file(from + "/lum-ansokningar.csv"), times));
    write_file(to + "/mul-ansokningar.xml", repeat_xml(read_file(from + "/mul-ansokningar.xml"), times));
    write_file(to + "/round.xml", raise_budgets(read_file(from + "/round.xml"), times));
}

void copy_folder(const std::string& from, const std::string& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

void edit_file(const std::string& path, const std::string& from, const std::string& to) {
    auto text = read_file(path);
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("'" + from + "' is not in " + path);
    write_file(path, text.replace(at, from.size(), to));
}

job::Spec spec(const std::string& data, const std::string& out, unsigned jobs) {
    job::Spec s;
    s.data_dir = data;
    s.out_dir = out;
    s.jobs = jobs;
    return s;
}

job::Environment environment(const std::string& templates) {
    job::Environment e;
    e.templates_dir = templates;
    e.digest = nightly::sha256_hex;
    e.generator = "fuel test";
    return e;
}

}  // namespace nightly_test
