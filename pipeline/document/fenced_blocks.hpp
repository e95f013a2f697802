#pragma once
// Our own fenced blocks, read from their literal text. Values were escaped
// for Markdown when the data was substituted, so they are unescaped here.
#include <string>

#include "document/node.hpp"

namespace doc {

Letterhead parse_letterhead(const std::string& body);
Signatures parse_signatures(const std::string& body);

}  // namespace doc
