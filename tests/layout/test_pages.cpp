// Whole pages: furniture, the letterhead, signatures, page fields, and the
// promise that nothing but furniture leaves the text area.
#include "layout_support.hpp"

using namespace layout_test;

namespace {

doc::Inlines page_mark() { return {text("Sida "), doc::PageNumber{}, text(" ("), doc::PageCount{}, text(")")}; }

// Furniture baseline: 14 pt above the 30 pt top margin.
constexpr double kFurnitureBaseline = kTop - 14;

doc::Letterhead letterhead() {
    doc::Letterhead l;
    l.organisation = {"Socialförvaltningen", "Avdelningen för stöd"};
    l.document_type = "TJÄNSTEUTLÅTANDE";
    l.diary_number = "Dnr 1.6-0612/2024";
    l.left_heading = {"Handläggare"};
    l.left_lines = {"Ann Berg", "Telefon: 08-508 25 138"};
    l.right_heading = {"Till"};
    l.right_lines = {"Socialnämnden", "2024-12-10"};
    return l;
}

std::vector<TextLine> artifact_lines(const Page& page) {
    std::vector<TextLine> out;
    const auto all = lines(page, true);
    const auto body = lines(page, false);
    for (const auto& line : all) {
        const bool in_body = std::any_of(body.begin(), body.end(), [&](const TextLine& b) {
            return b.baseline == line.baseline && b.text == line.text;
        });
        if (!in_body) out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("later pages carry the running header and the page mark, as artifacts", "[layout][furniture]") {
    // 30 characters: the header (16) fits beside the page mark (10) and the gap.
    auto d = document(small_page(30, 5), numbered_paragraphs(12));
    d.page.page_mark = page_mark();
    d.page.running_header = {text("Tjänsteutlåtande")};
    const auto paged = lay(d);
    REQUIRE(paged.pages.size() == 3);  // 5 + 5 + 2 lines

    const auto first = artifact_lines(paged.pages[0]);
    REQUIRE(first.size() == 1);  // the page mark, no running header on page 1
    CHECK(first[0].text == "Sida 1 (3)");

    const auto* mark = find_run(paged.pages[1], "Sida 2 (3)");
    REQUIRE(mark);
    CHECK(mark->x + mark->width == Approx(d.page.width - d.page.margin_right));
    CHECK(mark->baseline == Approx(kFurnitureBaseline));
    CHECK(mark->font == FontId::SansRegular);
    const auto* header = find_run(paged.pages[1], "Tjänsteutlåtande");
    REQUIRE(header);
    CHECK(header->x == Approx(kLeft));
    CHECK(header->baseline == Approx(kFurnitureBaseline));
    for (const Item& item : paged.pages[1].items) {
        if (const auto* run = std::get_if<TextRun>(&item.content); run && run->baseline < kTop) CHECK(item.artifact);
    }
    CHECK(find_run(paged.pages[2], "Sida 3 (3)"));
    CHECK_FALSE(find_run(paged.pages[0], "Tjänsteutlåtande"));
}

TEST_CASE("the letterhead sets its two columns and carries the first page mark", "[layout][letterhead]") {
    // 60 characters = 360 pt; the right column starts at 55 %: 10 + 198 = 208.
    auto d = document(small_page(60, 30), {doc::Block{letterhead()}, heading(1, "Titel", "", "titel"),
                                           doc::Block{doc::PageBreak{}}, para("sista")});
    d.page.page_mark = page_mark();
    const auto paged = lay(d);
    REQUIRE(paged.pages.size() == 2);
    const auto& page = paged.pages[0];
    const double right = kLeft + 0.55 * 360;

    const auto* org = find_run(page, "Socialförvaltningen");
    REQUIRE(org);
    CHECK(org->font == FontId::SansBold);
    CHECK(org->x == Approx(kLeft));
    CHECK(org->baseline == Approx(kFirstBaseline));
    CHECK(find_run(page, "Avdelningen för stöd")->font == FontId::SansRegular);
    CHECK(find_run(page, "Avdelningen för stöd")->baseline == Approx(kFirstBaseline + kLine));

    const auto* type = find_run(page, "TJÄNSTEUTLÅTANDE");
    REQUIRE(type);
    CHECK(type->font == FontId::SansBold);
    CHECK(type->x == Approx(right));
    CHECK(type->baseline == Approx(kFirstBaseline));
    CHECK(find_run(page, "Dnr 1.6-0612/2024")->x == Approx(right));

    // The page mark, third line of the right column, numbers filled in and
    // the text closed up after the two-digit estimates.
    const auto marks = artifact_lines(page);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].text == "Sida 1 (2)");
    CHECK(marks[0].x == Approx(right));
    CHECK(marks[0].baseline == Approx(kFirstBaseline + 2 * kLine));
    CHECK(marks[0].right == Approx(right + 10 * kChar));

    // Right column 3 lines, left 2: the lower block starts 36 + 12 below.
    const auto* officer = find_run(page, "Handläggare");
    REQUIRE(officer);
    CHECK(officer->font == FontId::SansBold);
    CHECK(officer->baseline == Approx(kFirstBaseline + 48));
    CHECK(find_run(page, "Till")->x == Approx(right));
    CHECK(find_run(page, "Till")->baseline == Approx(kFirstBaseline + 48));
    CHECK(find_run(page, "2024-12-10")->baseline == Approx(kFirstBaseline + 48 + 2 * kLine));

    // The body follows 12 pt under the letterhead's 84 pt.
    REQUIRE(paged.anchors.size() == 1);
    CHECK(paged.anchors[0].y == Approx(kTop + 84 + 12));
    CHECK(find_run(paged.pages[1], "Sida 2 (2)"));
}

TEST_CASE("signatures stand two to a row and a row is never split", "[layout][signatures]") {
    doc::Signatures s;
    s.people = {{"Anna Direktör", {"Förvaltningschef"}}, {"Bo Chef", {"Avdelningschef"}}, {"Cia", {"Controller"}}};
    // Page 1: p1..p4 take 48 of 84 pt, the first row 24 more; the second row
    // (12 gap + 24) does not fit and goes whole to page 2.
    doc::Blocks body = numbered_paragraphs(4);
    body.push_back(doc::Block{s});
    const auto paged = lay(document(small_page(40, 7), body));
    REQUIRE(paged.pages.size() == 2);
    const auto& page = paged.pages[0];
    const auto* anna = find_run(page, "Anna Direktör");
    const auto* bo = find_run(page, "Bo Chef");
    const auto* cia = find_run(paged.pages[1], "Cia");
    REQUIRE(anna);
    REQUIRE(bo);
    REQUIRE(cia);
    CHECK(anna->x == Approx(kLeft));
    CHECK(bo->x == Approx(kLeft + 120));  // half of 240
    CHECK(bo->baseline == Approx(anna->baseline));
    CHECK(anna->font == FontId::SerifRegular);
    CHECK(find_run(page, "Förvaltningschef")->baseline == Approx(anna->baseline + kLine));
    CHECK(find_run(page, "Avdelningschef")->baseline == Approx(anna->baseline + kLine));
    CHECK(cia->x == Approx(kLeft));
    CHECK(cia->baseline == Approx(kFirstBaseline));  // the gap is dropped at the top of a page
}

TEST_CASE("page numbers in body text are resolved and the line closed up", "[layout][fields]") {
    const auto paged = lay(document(
        small_page(20, 5),
        {para({text("Sidan "), doc::PageNumber{}, text(" av "), doc::PageCount{}}), doc::Block{doc::PageBreak{}},
         para({text("Sidan "), doc::PageNumber{}, text(" av "), doc::PageCount{}}, doc::Align::Right)}));
    REQUIRE(paged.pages.size() == 2);
    CHECK(line_texts(paged.pages[0]) == std::vector<std::string>{"Sidan 1 av 2"});
    const auto second = lines(paged.pages[1]);
    REQUIRE(second.size() == 1);
    CHECK(second[0].text == "Sidan 2 av 2");
    CHECK(second[0].right == Approx(kLeft + 120));  // still flush right
}

TEST_CASE("nothing but furniture leaves the text area", "[layout][pages]") {
    // A4 with the house style, fixed-width glyphs: a document of every kind of block.
    doc::Document d;
    d.page.page_mark = page_mark();
    d.page.running_header = {text("Tjänsteutlåtande om fördelning av utvecklingsmedel 2025")};
    d.body.push_back(doc::Block{letterhead()});
    d.body.push_back(
        heading(1, "Fördelning av lokala utvecklingsmedel och medel för utveckling och lärande 2025", "1"));
    doc::Table t;
    t.columns = {doc::TableColumn{}, doc::TableColumn{}, doc::TableColumn{doc::Align::Right}};
    t.head = {doc::TableRow{{{{text("Stadsdelsförvaltning")}}, {{text("Projekt")}}, {{text("Beviljat")}}}}};
    for (int i = 0; i < 60; ++i) {
        t.body.push_back(
            doc::TableRow{{{{text("Hässelby-Vällingby")}},
                           {{text("Förebyggande insatser för unga i riskzon, projekt " + std::to_string(i))}},
                           {{text("1\u00A0250\u00A0000")}}}});
    }
    std::string prose;
    for (int i = 0; i < 40; ++i) prose += "Socialförvaltningens arbete med forskning och utveckling ska bidra. ";
    for (int k = 0; k < 3; ++k) {
        d.body.push_back(heading(2, "Bakgrund", "1." + std::to_string(k + 1)));
        d.body.push_back(para(prose + std::string(200, 'x')));
        d.body.push_back(doc::Block{
            doc::List{true, 1, {{para(prose)}, {para("kort"), doc::Block{doc::List{false, 1, {{para(prose)}}}}}}}});
        d.body.push_back(doc::Block{t});
    }
    d.body.push_back(
        doc::Block{doc::Signatures{{{"Anna Direktör", {"Förvaltningschef"}}, {"Bo Chef", {"Avdelningschef"}}}}});
    core::Diagnostics diagnostics;
    const FixedWidthMetrics metrics;
    const auto paged = lay_out(d, metrics, diagnostics);
    REQUIRE(paged.pages.size() > 5);
    const double left = d.page.margin_left;
    const double right = d.page.width - d.page.margin_right;
    const double top = d.page.margin_top;
    const double bottom = d.page.height - d.page.margin_bottom;
    const double eps = 1e-6;
    for (const Page& page : paged.pages) {
        for (const Item& item : page.items) {
            if (const auto* run = std::get_if<TextRun>(&item.content)) {
                const double ascent = run->size * 0.8;
                if (item.artifact && run->baseline < top) {  // furniture: in the top margin
                    CHECK(run->baseline - ascent >= 0);
                    CHECK(run->x >= left - eps);
                    CHECK(run->x + run->width <= right + eps);
                    continue;
                }
                CHECK(run->x >= left - eps);
                CHECK(run->x + run->width <= right + eps);
                CHECK(run->baseline - ascent >= top - eps);
                CHECK(run->baseline + run->size * 0.2 <= bottom + eps);
            } else if (const auto* rule = std::get_if<Rule>(&item.content)) {
                CHECK(rule->x1 >= left - eps);
                CHECK(rule->x2 <= right + eps);
                CHECK(rule->y1 >= top - eps);
                CHECK(rule->y2 <= bottom + eps);
            }
        }
    }
    CHECK(diagnostics.empty());
}

TEST_CASE("degenerate input lays out without crashing", "[layout][robustness]") {
    core::Diagnostics diagnostics;
    // An empty document is one empty page.
    auto paged = lay(document(small_page(10, 5), {}), diagnostics);
    REQUIRE(paged.pages.size() == 1);
    CHECK(paged.pages[0].items.empty());

    doc::Table no_columns;
    doc::Table ragged;
    ragged.columns = {doc::TableColumn{}, doc::TableColumn{}, doc::TableColumn{}};
    ragged.body = {doc::TableRow{{{{text("a")}}}}, doc::TableRow{}};
    const std::string invalid_utf8 = "ok \xC3 \xFF slut";
    auto d =
        document(small_page(3, 2), {para(""), para(invalid_utf8), doc::Block{doc::Heading{9, "", "", {}}},
                                    doc::Block{doc::List{true, 1, {}}}, doc::Block{doc::List{false, 1, {{}}}},
                                    doc::Block{no_columns}, doc::Block{ragged}, doc::Block{doc::Signatures{}},
                                    doc::Block{doc::Letterhead{}}, para({text("\x01\tctrl\r\n"), doc::LineBreak{}}),
                                    doc::Block{doc::PageBreak{}}, doc::Block{doc::PageBreak{}}});
    d.page.page_mark = {doc::PageNumber{}};
    paged = lay(d, diagnostics);
    REQUIRE_FALSE(paged.pages.empty());
    // The invalid bytes are shown as replacement characters, not dropped.
    bool found = false;
    for (const auto& page : paged.pages)
        for (const auto& line : line_texts(page)) found = found || line.find("\uFFFD") != std::string::npos;
    CHECK(found);
    // The control character U+0001 is reported.
    CHECK(diagnostics.warning_count() == 1);

    // Margins wider than the page leave a 1 pt text width: one character a line.
    auto narrow = document(small_page(10, 50), {para("abc")});
    narrow.page.margin_left = narrow.page.margin_right = 200;
    paged = lay(narrow);
    CHECK(line_texts(paged.pages[0]).size() == 3);
}
