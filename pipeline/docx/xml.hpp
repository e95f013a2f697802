#pragma once
// Writing WordprocessingML by hand. The parts are written once, top to
// bottom, from a tree that is already in reading order, so a string builder
// with one escaping function is all that is needed: a DOM (pugixml) would
// only add a copy of the document and a dependency edge to this stage.
#include <string>

namespace docx {

// Text for element content or a double-quoted attribute: & < > " escaped,
// and only XML 1.0 characters (core::xml_chars), since a control character
// makes the whole part unreadable to Word.
std::string escape(const std::string& text);

// The XML declaration every part starts with (standalone, as Word writes it).
inline constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// The namespaces of the main document, header, footnote and chart parts.
inline constexpr const char* kWordNamespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"";

// Points to the units of WordprocessingML: twentieths of a point (twips),
// half-points (font sizes) and eighths of a point (border widths).
inline long twips(double points) { return static_cast<long>(points * 20 + 0.5); }
inline int half_points(double points) { return static_cast<int>(points * 2 + 0.5); }
inline int eighths(double points) { return static_cast<int>(points * 8 + 0.5); }

}  // namespace docx
