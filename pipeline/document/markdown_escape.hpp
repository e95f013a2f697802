#pragma once
// Data substituted into a Markdown template must print literally and never
// change the document's structure: a title like "Projekt *A* | del 2" or
// "{{x}}" stays text. CommonMark lets any ASCII punctuation be escaped with a
// backslash (CommonMark 0.30, §2.4 "Backslash escapes"), so we escape all of
// it, and fold line breaks (which could end a paragraph or a table row).
#include <string>
#include <string_view>

namespace doc {

std::string escape_markdown(std::string_view text);

// The inverse, for the places where we read the substituted text ourselves
// (front matter and our fenced blocks) rather than through cmark.
std::string unescape_markdown(std::string_view text);

}  // namespace doc
