#pragma once
#include <string>
#include <string_view>

namespace html {

// Text content: & < > escaped (HTML 5 §13.1.2.6, the characters that would
// start markup); only XML 1.0 characters kept (core::xml_chars: controls
// other than tab and line feed, U+FFFE and U+FFFF dropped, as they are parse
// errors in HTML and no document text means them; bytes that are not UTF-8
// become U+FFFD), so that the page is also well-formed XML. Quotes
// are escaped too, so the same function is safe inside a quoted attribute.
std::string escape(std::string_view text);

}  // namespace html
