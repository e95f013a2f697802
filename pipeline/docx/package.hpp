#pragma once
// The zip container of an OOXML package (ECMA-376 Part 2, Open Packaging
// Conventions).
#include <string>
#include <utility>
#include <vector>

namespace docx {

// A part: its name in the package ("word/document.xml") and its bytes, in
// one piece or several read one after another (a long main part: its
// pieces are zipped where they are, never joined).
struct Part {
    Part(std::string name, std::string bytes) : name(std::move(name)) { pieces.push_back(std::move(bytes)); }
    Part(std::string name, std::vector<std::string> pieces) : name(std::move(name)), pieces(std::move(pieces)) {}
    std::string name;
    std::vector<std::string> pieces;
};

// The parts zipped, with the entries of their folders, in name order (Poco
// keeps its directory sorted; "[Content_Types].xml" sorts first, where Word
// puts it), every entry stamped 1980-01-01 00:00, the zip epoch, so that the
// same parts give the same bytes.
std::string zip_package(const std::vector<Part>& parts);

}  // namespace docx
