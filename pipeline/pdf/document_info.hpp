#pragma once
// Document-level metadata: the Info dictionary and catalog entries. Internal
// to the PDF stage.
#include <optional>
#include <string>

#include "document/node.hpp"
#include "pdf/haru_document.hpp"

namespace pdf {

struct CalendarDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

// The document date from `meta.date` ("2024-12-10"); nullopt when the data
// gives none. Throws pdf::Error for text that is not YYYY-MM-DD. Whether the
// day exists (2025-02-29) is checked by libharu in write_document_info.
std::optional<CalendarDate> document_date(const doc::Metadata& meta);

// `value` cut, at a character boundary, to the 65 535 bytes libharu holds in
// one string. Ingest refuses fields past 32 766 characters, so only text that
// repeats or joins fields gets here; a cut bookmark or metadata entry is
// better than a failed build, and the page itself keeps the whole text.
std::string within_string_limit(const std::string& value);

// A metadata value as one line, within_string_limit(): C0 control characters and DEL become spaces.
// XML 1.0 cannot carry most of them, and PDF/A requires the Info entries and
// the XMP to hold the same text, so both are written from this.
std::string single_line(const std::string& value);

// Title, Author, Subject (UTF-16BE with BOM, as libharu writes text strings
// when the current encoder is UTF-8), CreationDate and ModDate from
// `meta.date` (never the clock: the same data must give the same bytes; one
// date for both, since a record is made once), /Lang and
// /ViewerPreferences << /DisplayDocTitle true >>. Throws pdf::Error for a
// date that is not YYYY-MM-DD or not a day of the calendar.
void write_document_info(HaruDocument& doc, const doc::Metadata& meta);

}  // namespace pdf
