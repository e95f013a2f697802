#include "pdf/document_info.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cctype>
#include <optional>
#include <string>

#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace pdf {

namespace {

// "2024-12-10" -> {2024, 12, 10}; nullopt for anything else.
std::optional<CalendarDate> parse_iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
            return std::nullopt;
        }
    }
    return CalendarDate{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
}

void set_text(HaruDocument& doc, HPDF_InfoType field, const std::string& value, const char* name) {
    if (value.empty()) {
        return;
    }
    HPDF_SetInfoAttr(doc.get(), field, single_line(value).c_str());
    doc.check(std::string("set the document ") + name);
}

void set_dates(HaruDocument& doc, const doc::Metadata& meta) {
    const auto date = document_date(meta);
    if (!date) {
        return;
    }
    // A calendar date without a time zone: ' ' makes libharu write no zone
    // (ISO 32000-1 §7.9.4 lets the zone be omitted).
    HPDF_Date value{date->year, date->month, date->day, 0, 0, 0, ' ', 0, 0};
    HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, value);
    HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_MOD_DATE, value);
    doc.check("set the document date '" + meta.date + "'");
}

// ISO 32000-1 §14.9.2.1: the natural language of the document, for screen
// readers and hyphenation when reflowing.
void set_catalog_entries(HaruDocument& doc, const std::string& language) {
    HPDF_Doc pdf = doc.get();
    if (!language.empty()) {
        HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, language.c_str(), nullptr));
    }
    // Show the title, not the file name, in the viewer's title bar (§12.2;
    // required by PDF/UA).
    HPDF_Dict preferences = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", preferences);
    doc.check("add /Lang and /ViewerPreferences to the catalog");
}

}  // namespace

std::optional<CalendarDate> document_date(const doc::Metadata& meta) {
    if (meta.date.empty()) {
        return std::nullopt;
    }
    const auto date = parse_iso_date(meta.date);
    if (!date) {
        throw Error(core::tr("document date '{1}' is not an ISO date (YYYY-MM-DD)", meta.date));
    }
    return date;
}

std::string within_string_limit(const std::string& value) {
    // HPDF_LIMIT_MAX_STRING_LEN (hpdf_consts.h): libharu refuses a longer
    // string with an error, which would fail the whole build.
    constexpr std::size_t kMaxBytes = 65535;
    if (value.size() <= kMaxBytes) return value;
    std::size_t end = kMaxBytes;
    while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;  // not inside a character
    return value.substr(0, end);
}

std::string single_line(const std::string& value) {
    std::string line = within_string_limit(value);
    for (char& c : line) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            c = ' ';
        }
    }
    return line;
}

void write_document_info(HaruDocument& doc, const doc::Metadata& meta) {
    set_text(doc, HPDF_INFO_TITLE, meta.title, "title");
    set_text(doc, HPDF_INFO_AUTHOR, meta.author, "author");
    set_text(doc, HPDF_INFO_SUBJECT, meta.subject, "subject");
    set_dates(doc, meta);
    set_catalog_entries(doc, meta.language);
}

}  // namespace pdf
