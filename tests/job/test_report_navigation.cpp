// A long numbered report through document, layout and PDF: its table of
// contents, cross-reference and bookmarks, read back from the PDF by tools we
// did not write (qpdf's JSON outline, pdftotext, PDFBox Preflight).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "command.hpp"
#include "document/build.hpp"
#include "job/job.hpp"
#include "layout/layout.hpp"
#include "pdf/font_library.hpp"
#include "pdf/preflight.hpp"
#include "pdf/writer.hpp"

namespace {

std::string paragraphs(int n) {
    std::string text;
    for (int i = 0; i < n; ++i)
        text +=
            "Projektet har arbetat med att hitta möjligheter för personer med långvarigt försörjningsstöd "
            "att komma närmare arbetsmarknaden, i samverkan mellan stadsdelsförvaltningarna, "
            "arbetsförmedlingen och försäkringskassan.\n\n";
    return text;
}

// Shaped like the 2002–2003 final report (seed 003): an unnumbered title
// and preface, numbered sections, projects as level 4 headings.
std::string report_template() {
    std::string t =
        "---\ntitle: Från bidrag till egen försörjning\nnumber-headings: 2\n---\n"
        "# Från bidrag till egen försörjning\n\n## Innehåll {- .unlisted}\n\n```toc\nlevels: 2-4\n```\n\n"
        "```pagebreak\n```\n\n## Uppdraget {-}\n\n" +
        paragraphs(2);
    for (int s = 1; s <= 3; ++s) {
        t += "## Område " + std::to_string(s) + "\n\n" + paragraphs(2);
        for (int k = 1; k <= 3; ++k) {
            t += "### Projekt " + std::to_string(s) + "." + std::to_string(k) + "\n\n" + paragraphs(3);
            if (s == 2 && k == 1) t += "#### Skärholmen – Myndighetssamverkan {#skarholmen}\n\n" + paragraphs(2);
            if (s == 2 && k == 2) t += "#### Kungsholmen\n\nSe samordnarens kommentar under [](#skarholmen) ovan.\n\n";
        }
    }
    return t;
}

struct Built {
    layout::PagedDocument paged;
    std::string pdf;
};

const Built& built() {
    static const Built b = [] {
        Built x;
        core::Diagnostics diagnostics;
        const doc::Template tmpl{"rapport", "rapport.md", report_template()};
        doc::Document document;
        document.body =
            doc::build_body(doc::render_template(tmpl, kainjow::mustache::data{}, diagnostics), tmpl.path, diagnostics);
        REQUIRE_FALSE(diagnostics.has_errors());
        document.meta.title = "Från bidrag till egen försörjning";
        document.meta.date = "2004-03-01";
        const auto fonts = pdf::FontLibrary::load(pdf::FontFiles::liberation());
        x.paged = layout::lay_out(document, fonts, diagnostics);
        x.pdf = scratch_dir("report-navigation") + "/rapport.pdf";
        pdf::write_file(x.paged, pdf::FontFiles::liberation(), x.pdf);
        return x;
    }();
    return b;
}

struct OutlineItem {
    int depth = 0;
    std::string title;
    int page = 0;
    std::string parent;  // title of the enclosing item, "" at the top
};

// qpdf --json=2 prints an item's keys in order (dest, destpageposfrom1, kids,
// ..., title), indented by its depth: an item's page and title share one
// indentation, and its kids, printed between them, are indented further.
// Items come out children first; the parent of each is the next item
// printed with less indentation.
std::vector<OutlineItem> outline(const std::string& pdf) {
    const auto result = run_command("qpdf --json=2 --json-key=outlines '" + pdf + "'");
    REQUIRE(result.status == 0);
    std::vector<std::pair<std::size_t, int>> pages;
    std::vector<std::pair<std::size_t, OutlineItem>> done;  // indentation, item; children first
    const std::regex page_line(R"re(^( *)"destpageposfrom1": (\d+))re");
    const std::regex title_line(R"re(^( *)"title": "(.*)",?$)re");
    std::istringstream in(result.output);
    std::smatch m;
    for (std::string line; std::getline(in, line);) {
        if (std::regex_search(line, m, page_line)) pages.emplace_back(m[1].length(), std::stoi(m[2]));
        if (!std::regex_search(line, m, title_line)) continue;
        const auto indent = static_cast<std::size_t>(m[1].length());
        REQUIRE(!pages.empty());
        REQUIRE(pages.back().first == indent);
        done.push_back({indent, OutlineItem{0, m[2], pages.back().second, ""}});
        pages.pop_back();
    }
    std::vector<OutlineItem> items;
    std::size_t top = std::string::npos;
    for (const auto& [indent, item] : done) top = std::min(top, indent);
    for (std::size_t i = 0; i < done.size(); ++i) {
        OutlineItem item = done[i].second;
        for (std::size_t j = i + 1; j < done.size(); ++j)
            if (done[j].first < done[i].first) {
                item.parent = done[j].second.title;
                break;
            }
        item.depth = static_cast<int>((done[i].first - top) / 4);  // "kids": [ { adds two levels of two spaces
        items.push_back(item);
    }
    return items;
}

}  // namespace

