#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "document/build.hpp"

namespace {

std::set<std::string> values(const std::map<std::string, std::string>& files) {
    std::set<std::string> out;
    for (const auto& [administration, file] : files) out.insert(file);
    return out;
}

}  // namespace

TEST_CASE("letters: administrations whose names fold alike still get a file each") {
    const std::vector<std::string> administrations = {
        "Enskede-Årsta-Vantör", "Enskede Årsta Vantör", "Söder", "Soder", "SÖDER", "Soder 2", "Hägersten-Älvsjö"};
    const auto files = doc::letter_file_names(administrations, "brev");
    REQUIRE(files.size() == administrations.size());
    CHECK(values(files).size() == administrations.size());  // no two share a file
    CHECK(files.at("Hägersten-Älvsjö") == "brev-hagersten-alvsjo");
    // "Soder 2" folds to "brev-soder-2", so the second "soder" takes "-3".
    CHECK(files.at("Soder 2") == "brev-soder-2");
    for (const auto& [administration, file] : files) CHECK(file.rfind("brev-", 0) == 0);
}

TEST_CASE("letters: file names do not depend on the order of the input") {
    std::vector<std::string> administrations = {
        "Söder", "Soder", "SÖDER", "Enskede-Årsta-Vantör", "Enskede Årsta Vantör", "Soder 2"};
    std::sort(administrations.begin(), administrations.end());
    const auto first = doc::letter_file_names(administrations, "brev");
    do {
        CHECK(doc::letter_file_names(administrations, "brev") == first);
    } while (std::next_permutation(administrations.begin(), administrations.end()));
}
