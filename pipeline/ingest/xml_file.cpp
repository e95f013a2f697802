#include "ingest/xml_file.hpp"

#include <algorithm>
#include <cstring>

#include "ingest/file_access.hpp"
#include "ingest/text_decoding.hpp"
#include "ingest/values.hpp"
#include "ingest/text_checks.hpp"
#include "core/messages.hpp"

namespace ingest {

LineIndex::LineIndex(std::string text) : text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

core::SourceLocation LineIndex::locate(const std::string& file, std::ptrdiff_t offset) const {
    if (offset < 0) return {file, 0, 0};
    const auto at = std::min(static_cast<std::size_t>(offset), text_.size());
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), at);
    const auto line = static_cast<int>(next - line_starts_.begin());
    const std::size_t start = *(next - 1);
    int column = 1;  // count code points: UTF-8 continuation bytes do not start one
    for (std::size_t i = start; i < at; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {file, line, column};
}

std::size_t LineIndex::line_start(int line) const {
    if (line < 1) return 0;
    if (static_cast<std::size_t>(line) > line_starts_.size()) return text_.size();
    return line_starts_[static_cast<std::size_t>(line) - 1];
}

std::string text_content(const pugi::xml_node& node) {
    std::string text;
    for (const auto& child : node.children())
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    return text;
}

std::optional<XmlFile> XmlFile::load(const std::string& path, core::Diagnostics& diagnostics, XmlSchema schema) {
    const auto bytes = read_file(path, diagnostics);
    if (!bytes) return std::nullopt;
    return parse(*bytes, path, diagnostics, schema);
}

