#pragma once
#include <string>
#include <string_view>

namespace html {

// Text content: & < > escaped (HTML 5 §13.1.2.6, the characters that would
// start markup), C0 control characters other than tab and line feed dropped
// (they are parse errors in HTML and no document text means them). Quotes
// are escaped too, so the same function is safe inside a quoted attribute.
std::string escape(std::string_view text);

}  // namespace html
