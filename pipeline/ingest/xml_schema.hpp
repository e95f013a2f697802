#pragma once
// XSD validation of an XML input against its schema in schemas/ (compiled
// into the program), with libxml2, the only code that sees it. Internal to
// ingest: no libxml2 type leaves xml_schema.cpp.
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

enum class XmlSchema { None, Round, Applications, Report, FollowUpReport, Application };

// The schema's file name under schemas/ ("round.xsd"), for messages.
const char* schema_file(XmlSchema schema);

// What one finding of libxml2 is about, where fuel treats it specially.
enum class XmlFindingKind {
    Other,
    // An element the content model does not allow at this place (unknown,
    // repeated or out of order).
    UnexpectedElement,
    // Element content in an element whose type holds text only.
    ElementInText,
};

struct XmlFinding {
    XmlFindingKind kind = XmlFindingKind::Other;
    int line = 0;    // libxml2's line, 0 when unknown
    int column = 0;  // libxml2's column (parser errors only), 0 when unknown
    // The element the finding is about, as its index among the document's
    // elements in document order (0 the root), or -1: the caller finds it
    // in its own tree of the same text.
    int element = -1;
    // The name of an undefined entity ("nbsp"), so that its reference can
    // be found on the line; libxml2's column is the one after it.
    std::string entity;
    std::string message;
};

struct XmlCheck {
    // False when libxml2 found the text not well-formed (XML 1.0 and
    // namespaces); `findings` then holds those errors and no validation ran.
    bool well_formed = true;
    std::vector<XmlFinding> findings;
};

// Parses `utf8` (the decoded file, UTF-8 whatever its declaration says)
// with no network, no DTD loading, no entity substitution and no XInclude,
// and validates it against `schema`. Nothing is printed. Thread-safe: the
// schemas are parsed once per process and shared read-only.
//
// libxml2 stops checking an element's content at the first child it does not
// expect (at the root: the rest of the file), so such a child is taken out
// and the file validated again, until no new one turns up: each problem is
// found in one run, as the reader's own checks are.
XmlCheck check_xml(std::string_view utf8, XmlSchema schema);

// Parses the compiled-in schemas now; call before starting threads, so that
// libxml2 is initialised on the main thread. check_xml calls it too.
void prepare_xml_schemas();

}  // namespace ingest
