// The annual evaluation of the 2026 round (templates/utvardering-lum-mul),
// from fixtures/ through every stage to PDF, read back with pdftotext
// (poppler), a reader we did not write: the city's recipients of financial
// assistance and the share of projects implemented in ordinary work, each
// checked against figures computed here from the fixture files themselves.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "command.hpp"
#include "job/job.hpp"

namespace {

const std::string kFixtures = std::string(FUEL_SOURCE_DIR) + "/fixtures";

struct Built {
    job::Result result;
    std::string pdf;
};

const Built& built() {
    static const Built b = [] {
        Built x;
        const auto out = scratch_dir("annual-report");
        job::Spec spec;
        spec.data_dir = kFixtures + "/lum-mul-2026";
        spec.out_dir = out;
        job::Environment env;
        env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
        x.result = job::run(spec, env);
        x.pdf = out + "/lum-mul-2026/arsuppfoljning.pdf";
        return x;
    }();
    return b;
}

std::string pdf_text(const std::string& options) {
    return fold_nbsp(run_command("pdftotext -enc UTF-8 " + options + " " + quote(built().pdf) + " - 2>&1").output);
}

// The fixture's lines, without the byte order mark and the CR of CRLF.
std::vector<std::string> lines_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

// A plain split on ';'. The fields used here come before any quoted one
// (the report register's kommentar is its last column).
std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream stream(line);
    while (std::getline(stream, field, ';')) fields.push_back(field);
    if (!line.empty() && line.back() == ';') fields.emplace_back();
    return fields;
}

// The index of a named column in a header row.
std::size_t column_of(const std::vector<std::string>& header, const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
}

long long digits_of(const std::string& text) {
    std::string digits;
    for (char c : text)
        if (c >= '0' && c <= '9') digits += c;
    return std::stoll(digits);
}

// 23450 -> "23 450", as pdftotext shows U+00A0 after fold_nbsp.
std::string grouped(long long n) {
    std::string s = std::to_string(n), out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += ' ';
        out += s[i];
    }
    return out;
}

// 37.501 -> "37,5", with U+2212 for a negative value.
std::string one_decimal(double value) {
    const long long tenths = std::llround(value * 10);
    const long long magnitude = tenths < 0 ? -tenths : tenths;
    return std::string(tenths < 0 ? "\xE2\x88\x92" : "") + std::to_string(magnitude / 10) + "," +
           std::to_string(magnitude % 10);
}

struct Statistics {
    std::map<int, long long> city;                           // year -> total
    std::map<std::string, std::map<int, long long>> counts;  // administration -> year -> count
};

Statistics read_statistics() {
    Statistics s;
    const auto lines = lines_of(kFixtures + "/lum-mul-2026/ekonomiskt-bistand.csv");
    REQUIRE(fields_of(lines.at(0)) == std::vector<std::string>{"förvaltning", "år", "bidragstagare"});
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = fields_of(lines[i]);
        const int year = std::stoi(f.at(1));
        const long long count = digits_of(f.at(2));
        s.city[year] += count;
        s.counts[f.at(0)][year] = count;
    }
    return s;
}

std::string escaped(const std::string& text) {
    return std::regex_replace(text, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
}

}  // namespace

