#include "datasets.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <utility>

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

// The id of the n-th copy of a record: the first keeps its own.
std::string copy_id(const std::string& id, std::size_t n) { return n == 1 ? id : id + "-" + std::to_string(n); }

// The data records of a CSV, each with its line end; a record goes on over
// line breaks inside quotes (an odd number of '"' so far).
std::vector<std::string> csv_records(const std::string& csv, std::string& header) {
    std::istringstream in(csv);
    std::getline(in, header);
    std::vector<std::string> records;
    std::string line, record;
    while (std::getline(in, line)) {
        if (record.empty() && (line.empty() || line == "\r")) continue;
        record += line + "\n";
        if (std::count(record.begin(), record.end(), '"') % 2 == 0) records.push_back(std::exchange(record, ""));
    }
    return records;
}

// The CSV with exactly `count` records: its own, over and over.
std::string cycle_csv(const std::string& csv, std::size_t count) {
    std::string header;
    const auto records = csv_records(csv, header);
    std::string out = header + "\n";
    for (std::size_t i = 0; i < count; ++i) {
        const auto& record = records[i % records.size()];
        const auto semicolon = record.find(';');
        out += copy_id(record.substr(0, semicolon), i / records.size() + 1) + record.substr(semicolon);
    }
    return out;
}

// The applications XML with exactly `count` applications: its own, over and over.
std::string cycle_xml(const std::string& xml, std::size_t count) {
    const std::regex application(R"re(<application id="([^"]+)"[\s\S]*?</application>\s*)re");
    std::vector<std::smatch> records;
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), application); it != std::sregex_iterator(); ++it)
        records.push_back(*it);
    std::string out = xml.substr(0, static_cast<std::size_t>(records.front().position()));
    for (std::size_t i = 0; i < count; ++i) {
        std::string copy = records[i % records.size()].str();
        const std::string id = records[i % records.size()][1];
        copy.replace(copy.find(id), id.size(), copy_id(id, i / records.size() + 1));
        out += copy;
    }
    return out + xml.substr(xml.rfind("</applications>"));
}

// The budget of one fund times `times`.
std::string raise_budget(const std::string& round, const std::string& fund, std::size_t times) {
    const std::regex budget("(<fund code=\"" + fund + "\">[\\s\\S]*?<budget>)(\\d+)(</budget>)");
    std::smatch m;
    if (!std::regex_search(round, m, budget)) throw std::runtime_error("no budget for " + fund + " in round.xml");
    const auto raised = std::to_string(std::stoll(m[2]) * static_cast<long long>(times));
    return m.prefix().str() + m[1].str() + raised + m[3].str() + m.suffix().str();
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
    make_draft(to);
}

void write_sized_fixture(const std::string& to, int applications) {
    if (applications < 2) throw std::invalid_argument("a sized fixture needs at least 2 applications");
    const auto from = source_path("fixtures/lum-mul-2025");
    const auto csv = read_file(from + "/lum-ansokningar.csv");
    const auto xml = read_file(from + "/mul-ansokningar.xml");
    std::string header;
    const auto lum_own = csv_records(csv, header).size();
    const std::regex application("<application ");
    const auto mul_own = static_cast<std::size_t>(
        std::distance(std::sregex_iterator(xml.begin(), xml.end(), application), std::sregex_iterator()));
    const auto total = static_cast<std::size_t>(applications);
    // The fixture's proportion, rounded, and at least one of each fund.
    const auto lum =
        std::clamp<std::size_t>((total * lum_own + (lum_own + mul_own) / 2) / (lum_own + mul_own), 1, total - 1);
    const auto mul = total - lum;
    copy_folder(from, to);
    write_file(to + "/lum-ansokningar.csv", cycle_csv(csv, lum));
    write_file(to + "/mul-ansokningar.xml", cycle_xml(xml, mul));
    // The report and repayment records name grants by id, and a smaller
    // round lacks some of them: keep the files, with their headers only.
    for (const auto* records : {"/rapporter.csv", "/aterbetalningar.csv"}) {
        const auto text = read_file(from + records);
        write_file(to + records, text.substr(0, text.find('\n') + 1));
    }
    // Each full or partial repetition of a fund's applications grants at
    // most its budget once more.
    auto round = read_file(from + "/round.xml");
    round = raise_budget(round, "LUM", (lum + lum_own - 1) / lum_own);
    round = raise_budget(round, "MUL", (mul + mul_own - 1) / mul_own);
    write_file(to + "/round.xml", round);
    make_draft(to);
}

// A dataset's <state> taken out: these tests and benchmarks build drafts
// again and again; a decided dataset is sealed and has tests of its own
// (tests/adversarial/sealed.cpp).
void make_draft(const std::string& folder) {
    for (const auto* file : {"round.xml", "report.xml"}) {
        const auto path = fs::path(folder) / file;
        if (!fs::exists(path)) continue;
        auto text = read_file(path.string());
        const auto start = text.find("  <state>");
        const auto end = text.find("</state>\n");
        if (start == std::string::npos || end == std::string::npos) continue;
        text.erase(start, end + std::string("</state>\n").size() - start);
        write_file(path.string(), text);
    }
}

void copy_folder(const std::string& from, const std::string& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    make_draft(to);
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
