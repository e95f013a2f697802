#pragma once
// A parsed XML input file with positions. pugixml reports byte offsets only,
// so line and column are computed here (docs/libraries.md §6). Internal to
// ingest: no pugixml type leaves this stage.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "ingest/xml_schema.hpp"

namespace ingest {

// Maps byte offsets of a text to 1-based line and column (in code points).
class LineIndex {
public:
    explicit LineIndex(std::string text);
    core::SourceLocation locate(const std::string& file, std::ptrdiff_t offset) const;
    // The offset where 1-based `line` starts (the end of the text past the last).
    std::size_t line_start(int line) const;

private:
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

// The whole text content of an element: every PCDATA and CDATA child in
// order, comments skipped (pugixml's text() reads the first PCDATA only).
std::string text_content(const pugi::xml_node& node);

class XmlFile {
public:
    // Reads and parses `path`; nullopt (with diagnostics) when the file is
    // unreadable or not well-formed. A DOCTYPE is an error: the formats have
    // no DTD, so no entity is ever defined, expanded or fetched. With a
    // schema, libxml2 also checks the file against it (xml_schema.hpp); its
    // findings wait in schema_findings() for XmlReader::report_schema_findings.
    static std::optional<XmlFile> load(const std::string& path, core::Diagnostics& diagnostics,
                                       XmlSchema schema = XmlSchema::None);
    // The same for a file's bytes, reported under `name`.
    static std::optional<XmlFile> parse(std::string_view bytes, const std::string& name, core::Diagnostics& diagnostics,
                                        XmlSchema schema = XmlSchema::None);

    const pugi::xml_node root() const { return document_->document_element(); }
    core::SourceLocation where(const pugi::xml_node& node) const;
    // Where the element after `node` begins (the next sibling element), or
    // line 0 when none follows: the end of what belongs to `node`.
    core::SourceLocation end_of(const pugi::xml_node& node) const;
    const std::string& file() const { return file_; }
    // The schema's findings, each placed at its element.
    const std::vector<core::Diagnostic>& schema_findings() const { return schema_findings_; }

private:
    void place_schema_findings(const XmlCheck& check, XmlSchema schema);

    std::string file_;
    std::unique_ptr<pugi::xml_document> document_;
    std::unique_ptr<LineIndex> index_;
    std::vector<core::Diagnostic> schema_findings_;
};

// Small accessors that report what is missing, with the element's position.
class XmlReader {
public:
    XmlReader(const XmlFile& file, core::Diagnostics& diagnostics)
        : file_(file), diagnostics_(diagnostics), first_(diagnostics.items().size()) {}

    // The whole text of an element that holds text only (text_content); an
    // element inside it is an error at that element, as its text would be lost.
    std::string content(const pugi::xml_node& node);
    // Trimmed text of the child element; an error when required and absent or empty.
    std::string text(const pugi::xml_node& parent, const char* child, bool required = true);
    std::optional<long long> integer(const pugi::xml_node& parent, const char* child, bool required = true);
    std::optional<core::Date> date(const pugi::xml_node& parent, const char* child, bool required = true);
    std::optional<core::Date> date_attribute(const pugi::xml_node& node, const char* attribute);
    // Errors for child elements that the format does not know (a typo in an
    // element name would otherwise lose its data silently).
    void reject_unknown_children(const pugi::xml_node& node, std::initializer_list<const char*> known);
    // Checks the root element's name and schema-version="1".
    bool check_root(const char* expected_name);

    core::SourceLocation where(const pugi::xml_node& node) const { return file_.where(node); }
    core::Diagnostics& diagnostics() { return diagnostics_; }

    // Adds the file's schema findings, after the reader's own checks: a
    // finding on a line where the reader already reported an error is the
    // same problem told twice (a missing element, an unknown one, a value
    // that is not an amount), so only the reader's message, written for the
    // people who fix the file, is kept.
    void report_schema_findings();

private:
    const XmlFile& file_;
    core::Diagnostics& diagnostics_;
    std::size_t first_;  // the reader's diagnostics begin here
};

}  // namespace ingest
