#pragma once
// Every string read from an input file passes here once, as it is read: the
// CSV reader checks each field, XmlFile each text node and attribute. After
// this step a string is NFC and holds no character that an output format
// cannot carry or that could change how the text is seen. The rules, and
// which are errors and which warnings, are in docs/formats.md, "Text in
// every field".
#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "core/diagnostics.hpp"
#include "core/source_location.hpp"

namespace ingest {

// The longest field, in UTF-16 code units as Excel counts them: 32 767 is
// the most an Excel cell holds (Excel specifications and limits, "Total
// number of characters that a cell can contain"), and any field can reach a
// workbook. It also keeps every string under libharu's 65 535-byte string
// limit (HPDF_LIMIT_MAX_STRING_LEN) in UTF-16 with its byte-order mark.
constexpr std::size_t kMaxFieldUnits = 32'766;

// Checks one field that begins at `where` (its first character) and returns
// it in Unicode Normalization Form C (UAX #15, ICU Normalizer2):
// - errors: a C0 control other than TAB, LF and CR, DEL, a C1 control
//   (U+0080-U+009F), a bidirectional embedding, override or isolate
//   (U+202A-U+202E, U+2066-U+2069), the noncharacters U+FFFE and U+FFFF
//   (not XML 1.0 characters), more than kMaxFieldUnits characters. Each is
//   reported at the character's own line and column, and removed from the
//   result so that no later stage sees it;
// - a warning: text that is not empty but holds only white space and
//   zero-width characters (U+200B-U+200D, U+2060, U+FEFF); the result is
//   then empty, so that a required field is reported as empty.
// Well-formed UTF-8 is expected (decode_text has replaced anything else).
std::string checked_text(std::string_view text, const core::SourceLocation& where, core::Diagnostics& diagnostics);

// The node after `node` in document order below `root`, or an empty node:
// depth first, without recursion, so that a deeply nested file cannot
// exhaust the stack.
inline pugi::xml_node next_in_document_order(pugi::xml_node node, const pugi::xml_node& root) {
    if (node.first_child()) return node.first_child();
    while (node && node != root && !node.next_sibling()) node = node.parent();
    if (!node || node == root) return {};
    return node.next_sibling();
}

// checked_text() for every text node, CDATA section and attribute value
// under `root`, in place. `locate` gives the position of a byte offset of
// the parsed text (pugixml's offset_debug()); attributes are reported at
// their element.
template <class Locate>
void check_xml_text(pugi::xml_node root, const Locate& locate, core::Diagnostics& diagnostics) {
    for (pugi::xml_node node = root; node;) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            const std::string_view value = node.value();
            if (!value.empty()) {
                auto checked = checked_text(value, locate(node.offset_debug()), diagnostics);
                if (checked != value) node.set_value(checked.c_str());
            }
        } else if (node.type() == pugi::node_element) {
            for (pugi::xml_attribute a : node.attributes()) {
                const std::string_view value = a.value();
                if (value.empty()) continue;
                auto checked = checked_text(value, locate(node.offset_debug()), diagnostics);
                if (checked != value) a.set_value(checked.c_str());
            }
        }
        node = next_in_document_order(node, root);
    }
}

}  // namespace ingest
