#pragma once
// Text bound for an XML-based output (HTML, the parts of an xlsx workbook).
#include <string>
#include <string_view>

namespace core {

// `text` with only characters that XML 1.0 §2.2 allows (Char) and that HTML
// does not call a parse error: C0 controls other than TAB, LF and CR, DEL,
// the C1 controls and U+FFFE/U+FFFF are dropped, and bytes that are not
// well-formed UTF-8 become U+FFFD. Ingest already rejects all of these in
// data (ingest/text_checks.hpp); this is the writers' own guarantee, for
// whatever else reaches them (templates, messages, future inputs).
std::string xml_chars(std::string_view text);

}  // namespace core
