#pragma once
// Our own fenced blocks, read from their literal text. Values were escaped
// for Markdown when the data was substituted, so they are unescaped here.
#include <string>

#include "document/node.hpp"

namespace doc {

Letterhead parse_letterhead(const std::string& body);
Signatures parse_signatures(const std::string& body);
// "levels: 2-3" (or "levels: 2"); without it, `first_level` and the one
// below. `error` is set when the value is not a level range within 1-6.
TableOfContents parse_contents(const std::string& body, int first_level, std::string& error);

}  // namespace doc