std::optional<XmlFile> XmlFile::parse(std::string_view bytes, const std::string& path, core::Diagnostics& diagnostics,
                                      XmlSchema schema) {
    // Decode first so that Windows-1252 exports and BOMs are handled the same
    // way for XML as for CSV; the XML declaration's encoding is then moot.
    auto decoded = decode_text(bytes, path, diagnostics);
    if (!decoded.ok) return std::nullopt;

    XmlFile file;
    file.file_ = path;
    file.document_ = std::make_unique<pugi::xml_document>();
    // parse_doctype keeps a DOCTYPE as a node, so that it can be refused.
    const auto result = file.document_->load_buffer(decoded.utf8.data(), decoded.utf8.size(),
                                                    pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    file.index_ = std::make_unique<LineIndex>(decoded.utf8);
    if (!result) {
        diagnostics.error(file.index_->locate(path, result.offset),
                          core::tr("the XML is not well-formed: {1}", result.description()));
        return std::nullopt;
    }
    // XML 1.0 resolves an entity reference other than the five predefined
    // ones only through a DTD. The formats have none (docs/formats.md), and
    // a DTD could define entities that expand without bound or name files
    // and URLs to read in: a DOCTYPE is refused before anything reads it.
    for (const auto& node : file.document_->children()) {
        if (node.type() != pugi::node_doctype) continue;
        // pugixml's offset is that of the DOCTYPE's content; its '<' is before.
        auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
        const auto start = decoded.utf8.rfind("<!DOCTYPE", offset);
        if (start != std::string::npos) offset = start;
        diagnostics.error(file.index_->locate(path, static_cast<std::ptrdiff_t>(offset)),
                          core::tr("a DOCTYPE is not allowed: the format has no DTD, so its entities and the files it "
                                   "names are not read (use the characters themselves or &#160;-style references)"));
        return std::nullopt;
    }
    if (!file.document_->document_element()) {
        diagnostics.error({path, 0, 0}, core::tr("the XML file has no root element"));
        return std::nullopt;
    }
    // libxml2 reads the same decoded text: it is strict where pugixml is
    // lenient (an undefined entity such as &nbsp;, a repeated attribute, an
    // unbound namespace prefix), and checks the schema.
    const auto check = check_xml(decoded.utf8, schema);
    if (!check.well_formed) {
        for (const auto& f : check.findings) {
            if (f.entity.empty()) {
                diagnostics.error({path, f.line, f.column}, core::tr("the XML is not well-formed: {1}", f.message));
                continue;
            }
            // The reference's own column: the first on its line.
            core::SourceLocation where{path, f.line, f.column};
            const auto start = file.index_->line_start(f.line);
            const auto at = decoded.utf8.find("&" + f.entity + ";", start);
            if (f.line > 0 && at != std::string::npos && at < file.index_->line_start(f.line + 1))
                where = file.index_->locate(path, static_cast<std::ptrdiff_t>(at));
            diagnostics.error(where, f.message);
        }
        return std::nullopt;
    }
    file.place_schema_findings(check, schema);
    // Every text and attribute value is checked and made NFC once, here.
    check_xml_text(
        *file.document_, [&](std::ptrdiff_t offset) { return file.index_->locate(path, offset); }, diagnostics);
    return file;
}

// Finds libxml2's element in pugixml's tree by its index in document order:
// both parsed the same text, so the elements are the same, and pugixml gives
// the column of the element's start.
namespace {

pugi::xml_node nth_element(const pugi::xml_node& root, int index) {
    if (index < 0) return {};
    int seen = 0;
    for (auto node = root; node; node = next_in_document_order(node, root))
        if (node.type() == pugi::node_element && seen++ == index) return node;
    return {};
}

pugi::xml_node first_element_child(const pugi::xml_node& node) {
    for (const auto& child : node.children())
        if (child.type() == pugi::node_element) return child;
    return {};
}

}  // namespace

void XmlFile::place_schema_findings(const XmlCheck& check, XmlSchema schema) {
    const std::string prefix = std::string("schemas/") + schema_file(schema) + ": ";
    for (const auto& f : check.findings) {
        // An element inside a text also makes the text's value wrong (empty,
        // or cut); the element is the problem to name.
        const bool follows_element_in_text =
            f.kind != XmlFindingKind::ElementInText && f.element >= 0 &&
            std::any_of(check.findings.begin(), check.findings.end(), [&](const XmlFinding& other) {
                return other.kind == XmlFindingKind::ElementInText && other.element == f.element;
            });
        if (follows_element_in_text) continue;
        core::SourceLocation where{file_, f.line, f.column};
        std::string message = f.message;
        if (const auto node = nth_element(root(), f.element)) {
            where = this->where(node);
            if (f.kind == XmlFindingKind::ElementInText) {
                // Where the element that does not belong is, the same place
                // XmlReader::content reports it.
                if (const auto inner = first_element_child(node)) where = this->where(inner);
            } else if (f.kind == XmlFindingKind::UnexpectedElement) {
                if (const auto before = node.previous_sibling(node.name()))
                    message += core::tr(" Another <{1}> comes before it, at line {2}.", node.name(),
                                        std::to_string(this->where(before).line));
            }
        }
        schema_findings_.push_back({core::Severity::Error, std::move(where), prefix + message});
    }
}

core::SourceLocation XmlFile::where(const pugi::xml_node& node) const {
    return index_->locate(file_, node.offset_debug());
}

core::SourceLocation XmlFile::end_of(const pugi::xml_node& node) const {
    for (auto next = node.next_sibling(); next; next = next.next_sibling())
        if (next.type() == pugi::node_element) return where(next);
    return {file_, 0, 0};
}

std::string XmlReader::content(const pugi::xml_node& node) {
    for (const auto& child : node.children())
        if (child.type() == pugi::node_element)
            diagnostics_.error(
                where(child),
                core::tr("<{1}> holds text only; the element <{2}> inside it is not allowed (its text would be lost)",
                         node.name(), child.name()));
    return text_content(node);
}

void XmlReader::report_schema_findings() {
    std::vector<int> lines;  // where the reader reported an error in this file
    const auto& items = diagnostics_.items();
    for (std::size_t i = first_; i < items.size(); ++i)
        if (items[i].severity == core::Severity::Error && items[i].where.file == file_.file() &&
            items[i].where.line > 0)
            lines.push_back(items[i].where.line);
    for (const auto& finding : file_.schema_findings())
        if (std::find(lines.begin(), lines.end(), finding.where.line) == lines.end()) diagnostics_.add(finding);
}

std::string XmlReader::text(const pugi::xml_node& parent, const char* child, bool required) {
    const auto node = parent.child(child);
    std::string value = normalize_space(content(node));
    if (value.empty() && required) {
        diagnostics_.error(where(node ? node : parent),
                           core::tr("<{1}> needs a non-empty <{2}> element", parent.name(), child));
    }
    return value;
}

std::optional<long long> XmlReader::integer(const pugi::xml_node& parent, const char* child, bool required) {
    const auto node = parent.child(child);
    const std::string value = text(parent, child, required);
    if (value.empty()) return std::nullopt;
    const auto amount = parse_amount(value, where(node), diagnostics_, required);
    if (!amount) return std::nullopt;
    return static_cast<long long>(*amount);
}

std::optional<core::Date> XmlReader::date(const pugi::xml_node& parent, const char* child, bool required) {
    const auto node = parent.child(child);
    const std::string value = text(parent, child, required);
    if (value.empty()) return std::nullopt;
    return parse_date(value, where(node), diagnostics_, required);
}

std::optional<core::Date> XmlReader::date_attribute(const pugi::xml_node& node, const char* attribute) {
    const std::string value = normalize_space(node.attribute(attribute).as_string());
    if (value.empty()) {
        diagnostics_.error(where(node), core::tr("<{1}> needs a {2} attribute", node.name(), attribute));
        return std::nullopt;
    }
    return parse_date(value, where(node), diagnostics_, true);
}

void XmlReader::reject_unknown_children(const pugi::xml_node& node, std::initializer_list<const char*> known) {
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const bool ok = std::any_of(known.begin(), known.end(),
                                    [&](const char* name) { return std::string_view(child.name()) == name; });
        if (!ok)
            diagnostics_.error(where(child), core::tr("unknown element <{1}> in <{2}>; its content would be lost",
                                                      child.name(), node.name()));
    }
}

bool XmlReader::check_root(const char* expected_name) {
    const auto root = file_.root();
    if (std::string_view(root.name()) != expected_name) {
        diagnostics_.error(where(root),
                           core::tr("the root element is <{1}>, expected <{2}>", root.name(), expected_name));
        return false;
    }
    const std::string version = root.attribute("schema-version").as_string();
    if (version != "1") {
        diagnostics_.error(
            where(root),
            core::tr("schema-version \"{1}\" is not supported; this fuel reads schema-version \"1\" (docs/formats.md)",
                     version));
        return false;
    }
    return true;
}

}  // namespace ingest
