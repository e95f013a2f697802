#include "pdf/xmp_metadata.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstdio>
#include <string>

#include "pdf/document_info.hpp"

namespace pdf {

namespace {

// XML 1.0 §2.4: '<' and '&' must be escaped in character data, and '>'
// after "]]". Escaping '>' always, and the quotes, keeps the rule simple.
std::string xml_escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

// XMP Part 1 §8.2.1.1 (Date): the same instant as the Info dictionary's
// "D:YYYYMMDD000000", with no time zone on either side.
std::string xmp_date(const CalendarDate& date) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT00:00:00", date.year, date.month, date.day);
    return text;
}

// A language alternative with only the default entry (XMP Part 1 §8.2.2.4).
std::string alternative(const char* property, const std::string& value) {
    return std::string("   <") + property + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
           xml_escaped(single_line(value)) + "</rdf:li></rdf:Alt></" + property + ">\n";
}

std::string simple(const char* property, const std::string& value) {
    return std::string("   <") + property + ">" + xml_escaped(single_line(value)) + "</" + property + ">\n";
}

std::string dublin_core(const doc::Metadata& meta) {
    std::string out =
        "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "   <dc:format>application/pdf</dc:format>\n";
    if (!meta.title.empty()) {
        out += alternative("dc:title", meta.title);
    }
    if (!meta.author.empty()) {
        // The Info /Author is one text string: one entry of the sequence.
        out += "   <dc:creator><rdf:Seq><rdf:li>" + xml_escaped(single_line(meta.author)) +
               "</rdf:li></rdf:Seq></dc:creator>\n";
    }
    if (!meta.subject.empty()) {
        out += alternative("dc:description", meta.subject);
    }
    if (!meta.language.empty()) {
        out += "   <dc:language><rdf:Bag><rdf:li>" + xml_escaped(single_line(meta.language)) +
               "</rdf:li></rdf:Bag></dc:language>\n";
    }
    return out + "  </rdf:Description>\n";
}

std::string basic_and_pdf(const doc::Metadata& meta, const std::string& producer) {
    std::string out =
        "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    if (const auto date = document_date(meta)) {
        out += simple("xmp:CreateDate", xmp_date(*date));
        out += simple("xmp:ModifyDate", xmp_date(*date));
    }
    if (!producer.empty()) {
        out += simple("pdf:Producer", producer);
    }
    return out + "  </rdf:Description>\n";
}

}  // namespace

std::string xmp_packet(const doc::Metadata& meta, const std::string& producer, char conformance) {
    // XMP Part 1 §7.3.2: the packet wrapper; "\xEF\xBB\xBF" is the byte
    // order mark that begin= must hold for UTF-8. ISO 19005-1 §6.7.5 forbids
    // the bytes and encoding attributes.
    return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
           dublin_core(meta) + basic_and_pdf(meta, producer) +
           "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
           "   <pdfaid:part>1</pdfaid:part>\n"
           "   <pdfaid:conformance>" +
           std::string(1, conformance) +
           "</pdfaid:conformance>\n"
           "  </rdf:Description>\n"
           " </rdf:RDF>\n"
           "</x:xmpmeta>\n"
           "<?xpacket end=\"r\"?>";
}

void add_xmp_metadata(HaruDocument& doc, const doc::Metadata& meta, char conformance) {
    HPDF_Doc pdf = doc.get();
    const char* producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
    const std::string packet = xmp_packet(meta, producer != nullptr ? producer : "", conformance);
    HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    doc.check("create the XMP metadata stream");
    HPDF_Dict_AddName(stream, "Type", "Metadata");
    HPDF_Dict_AddName(stream, "Subtype", "XML");
    stream->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                      static_cast<HPDF_UINT>(packet.size()));
    HPDF_Dict_Add(pdf->catalog, "Metadata", stream);
    doc.check("add the XMP metadata to the catalog");
}

}  // namespace pdf
