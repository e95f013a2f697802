// Letters to the applicants of the 2026 round, from fixtures/ through every
// stage to PDF, read back with pdftotext (poppler), a reader we did not write.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "command.hpp"
#include "ingest/dataset_loader.hpp"
#include "job/job.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kRound = std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2026";

struct Built {
    job::Result result;
    std::string out;
};

const Built& built() {
    static const Built b = [] {
        Built x;
        x.out = scratch_dir("letters");
        job::Spec spec;
        spec.data_dir = kRound;
        spec.out_dir = x.out;
        job::Environment env;
        env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
        x.result = job::run(spec, env);
        return x;
    }();
    return b;
}

std::string letter_text(const std::string& administration) {
    const auto path = built().out + "/lum-mul-2026/beslutsbrev-" + administration + ".pdf";
    const auto text = fold_nbsp(run_command("pdftotext " + quote(path) + " - 2>&1").output);
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("letters: one letter per applying administration, beside the round's documents") {
    const auto& r = built().result;
    REQUIRE(r.datasets.size() == 1);
    for (const auto& d : r.datasets[0].diagnostics.items()) UNSCOPED_INFO(core::to_string(d));
    REQUIRE(r.datasets[0].outcome == job::Outcome::Built);
    // The administrations that applied, counted here from the data as read.
    core::Diagnostics diagnostics;
    const auto dataset = ingest::load_dataset(kRound, diagnostics);
    REQUIRE(dataset);
    std::set<std::string> applicants;
    for (const auto& a : dataset->applications) applicants.insert(a.administration);
    CHECK(applicants.size() == 12);
    // The decision document, its two appendices, the evaluation of 2025 and the letters.
    CHECK(r.datasets[0].documents.size() == 3 + 1 + applicants.size());
    std::size_t letters = 0;
    for (const auto& d : r.datasets[0].documents) {
        letters += d.name.rfind("beslutsbrev-", 0) == 0;
        CHECK(fs::exists(d.path));
    }
    CHECK(letters == applicants.size());
    CHECK(fs::exists(built().out + "/lum-mul-2026/beslutsbrev-hagersten-alvsjo.pdf") == false);  // did not apply
}

TEST_CASE("letters: a letter states the decisions, amounts, conditions and contact") {
    const auto text = letter_text("kungsholmen");
    CHECK(contains(text, "Till Kungsholmen"));
    CHECK(contains(text, "Kungsholmen har sökt medel i två ansökningar. Sammanlagt beviljas 320 000 kronor."));
    CHECK(contains(text,
                   "Brukarråd i LSS-verksamheten (LUM-09) beviljas 300 000 kronor av sökta 500 000 kronor "
                   "för att pröva brukarråden i två verksamheter."));
    CHECK(contains(text, "Ekonomirapporten ska lämnas senast den 30 oktober 2026."));
    CHECK(contains(text, "Genomföranderapporten ska lämnas senast den 13 november 2026."));
    CHECK(contains(text, "Senast den 2 juni 2026 ska Kungsholmen meddela socialförvaltningen"));
    CHECK(contains(text, "Frågor om beslutet besvaras av Susanna Nytell, telefon 08-508 25 138."));
    CHECK_FALSE(contains(text, "saknar godkänd rapport"));
}

TEST_CASE("letters: an applicant without an approved report is told why, and gets no conditions") {
    const auto text = letter_text("jarva");
    CHECK(contains(text, "Inga medel beviljas."));
    CHECK(contains(text, "Språkstöd i barnavårdsutredningar (LUM-01) avslås – bedöms uppfylla huvudkriterierna, men"));
    CHECK(contains(text, "Järva saknar godkänd rapport för:"));
    CHECK(contains(text, "(MUL-12 2025, 20 000 kronor): ekonomirapporten har inte kommit in (senast 2025-10-31)"));
    CHECK_FALSE(contains(text, "Villkor"));
}

TEST_CASE("letters: the 2026 round also writes the evaluation of the 2025 grants") {
    const auto path = built().out + "/lum-mul-2026/arsuppfoljning.pdf";
    REQUIRE(fs::exists(path));
    const auto text = std::regex_replace(fold_nbsp(run_command("pdftotext " + quote(path) + " - 2>&1").output),
                                         std::regex("\\s+"), " ");
    // 21 grants of 2025 (seed 004), two reports each.
    CHECK(contains(text, "sammanlagt 42 rapporter"));
    CHECK(contains(text, "Järva, Studiebesök om SSP-samarbetet i Köpenhamn (MUL-12, 20 000 kronor)"));
    CHECK(contains(text,
                   "Hägersten-Älvsjö, Rätt vård för rätt pris (LUM-14, 500 000 kronor): "
                   "genomföranderapporten har ännu inte bedömts."));
    const auto rows = fold_nbsp(run_command("pdftotext -layout " + quote(path) + " - 2>&1").output);
    CHECK(std::regex_search(rows, std::regex("2025 +LUM +10 +4 500 000 +150 000 +4 350 000")));
    CHECK(std::regex_search(rows, std::regex("Hägersten-Älvsjö +1 020 000 +420 000")));
}
