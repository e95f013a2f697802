// The 2002–2003 final report from fixtures/ through every stage to PDF, read
// back with pdftotext (poppler), a reader we did not write.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "command.hpp"
#include "job/job.hpp"

namespace {

const std::string& out_dir() {
    static const std::string out = [] {
        const auto dir = scratch_dir("final-report-render");
        job::Spec spec;
        spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures/halvering-2002-2003";
        spec.out_dir = dir;
        job::Environment env;
        env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
        const auto result = job::run(spec, env);
        REQUIRE(result.exit_code() == 0);
        return dir;
    }();
    return out;
}

std::string text_of(const std::string& name) {
    const auto path = out_dir() + "/halvering-2002-2003/" + name + ".pdf";
    const auto raw = fold_nbsp(run_command("pdftotext " + quote(path) + " - 2>&1").output);
    return std::regex_replace(raw, std::regex("\\s+"), " ");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The text of each page: pdftotext ends every page with a form feed.
std::vector<std::string> pages_of(const std::string& name) {
    const auto path = out_dir() + "/halvering-2002-2003/" + name + ".pdf";
    const auto raw = fold_nbsp(run_command("pdftotext " + quote(path) + " - 2>&1").output);
    std::vector<std::string> pages;
    std::size_t begin = 0;
    for (std::size_t end; (end = raw.find('\f', begin)) != std::string::npos; begin = end + 1)
        pages.push_back(std::regex_replace(raw.substr(begin, end - begin), std::regex("\\s+"), " "));
    return pages;
}

// The pages that hold `part`, 1-based.
std::vector<int> pages_with(const std::vector<std::string>& pages, const std::string& part) {
    std::vector<int> found;
    for (std::size_t p = 0; p < pages.size(); ++p)
        if (contains(pages[p], part)) found.push_back(static_cast<int>(p) + 1);
    return found;
}

}  // namespace

TEST_CASE("final report render: tables, section numbers, references and page marks read back") {
    const auto text = text_of("slutrapport");
    CHECK(contains(text, "Totalt 9 246,5 9 359,5 18 606"));
    CHECK(contains(text, "Totalt 14 9 9 32 15 528 18 14"));
    CHECK(contains(text, "2.1.1 Skärholmen – Myndighetssamverkan"));
    CHECK(contains(text, "2.3.14"));
    CHECK(contains(text,
                   "Totalt antal projekt: 9 st. Beviljade utvecklingsmedel: 3 774 tkr (inklusive två "
                   "förlängningsbeslut 82 tkr och 227 tkr 2003)"));
    CHECK(contains(text, "Samordnarens kommentar: Se samordnarens kommentar under 2.1.1 ovan."));
    CHECK(contains(text, "Samordnarens kommentar: Se samordnarens kommentar under 2.1.6 ovan."));
    CHECK(std::regex_search(text, std::regex("\\b2\\(\\d+\\)")));
}

TEST_CASE("final report render: each footnote is on the page of its reference") {
    const auto pages = pages_of("slutrapport");
    REQUIRE(pages.size() > 5);
    const std::vector<std::pair<std::string, std::string>> notes = {
        {"processutvecklingsarbete och vunnit ny kunskap", "I SWOT-analyserna som genomförts"},
        {"bra samverkan i Kungsholmsnätet", "I Kungsholmsnätet ingår aktörerna"},
        {"Kista – ASI-metoden (Addiction Severity Index", "Addiction Severity Index-metoden har sitt ursprung"},
    };
    for (const auto& [reference, note] : notes) {
        CAPTURE(reference, note);
        const auto note_pages = pages_with(pages, note);
        REQUIRE(note_pages.size() == 1);
        const auto reference_pages = pages_with(pages, reference);
        REQUIRE_FALSE(reference_pages.empty());
        // (A heading's text is also on the contents page.)
        CHECK(std::find(reference_pages.begin(), reference_pages.end(), note_pages.front()) != reference_pages.end());
    }
}

TEST_CASE("final report render: the decision document's statistics read back") {
    const auto text = text_of("tjansteutlatande");
    CHECK(contains(text, "Summa 14 656 100"));
    CHECK(contains(text, "Summa 481 100 1 530 100 2 011 100"));
    CHECK(contains(text, "försörjningshinder relaterade till arbetslöshet 4 184 28,5"));
}

namespace {

std::string pdf_path(const std::string& name) { return out_dir() + "/halvering-2002-2003/" + name + ".pdf"; }

}  // namespace

TEST_CASE("final report render: the charts are vector graphics with their labels and alternative text") {
    for (const char* name : {"slutrapport", "tjansteutlatande"}) {
        CAPTURE(name);
        // pdfimages lists every raster image: a header of two lines and
        // nothing else, so the bars are drawn, not pasted in as a picture.
        const auto images = run_command("pdfimages -list " + quote(pdf_path(name)) + " 2>&1");
        REQUIRE(images.status == 0);
        CHECK(std::count(images.output.begin(), images.output.end(), '\n') == 2);
    }
    const auto report = text_of("slutrapport");
    CHECK(contains(report, "Diagram 1.3 Beviljade utvecklingsmedel per förvaltning, tkr"));
    CHECK(contains(report, "Rinkeby 3 836"));  // the largest bar and its value, Swedish grouping
    const auto decision = text_of("tjansteutlatande");
    CHECK(contains(decision, "Diagram 1 Vuxna bidragstagare per försörjningshinder, december 2003"));
    CHECK(contains(decision, "4 000 5 000"));  // the value axis, grouped
    // The tagged structure has the chart as a Figure; its /Alt is the text
    // made from the data (pdfinfo does not print /Alt, qpdf's JSON does).
    const auto tree = run_command("pdfinfo -struct-text " + quote(pdf_path("tjansteutlatande")) + " 2>&1").output;
    CHECK(std::regex_search(tree, std::regex("\n *Figure\n")));
    const auto objects =
        fold_nbsp(run_command("qpdf --json=2 --json-key=qpdf " + quote(pdf_path("tjansteutlatande")) + " 2>&1").output);
    CHECK(contains(objects,
                   "\"/Alt\": \"u:Stapeldiagram: Vuxna bidragstagare per försörjningshinder, december 2003; högst "
                   "försörjningshinder relaterade till arbetslöshet 4 184 personer, lägst övriga "
                   "försörjningshinder 1 628 personer."));
}
