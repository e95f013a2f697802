#pragma once
// Document-level metadata: the Info dictionary and catalog entries. Internal
// to the PDF stage.
#include <string>

#include "document/node.hpp"
#include "pdf/haru_document.hpp"

namespace pdf {

// Title, Author, Subject (UTF-16BE with BOM, as libharu writes text strings
// when the current encoder is UTF-8), CreationDate from `meta.date` (never
// the clock: the same data must give the same bytes), /Lang and
// /ViewerPreferences << /DisplayDocTitle true >>. Throws pdf::Error for a
// date that is not YYYY-MM-DD or not a day of the calendar.
void write_document_info(HaruDocument& doc, const doc::Metadata& meta);

}  // namespace pdf