TEST_CASE("annual report: the build of the 2026 round writes the evaluation without problems") {
    const auto& r = built().result;
    REQUIRE(r.datasets.size() == 1);
    for (const auto& d : r.datasets[0].diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    REQUIRE(r.datasets[0].outcome == job::Outcome::Built);
    CHECK(r.datasets[0].diagnostics.items().empty());
}

TEST_CASE("annual report: the city's trend per year, as summed here from the statistics") {
    const auto s = read_statistics();
    const auto rows = pdf_text("-layout");
    const long long first = s.city.begin()->second;
    REQUIRE(s.city.size() == 5);
    for (const auto& [year, total] : s.city) {
        const std::string row = std::to_string(year) + " +" + escaped(grouped(total)) + " +" +
                                escaped(one_decimal(100.0 * static_cast<double>(total - first) / first)) + " %";
        INFO(row);
        CHECK(std::regex_search(rows, std::regex(row)));
    }
    const auto last = s.city.rbegin()->second;
    const auto text = std::regex_replace(pdf_text(""), std::regex("\\s+"), " ");
    // Seed 002: "en minskning med 37,5 procent".
    const auto reduction = one_decimal(100.0 * static_cast<double>(first - last) / first);
    CHECK(reduction == "37,5");
    CHECK(text.find("i staden minskade med " + reduction + " procent från 1999 till 2003") != std::string::npos);
}

TEST_CASE("annual report: the reduction per administration, the largest first, as computed here") {
    const auto s = read_statistics();
    const int first_year = s.city.begin()->first, last_year = s.city.rbegin()->first;
    struct Row {
        std::string administration;
        long long first, last;
        long long tenths;
    };
    std::vector<Row> expected;
    for (const auto& [administration, years] : s.counts) {
        const auto first = years.at(first_year), last = years.at(last_year);
        expected.push_back({administration, first, last,
                            std::llround(1000.0 * static_cast<double>(first - last) / static_cast<double>(first))});
    }
    std::stable_sort(expected.begin(), expected.end(), [](const Row& a, const Row& b) { return a.tenths > b.tenths; });
    REQUIRE(expected.size() == 12);
    const auto rows = pdf_text("-layout");
    std::size_t previous = 0;
    for (const auto& e : expected) {
        const std::string row = escaped(e.administration) + " +" + escaped(grouped(e.first)) + " +" +
                                escaped(grouped(e.last)) + " +" + escaped(one_decimal(e.tenths / 10.0)) + " %";
        INFO(row);
        std::smatch match;
        REQUIRE(std::regex_search(rows, match, std::regex(row)));
        const auto at = static_cast<std::size_t>(match.position(0));
        CHECK(at > previous);  // in order
        previous = at;
    }
    const auto text = std::regex_replace(pdf_text(""), std::regex("\\s+"), " ");
    // Seed 002: "varierar från 57,8 procent som mest till 13,4 procent som minst".
    CHECK(text.find("varierar från " + one_decimal(expected.front().tenths / 10.0) + " procent som mest till " +
                    one_decimal(expected.back().tenths / 10.0) + " procent som minst") != std::string::npos);
    CHECK(one_decimal(expected.front().tenths / 10.0) == "57,8");
    CHECK(one_decimal(expected.back().tenths / 10.0) == "13,4");
}

TEST_CASE("annual report: the share of projects implemented in ordinary work, counted here from the register") {
    // The evaluated year's register: lum-mul-2025, which the 2026 round sees.
    const auto lines = lines_of(kFixtures + "/lum-mul-2025/rapporter.csv");
    const auto header = fields_of(lines.at(0));
    auto column = [&](const std::string& name) { return column_of(header, name); };
    const auto kind = column("rapport"), received = column("inkom"), implemented = column("implementerad");
    int reported = 0, yes = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = fields_of(lines[i]);
        if (f.at(kind) != "genomförande" || f.at(received).empty()) continue;
        ++reported;
        yes += f.at(implemented) == "ja";
    }
    CHECK(reported == 20);
    const std::string share = std::to_string(yes) + " av " + std::to_string(reported) + " projekt (" +
                              one_decimal(100.0 * yes / reported) + " procent)";
    INFO(share);
    const auto text = std::regex_replace(pdf_text(""), std::regex("\\s+"), " ");
    CHECK(text.find("implementerats i ordinarie verksamhet i " + share) != std::string::npos);
}

TEST_CASE("annual report: the results reported per fund, summed here from the register") {
    const auto lines = lines_of(kFixtures + "/lum-mul-2025/rapporter.csv");
    const auto header = fields_of(lines.at(0));
    auto column = [&](const std::string& name) { return column_of(header, name); };
    const auto grant = column("bidrag"), kind = column("rapport"), received = column("inkom");
    const auto implemented = column("implementerad"), participants = column("deltagare");
    struct Sums {
        int reported = 0, with = 0, sum = 0, yes = 0;
    };
    std::map<std::string, Sums> per_fund;  // "LUM-03" -> LUM
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = fields_of(lines[i]);
        if (f.at(kind) != "genomförande" || f.at(received).empty()) continue;
        auto& s = per_fund[f.at(grant).substr(0, f.at(grant).find('-'))];
        ++s.reported;
        s.yes += f.at(implemented) == "ja";
        if (!f.at(participants).empty()) {
            ++s.with;
            s.sum += std::stoi(f.at(participants));
        }
    }
    REQUIRE(per_fund.size() == 2);
    const auto text = std::regex_replace(pdf_text(""), std::regex("\\s+"), " ");
    for (const auto& [fund, s] : per_fund) {
        const std::string row = fund + " " + std::to_string(s.reported) + " " + std::to_string(s.with) + " " +
                                std::to_string(s.sum) + " " + std::to_string(s.yes);
        INFO(row);
        CHECK(text.find(row) != std::string::npos);
    }
}
