// doc::dump: the golden-test form of the document tree. The expected texts are
// raw strings, so "\u00A0" in them is the six characters of the escape that the
// dump writes for a no-break space.
#include <catch2/catch.hpp>

#include "document/node.hpp"

namespace {

doc::Inline text(std::string s, bool bold = false, bool italic = false, std::string link = "") {
    return doc::Text{std::move(s), doc::TextStyle{bold, italic}, std::move(link)};
}

doc::Block paragraph(doc::Inlines content, doc::Align align = doc::Align::Left) {
    return doc::Block{doc::Paragraph{std::move(content), align}};
}

doc::TableRow row(std::vector<doc::Inlines> cells) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back(doc::TableCell{std::move(c)});
    return r;
}

doc::Document sample_document() {
    doc::Document d;
    d.meta = {"Fördelning av utvecklingsmedel 2025", "Socialförvaltningen", "Beslut", "sv-SE", "2024-12-10"};
    d.page.running_header = {text("Tjänsteutlåtande")};
    d.page.page_mark = {text("Sida "), doc::PageNumber{}, text(" ("), doc::PageCount{}, text(")")};

    doc::Letterhead letterhead;
    letterhead.organisation = {"Socialförvaltningen", "Avdelningen för stöd"};
    letterhead.document_type = "Tjänsteutlåtande";
    letterhead.diary_number = "Dnr 1.6-0612/2024";
    letterhead.left_heading = {"Handläggare"};
    letterhead.left_lines = {"Anna Berg", "Telefon: 08-508\u00A025\u00A0138"};
    letterhead.right_heading = {"Till"};
    letterhead.right_lines = {"Socialnämnden", "2024-12-10"};
    d.body.push_back(doc::Block{letterhead});

    d.body.push_back(doc::Block{doc::Heading{1, "1", "sec-1", {text("Förvaltningens förslag")}}});
    d.body.push_back(paragraph({text("Förslaget innebär att "), text("Trygg hemma", false, true), text(" får "),
                                text("4\u00A0000\u00A0000\u00A0kronor", true), text(", "),
                                text("se avsnitt 2", false, false, "#sec-2"), text("."), doc::LineBreak{},
                                text("Sida "), doc::PageNumber{}, text(" av "), doc::PageCount{}}));
    d.body.push_back(paragraph({text("Höger", true, true)}, doc::Align::Right));

    doc::List inner{false, 1, {{paragraph({text("underpunkt")})}}};
    doc::List outer;
    outer.ordered = true;
    outer.start = 3;
    outer.items = {{paragraph({text("Beviljas.")}), doc::Block{inner}}, {}};
    d.body.push_back(doc::Block{outer});

    d.body.push_back(doc::Block{doc::PageBreak{}});

    doc::Table table;
    table.columns = {{doc::Align::Left}, {doc::Align::Right}, {doc::Align::Center}};
    table.head = {row({{text("Sökande")}, {text("Belopp")}, {text("Beslut")}})};
    table.body = {row({{text("Enhet A")}, {text("1\u00A0500\u00A0kr")}, {}}),
                  row({{text("Enhet B")}, {text("250\u00A0kr")}, {text("Avslag")}})};
    table.foot = {row({{text("Summa", true)}, {text("1\u00A0750\u00A0kr", true)}, {}})};
    d.body.push_back(doc::Block{table});

    d.body.push_back(doc::Block{
        doc::Signatures{{{"Eva Ek", {"Förvaltningschef"}}, {"Per Lind", {"Avdelningschef", "Avdelningen för stöd"}}}}});
    return d;
}

}  // namespace

TEST_CASE("dump: every block kind, with styles, links and page fields") {
    const std::string expected = R"DUMP(Metadata
  title: "Fördelning av utvecklingsmedel 2025"
  author: "Socialförvaltningen"
  subject: "Beslut"
  language: "sv-SE"
  date: "2024-12-10"
PageSetup
  size: 595.28 x 841.89
  margins: top=56.70 bottom=56.70 left=70.87 right=70.87
  running_header: "Tjänsteutlåtande"
  page_mark: "Sida " {page} " (" {pages} ")"
Body
  Letterhead
    organisation: ["Socialförvaltningen", "Avdelningen för stöd"]
    document_type: "Tjänsteutlåtande"
    diary_number: "Dnr 1.6-0612/2024"
    left_heading: ["Handläggare"]
    left_lines: ["Anna Berg", "Telefon: 08-508\u00A025\u00A0138"]
    right_heading: ["Till"]
    right_lines: ["Socialnämnden", "2024-12-10"]
  Heading level=1 number="1" id="sec-1": "Förvaltningens förslag"
  Paragraph: "Förslaget innebär att " *"Trygg hemma"* " får " **"4\u00A0000\u00A0000\u00A0kronor"** ", " [link #sec-2 "se avsnitt 2"] "." <br> "Sida " {page} " av " {pages}
  Paragraph align=right: ***"Höger"***
  List ordered start=3
    Item 3
      Paragraph: "Beviljas."
      List bullet
        Item
          Paragraph: "underpunkt"
    Item 4
  PageBreak
  Table
    columns: left | right | center
    head: "Sökande" | "Belopp" | "Beslut"
    body: "Enhet A" | "1\u00A0500\u00A0kr" | (empty)
    body: "Enhet B" | "250\u00A0kr" | "Avslag"
    foot: **"Summa"** | **"1\u00A0750\u00A0kr"** | (empty)
  Signatures
    Signature "Eva Ek": ["Förvaltningschef"]
    Signature "Per Lind": ["Avdelningschef", "Avdelningen för stöd"]
)DUMP";
    CHECK(doc::dump(sample_document()) == expected);
}

