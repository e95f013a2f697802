#pragma once
// The zip container of an OOXML package (ECMA-376 Part 2, Open Packaging
// Conventions).
#include <string>
#include <utility>
#include <vector>

namespace docx {

// A part: its name in the package ("word/document.xml") and its bytes.
using Part = std::pair<std::string, std::string>;

// The parts zipped, with the entries of their folders, in name order (Poco
// keeps its directory sorted; "[Content_Types].xml" sorts first, where Word
// puts it), every entry stamped 1980-01-01 00:00, the zip epoch, so that the
// same parts give the same bytes.
std::string zip_package(const std::vector<Part>& parts);

}  // namespace docx