TEST_CASE("report navigation: every heading is a bookmark, nested by level, on its heading's page") {
    const Built& b = built();
    // Expected from the layout's anchors: the parent of a heading is the
    // nearest earlier heading of a lower level.
    std::vector<OutlineItem> expected;
    std::vector<std::pair<int, std::string>> open;
    for (const auto& anchor : b.paged.anchors) {
        if (anchor.title.empty()) continue;
        while (!open.empty() && open.back().first >= anchor.level) open.pop_back();
        expected.push_back(
            {static_cast<int>(open.size()), anchor.title, anchor.page + 1, open.empty() ? "" : open.back().second});
        open.emplace_back(anchor.level, anchor.title);
    }
    REQUIRE(expected.size() == 17);  // title, Innehåll, Uppdraget, 3 + 9 sections, two projects
    auto actual = outline(b.pdf);
    auto key = [](const OutlineItem& i) { return i.title; };
    auto by_title = [&](const OutlineItem& a, const OutlineItem& c) { return key(a) < key(c); };
    std::sort(expected.begin(), expected.end(), by_title);
    std::sort(actual.begin(), actual.end(), by_title);
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        CAPTURE(expected[i].title);
        CHECK(actual[i].title == expected[i].title);
        CHECK(actual[i].page == expected[i].page);
        CHECK(actual[i].depth == expected[i].depth);
        CHECK(actual[i].parent == expected[i].parent);
    }
    // The numbers are in the titles, and a project sits under its section.
    const auto project = std::find_if(actual.begin(), actual.end(), [](const auto& i) {
        return i.title == "2.1.1 Skärholmen – Myndighetssamverkan";
    });
    REQUIRE(project != actual.end());
    CHECK(project->parent == "2.1 Projekt 2.1");
    CHECK(project->depth == 3);
}

TEST_CASE("report navigation: the table of contents shows each heading's page, as pdftotext reads it") {
    const Built& b = built();
    const auto text = run_command("pdftotext -layout -f 1 -l 1 '" + b.pdf + "' -");
    REQUIRE(text.status == 0);
    // "   2.1.1 Skärholmen – Myndighetssamverkan . . . . . .   5"
    const std::regex entry(R"(^ *([\d.]+ )?(\S.*?) ?(?:\. )+\.? *(\d+) *$)");
    std::map<std::string, int> shown;
    std::istringstream in(text.output);
    std::smatch m;
    for (std::string line; std::getline(in, line);)
        if (std::regex_match(line, m, entry)) shown[m[1].str() + m[2].str()] = std::stoi(m[3]);
    int checked = 0;
    for (const auto& anchor : b.paged.anchors) {
        if (anchor.level < 2 || anchor.level > 4 || anchor.title == "Innehåll") continue;
        CAPTURE(anchor.title);
        REQUIRE(shown.count(anchor.title) == 1);
        CHECK(shown[anchor.title] == anchor.page + 1);
        ++checked;
    }
    CHECK(checked == 15);
    CHECK(b.paged.anchors.back().page >= 3);  // the report is long enough for the numbers to differ
}

TEST_CASE("report navigation: the cross-reference shows the computed number as a link to the heading") {
    const Built& b = built();
    const auto text = run_command("pdftotext '" + b.pdf + "' -");
    CHECK_THAT(text.output, Catch::Contains("Se samordnarens kommentar under 2.1.1 ovan."));
    int links = 0;
    for (const auto& page : b.paged.pages)
        for (const auto& item : page.items)
            if (const auto* link = std::get_if<layout::Link>(&item.content); link && link->target == "#skarholmen")
                ++links;
    CHECK(links == 2);  // the table of contents' entry and the cross-reference
}

TEST_CASE("report navigation: the report with its contents and links is valid PDF/A-1b") {
    const Built& b = built();
    const auto verdicts = preflight::validate({b.pdf}, scratch_dir("report-navigation-preflight"));
    REQUIRE(verdicts.size() == 1);
    INFO(verdicts[0].report());
    CHECK(verdicts[0].valid);
}

TEST_CASE("report navigation: the decision document's bookmarks are its headings, each on the page it names") {
    const std::string out = scratch_dir("decision-outline");
    job::Spec spec;
    spec.data_dir = std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025";
    spec.out_dir = out;
    job::Environment env;
    env.templates_dir = std::string(FUEL_SOURCE_DIR) + "/templates";
    REQUIRE(job::run(spec, env).exit_code() == 0);
    const std::string pdf = out + "/lum-mul-2025/tjansteutlatande.pdf";
    const auto items = outline(pdf);
    // As many as the document tree has headings (its golden dump).
    std::ifstream golden(std::string(FUEL_SOURCE_DIR) + "/tests/golden/document/lum-mul-2025/tjansteutlatande.txt");
    const std::string tree((std::istreambuf_iterator<char>(golden)), std::istreambuf_iterator<char>());
    std::size_t headings = 0;
    for (auto at = tree.find("Heading level="); at != std::string::npos; at = tree.find("Heading level=", at + 1))
        ++headings;
    REQUIRE(items.size() == headings);
    int top = 0;
    for (const auto& item : items) {
        CAPTURE(item.title);
        const auto page = run_command("pdftotext -f " + std::to_string(item.page) + " -l " + std::to_string(item.page) +
                                      " '" + pdf + "' -");
        std::string flat = page.output;  // a heading may wrap in the text
        std::replace(flat.begin(), flat.end(), '\n', ' ');
        CHECK_THAT(flat, Catch::Contains(item.title));
        top += item.depth == 0;
    }
    CHECK(top == 1);  // the title; the sections nest under it
}