TEST_CASE("dump: an empty document still shows its metadata and page setup") {
    doc::Document d;
    d.page.width = 841.89;
    d.page.height = 595.276;
    d.page.margin_left = 1.0 / 3.0;
    const std::string expected = R"DUMP(Metadata
  title: ""
  author: ""
  subject: ""
  language: "sv-SE"
  date: ""
PageSetup
  size: 841.89 x 595.28
  margins: top=56.70 bottom=56.70 left=0.33 right=70.87
  running_header: (empty)
  page_mark: (empty)
Body
)DUMP";
    CHECK(doc::dump(d) == expected);
}

TEST_CASE("dump: a lost no-break space changes the dump") {
    doc::Document with_nbsp;
    with_nbsp.body.push_back(paragraph({text("4\u00A0000\u00A0kr")}));
    doc::Document with_space;
    with_space.body.push_back(paragraph({text("4 000 kr")}));
    CHECK(doc::dump(with_nbsp) != doc::dump(with_space));
    CHECK(doc::dump(with_nbsp).find(R"(Paragraph: "4\u00A0000\u00A0kr")") != std::string::npos);
    CHECK(doc::dump(with_space).find(R"(Paragraph: "4 000 kr")") != std::string::npos);
}

TEST_CASE("dump: invisible and ambiguous characters are escaped, visible ones are not") {
    doc::Document d;
    d.body.push_back(paragraph({text("citat \"x\" och \\ snedstreck\nny rad\tflik")}));
    d.body.push_back(paragraph({text("av\u00ADstavning noll\u200Bbredd bind\u2011streck smal\u202Fmellanslag")}));
    d.body.push_back(paragraph({text("\uFEFFbom \uE000 privat \U0001D173 takt")}));
    d.body.push_back(
        paragraph({text("trasig \xC3 och \xFF"
                        "byte")}));
    d.body.push_back(paragraph({text("synliga: \u2212 12 \u2013 \u00E5 \U0001F600")}));
    d.body.push_back(paragraph({text("länk", false, false, "https://exempel.se/a b\"c")}));
    const std::string expected = R"(  Paragraph: "citat \"x\" och \\ snedstreck\nny rad\tflik"
  Paragraph: "av\u00ADstavning noll\u200Bbredd bind\u2011streck smal\u202Fmellanslag"
  Paragraph: "\uFEFFbom \uE000 privat \U0001D173 takt"
  Paragraph: "trasig \xC3 och \xFFbyte"
  Paragraph: "synliga: )"
                                 "\u2212 12 \u2013 \u00E5 \U0001F600"
                                 R"("
  Paragraph: [link https://exempel.se/a\u0020b\"c "länk"]
)";
    const auto dumped = doc::dump(d);
    const auto body = dumped.substr(dumped.find("Body\n") + 5);
    CHECK(body == expected);
}

TEST_CASE("dump: a table of contents shows its levels and entries, an unlisted heading says so") {
    doc::Document d;
    doc::Heading title{2, "", "sec-innehall", {text("Innehåll")}, false};
    d.body.push_back(doc::Block{title});
    d.body.push_back(doc::Block{doc::TableOfContents{2,
                                                     3,
                                                     {doc::ContentsEntry{2, "1", "sec-bakgrund", {text("Bakgrund")}},
                                                      doc::ContentsEntry{3, "", "sec-syfte", {text("Syfte")}}}}});
    const std::string dump = doc::dump(d);
    const std::string expected = R"DUMP(Body
  Heading level=2 id="sec-innehall" unlisted: "Innehåll"
  TableOfContents levels=2-3
    Entry level=2 number="1" id="sec-bakgrund": "Bakgrund"
    Entry level=3 id="sec-syfte": "Syfte"
)DUMP";
    CHECK(dump.substr(dump.find("Body\n")) == expected);
}

TEST_CASE("dump: a footnote shows its mark and its text where it is referenced") {
    doc::Document d;
    d.body.push_back(
        paragraph({text("Metoden"), doc::Footnote{"1", {text("Från "), text("missbruksvården", false, true)}, false},
                   text(" igen"), doc::Footnote{"1", {}, true}}));
    const auto dumped = doc::dump(d);
    const auto body = dumped.substr(dumped.find("Body\n") + 5);
    CHECK(body == R"(  Paragraph: "Metoden" [^1 "Från " *"missbruksvården"*] " igen" [^1 again]
)");
}
