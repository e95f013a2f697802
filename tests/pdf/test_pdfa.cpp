// PDF/A-1b output, judged by Apache PDFBox Preflight and by reading the
// objects the workarounds of docs/libraries.md §1.3 add.
#include <catch2/catch.hpp>

#include <bit>
#include <regex>
#include <set>
#include <string>

#include "external_tools.hpp"
#include "pdf/writer.hpp"
#include "preflight.hpp"
#include "sample_documents.hpp"

using layout::FontId;
using pdf_test::count;

namespace {

// Markup and quotes in every field: libharu's own XMP would be malformed.
constexpr const char* kMarkupTitle = "Prövning & beslut <2025> \"utkast\" 'B' ]]>";

std::string as_text(const std::vector<unsigned char>& bytes) { return {bytes.begin(), bytes.end()}; }

std::string raw_pdf(const layout::PagedDocument& document, pdf::WriteOptions options = {}) {
    options.compress = false;
    return as_text(pdf::render(document, pdf::FontFiles::liberation(), options));
}

std::string written(const std::string& name, const std::string& bytes) {
    const std::string path = pdf_test::scratch_path(name);
    pdf_test::write_bytes(path, {bytes.begin(), bytes.end()});
    return path;
}

std::string written(const std::string& name, const layout::PagedDocument& document, pdf::WriteOptions options = {}) {
    return written(name, as_text(pdf::render(document, pdf::FontFiles::liberation(), options)));
}

layout::PagedDocument markup_report() {
    auto document = pdf_test::two_page_report();
    document.meta.title = kMarkupTitle;
    document.meta.author = "Social-\tförvaltningen & <Stadsledning>";
    document.meta.subject = "A < B && C > D";
    return document;
}

// One page in each of the eight faces, with the punctuation of Swedish
// committee text.
layout::PagedDocument all_faces() {
    layout::PagedDocument document;
    document.meta.title = "Alla typsnitt";
    document.meta.date = "2025-01-31";
    layout::Page page;
    for (int f = 0; f < layout::kFontCount; ++f) {
        page.items.push_back(pdf_test::text(72, 100 + 20 * f, static_cast<FontId>(f), 11,
                                            "Åtgärd – ”citat” € 1\u00A0000 kr … §\u00A03"));
    }
    document.pages.push_back(page);
    return document;
}

// Shading and rules only: a document without any font.
layout::PagedDocument no_text() {
    layout::PagedDocument document;
    layout::Page page;
    page.items.push_back({layout::Fill{50, 50, 100, 20, 0.8}, false});
    page.items.push_back({layout::Rule{50, 200, 300, 200, 1}, false});
    document.pages.push_back(page);
    return document;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    REQUIRE(from.size() == to.size());  // keeps every xref offset valid
    REQUIRE(text.find(from) != std::string::npos);
    for (std::size_t at; (at = text.find(from)) != std::string::npos;) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// The body of object `number`: its dictionary, and its stream if it has one.
std::string object(const std::string& raw, const std::string& number) {
    const auto start = raw.find("\n" + number + " 0 obj\n");
    REQUIRE(start != std::string::npos);
    return raw.substr(start, raw.find("\nendobj", start) - start);
}

// The data of stream object `number`, whose /Length is an indirect number as
// libharu writes it.
std::string stream_data(const std::string& raw, const std::string& number) {
    const std::string body = object(raw, number);
    std::smatch length_ref;
    REQUIRE(std::regex_search(body, length_ref, std::regex(R"(/Length (\d+) 0 R)")));
    const std::string length_obj = object(raw, length_ref[1]);
    const std::size_t length = std::stoul(length_obj.substr(length_obj.find("obj\n") + 4));
    const auto data = body.find("stream\r\n");
    REQUIRE(data != std::string::npos);
    return body.substr(data + 8, length);
}

std::string xmp_of(const std::string& raw) {
    std::smatch metadata;
    REQUIRE(std::regex_search(raw, metadata, std::regex(R"(/Metadata (\d+) 0 R)")));
    const std::string body = object(raw, metadata[1]);
    CHECK_THAT(body, Catch::Contains("/Type /Metadata") && Catch::Contains("/Subtype /XML"));
    CHECK_THAT(body, !Catch::Contains("/Filter"));
    return stream_data(raw, metadata[1]);
}

// The CIDSet of the font whose descriptor names `font_name`, as the set of
// CIDs whose bit is on.
std::set<unsigned> cid_set_of(const std::string& raw, const std::string& font_name) {
    std::smatch descriptor;
    REQUIRE(std::regex_search(raw, descriptor, std::regex("/FontName /" + font_name + "\n[^>]*/CIDSet (\\d+) 0 R")));
    const std::string bits = stream_data(raw, descriptor[1]);
    std::set<unsigned> cids;
    for (std::size_t byte = 0; byte < bits.size(); ++byte) {
        for (unsigned bit = 0; bit < 8; ++bit) {
            if ((static_cast<unsigned char>(bits[byte]) & (0x80U >> bit)) != 0) {
                cids.insert(static_cast<unsigned>(byte * 8 + bit));
            }
        }
    }
    return cids;
}

}  // namespace

TEST_CASE("sample documents are valid PDF/A-1b by PDFBox Preflight", "[pdfa]") {
    pdf::WriteOptions plain;
    plain.compress = false;
    layout::PagedDocument bare = pdf_test::two_page_report();
    bare.meta = doc::Metadata{};
    bare.meta.language.clear();
    const std::vector<std::string> files{
        written("pdfa-report.pdf", pdf_test::two_page_report()),
        written("pdfa-report-uncompressed.pdf", pdf_test::two_page_report(), plain),
        written("pdfa-markup.pdf", markup_report()),
        written("pdfa-no-metadata.pdf", bare),
        written("pdfa-all-faces.pdf", all_faces()),
        written("pdfa-no-text.pdf", no_text()),
    };
    const auto verdicts = preflight::validate(files, pdf_test::scratch_path("preflight-valid"));
    REQUIRE(verdicts.size() == files.size());
    for (const auto& verdict : verdicts) {
        INFO(verdict.report());
        CHECK(verdict.valid);
        CHECK(verdict.errors.empty());
    }
}

TEST_CASE("Preflight rejects the output once any workaround is undone", "[pdfa]") {
    // Each variant undoes one workaround by an edit of the same length, so
    // that the file stays readable and only that defect is left. This proves
    // the validator looks at what the workarounds fix, not only that it runs.
    const std::string raw = raw_pdf(pdf_test::two_page_report());
    const std::string markup = raw_pdf(markup_report());
    pdf::WriteOptions none;
    none.archival = pdf::Archival::None;
    struct Variant {
        std::string name;
        std::string bytes;
        std::string expected_code;
    };
    const std::vector<Variant> variants{
        {"undone-cidset.pdf", replaced(raw, "/CIDSet ", "/CIDSex "), "3.1.11"},
        {"undone-capheight.pdf", replaced(raw, "/CapHeight ", "/CapHeighx "), "3.1.2"},
        {"undone-print-flag.pdf", replaced(raw, "/F 4\n", "/F 0\n"), "5.2.2"},
        {"undone-output-intent.pdf", replaced(raw, "/OutputIntents", "/OutputIntentz"), "2.4.3"},
        {"undone-id.pdf", replaced(raw, "/ID [", "/IX ["), "1.4.1"},
        // An unescaped '&', as libharu 2.3.0 writes it.
        {"undone-escaping.pdf", replaced(markup, "&amp;", "&    "), "7.1"},
        {"undone-all.pdf", raw_pdf(pdf_test::two_page_report(), none), "7.1"},
    };
    std::vector<std::string> files;
    for (const auto& variant : variants) {
        files.push_back(written(variant.name, variant.bytes));
    }
    const auto verdicts = preflight::validate(files, pdf_test::scratch_path("preflight-undone"));
    REQUIRE(verdicts.size() == variants.size());
    for (std::size_t i = 0; i < variants.size(); ++i) {
        INFO(verdicts[i].report());
        CHECK_FALSE(verdicts[i].valid);
        CHECK(verdicts[i].has_error(variants[i].expected_code));
    }
}

TEST_CASE("the XMP packet is well-formed XML and says what the Info dictionary says", "[pdfa]") {
    const std::string raw = raw_pdf(markup_report());
    const std::string xmp = xmp_of(raw);
    const std::string path = written("xmp.xml", xmp);
    const auto lint = pdf_test::run_tool("xmllint --noout", {path});
    INFO(lint.err);
    CHECK(lint.exit_code == 0);
    CHECK_THAT(xmp, Catch::StartsWith("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"));
    CHECK_THAT(xmp, Catch::EndsWith("<?xpacket end=\"r\"?>"));
    CHECK_THAT(xmp, Catch::Contains("<rdf:li xml:lang=\"x-default\">Prövning &amp; beslut &lt;2025&gt; "
                                    "&quot;utkast&quot; &apos;B&apos; ]]&gt;</rdf:li>"));
    // The tab in the author became a space, in the XMP and in Info alike.
    CHECK_THAT(xmp, Catch::Contains("<rdf:li>Social- förvaltningen &amp; &lt;Stadsledning&gt;</rdf:li>"));
    CHECK_THAT(xmp, Catch::Contains("A &lt; B &amp;&amp; C &gt; D"));
    CHECK_THAT(xmp, Catch::Contains("<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>"));
    CHECK_THAT(xmp, Catch::Contains("<pdfaid:part>1</pdfaid:part>"));
    CHECK_THAT(xmp, Catch::Contains("<pdfaid:conformance>B</pdfaid:conformance>"));  // the default level
    CHECK_THAT(xmp, Catch::Contains("<pdf:Producer>Haru Free PDF Library 2.3.0</pdf:Producer>"));
    CHECK(count(raw, "/Producer (Haru Free PDF Library 2.3.0)") == 1);

    // Dates from meta.date, the same in Info and XMP.
    CHECK_THAT(xmp, Catch::Contains("<xmp:CreateDate>2024-12-10T00:00:00</xmp:CreateDate>"));
    CHECK_THAT(xmp, Catch::Contains("<xmp:ModifyDate>2024-12-10T00:00:00</xmp:ModifyDate>"));
    CHECK(count(raw, "/CreationDate (D:20241210000000)") == 1);
    CHECK(count(raw, "/ModDate (D:20241210000000)") == 1);

    // poppler reads the packet back, without the "Unknown Metadata type"
    // warning libharu's /SubType gave.
    const auto meta = pdf_test::run_tool("pdfinfo -meta", {written("xmp.pdf", raw)});
    CHECK(meta.exit_code == 0);
    CHECK(meta.err.empty());
    CHECK_THAT(meta.out, Catch::Contains("<pdfaid:part>1</pdfaid:part>"));
    const auto info = pdf_test::run_tool("pdfinfo", {written("xmp.pdf", raw)});
    CHECK_THAT(info.out, Catch::Contains("Author:          Social- förvaltningen & <Stadsledning>\n"));
}

TEST_CASE("without a date or a title the XMP has neither", "[pdfa]") {
    auto document = pdf_test::two_page_report();
    document.meta.date.clear();
    document.meta.title.clear();
    const std::string raw = raw_pdf(document);
    const std::string xmp = xmp_of(raw);
    CHECK(count(xmp, "xmp:CreateDate") == 0);
    CHECK(count(xmp, "dc:title") == 0);
    CHECK(count(raw, "/CreationDate") == 0);
    CHECK(count(raw, "/ModDate") == 0);
    const auto info = pdf_test::run_tool("pdfinfo", {written("no-title.pdf", raw)});
    CHECK_THAT(info.out, !Catch::Contains("Title:") && Catch::Contains("Author:"));
    CHECK(count(xmp, "<dc:creator>") == 1);
}

TEST_CASE("each CIDSet lists the characters the subset holds", "[pdfa]") {
    const std::string raw = raw_pdf(pdf_test::two_page_report());
    CHECK(count(raw, "/CIDSet ") == 4);  // one per embedded font
    // Sans Bold draws only the headings.
    const auto cids = cid_set_of(raw, "HPDFAD\\+LiberationSans-Bold,Bold");
    CHECK(cids.count(0) == 1);  // .notdef
    for (char32_t c : std::u32string(U"1 Ärenden2 Beslut2.1 Östermalms ansökan")) {
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        CHECK(cids.count(static_cast<unsigned>(c)) == 1);
    }
    // Letters drawn in no face of the sample (but in other faces' subsets).
    for (char32_t c : std::u32string(U"QZxqjwÅ€–")) {
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        CHECK(cids.count(static_cast<unsigned>(c)) == 0);
    }
    // The regular serif face draws the en dash; the bold sans does not.
    CHECK(cid_set_of(raw, "HPDFAA\\+LiberationSerif").count(0x2013) == 1);
    // Composite accented letters bring their base letters along ("Ä" keeps
    // "A"), and nothing else: the set stays near the 19 characters drawn.
    CHECK(cids.size() < 19 + 8);
}

TEST_CASE("font descriptors carry CapHeight in both modes and CIDSet only for PDF/A", "[pdfa]") {
    pdf::WriteOptions none;
    none.archival = pdf::Archival::None;
    const std::string plain = raw_pdf(pdf_test::two_page_report(), none);
    const std::string archival = raw_pdf(pdf_test::two_page_report());
    // Cap height of Liberation Serif: 1341 units of 2048, truncated.
    CHECK(count(plain, "/CapHeight 654\n") == 2);  // Serif regular and italic
    CHECK(count(archival, "/CapHeight 654\n") == 2);
    CHECK(count(plain, "/CapHeight ") == 4);
    CHECK(count(plain, "/CIDSet") == 0);
    // The descriptor is built once per font, not again when saving.
    CHECK(count(archival, "/Type /FontDescriptor") == 4);
    CHECK(count(archival, "/FontFile2 ") == 4);
}

TEST_CASE("the sRGB output intent embeds icc-profiles-free's ICC v2 profile", "[pdfa]") {
    const std::string profile = pdf_test::read_text(pdf::kSrgbProfile);
    REQUIRE(profile.size() > 128);
    // ICC.1 §7.2.4: byte 8 is the major version. PDF/A-1 needs version 2.
    CHECK(static_cast<int>(profile[8]) == 2);
    CHECK(profile.substr(36, 4) == "acsp");

    const std::string raw = raw_pdf(pdf_test::two_page_report());
    CHECK(count(raw, "/OutputIntents [ <<\n/Type /OutputIntent\n/S /GTS_PDFA1\n") == 1);
    CHECK(count(raw, "/OutputConditionIdentifier (sRGB IEC61966-2.1)") == 1);
    std::smatch reference;
    // One space after the key: libharu's own function writes two.
    REQUIRE(std::regex_search(raw, reference, std::regex(R"(/DestOutputProfile (\d+) 0 R)")));
    CHECK_THAT(object(raw, reference[1]), Catch::Contains("/N 3"));
    CHECK(stream_data(raw, reference[1]) == profile);
}

TEST_CASE("a colour profile that cannot be read is a pdf::Error naming it", "[pdfa]") {
    pdf::WriteOptions options;
    options.output_profile = "/nonexistent/sRGB.icc";
    CHECK_THROWS_WITH(pdf::render(pdf_test::two_page_report(), pdf::FontFiles::liberation(), options),
                      Catch::Contains("/nonexistent/sRGB.icc"));
    // Plain PDF never reads it.
    options.archival = pdf::Archival::None;
    CHECK_NOTHROW(pdf::render(pdf_test::two_page_report(), pdf::FontFiles::liberation(), options));
}

TEST_CASE("the file identifier is two copies of a digest of the content", "[pdfa]") {
    auto id_of = [](const std::string& raw) {
        std::smatch id;
        REQUIRE(std::regex_search(raw, id, std::regex(R"(/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \])")));
        CHECK(id[1] == id[2]);
        return std::string(id[1]);
    };
    auto document = pdf_test::two_page_report();
    const std::string first = id_of(raw_pdf(document));
    CHECK(first == id_of(raw_pdf(document)));
    // One letter of the text, one hundredth of a point, one flag: another ID.
    document.pages[1].items[2] =
        pdf_test::text(72, 160, FontId::SerifRegular, 11, "Nämnden beslutar att bevilja medel!");
    const std::string text_changed = id_of(raw_pdf(document));
    CHECK(text_changed != first);
    std::get<layout::Rule>(document.pages[0].items[2].content).y1 += 0.01;
    CHECK(id_of(raw_pdf(document)) != text_changed);
    pdf::WriteOptions none;
    none.archival = pdf::Archival::None;
    CHECK(id_of(raw_pdf(pdf_test::two_page_report(), none)) != first);
}

TEST_CASE("plain PDF when the archival level is None", "[pdfa]") {
    pdf::WriteOptions none;
    none.archival = pdf::Archival::None;
    const std::string raw = raw_pdf(pdf_test::two_page_report(), none);
    CHECK_THAT(raw, Catch::StartsWith("%PDF-1.3\n"));
    CHECK(count(raw, "/Metadata") == 0);
    CHECK(count(raw, "/OutputIntents") == 0);
    CHECK(count(raw, "/ID [") == 1);
    CHECK_THAT(raw_pdf(pdf_test::two_page_report()), Catch::StartsWith("%PDF-1.4\n"));
}

TEST_CASE("nothing transparent, every font embedded", "[pdfa]") {
    // ISO 19005-1 §6.4: no soft masks, no blend modes, no constant alpha.
    const std::string raw = raw_pdf(all_faces());
    for (const char* key : {"/SMask", "/BM ", "/CA ", "/ca ", "/Group", "/ExtGState"}) {
        INFO(key);
        CHECK(count(raw, key) == 0);
    }
    const auto fonts = pdf_test::run_tool("pdffonts", {written("pdfa-faces.pdf", raw)});
    const std::regex embedded_subset(R"(HPDFA[A-Z]\+\S+ +CID TrueType +Identity-H +yes yes yes )");
    const auto rows = std::distance(std::sregex_iterator(fonts.out.begin(), fonts.out.end(), embedded_subset),
                                    std::sregex_iterator());
    CHECK(rows == layout::kFontCount);
    CHECK(count(fonts.out, "\n") == 2 + layout::kFontCount);
}
