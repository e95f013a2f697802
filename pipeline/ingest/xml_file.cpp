#include "ingest/xml_file.hpp"

#include <algorithm>

#include "ingest/file_access.hpp"
#include "ingest/text_decoding.hpp"
#include "ingest/values.hpp"

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

std::string text_content(const pugi::xml_node& node) {
    std::string text;
    for (const auto& child : node.children())
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
    return text;
}

std::optional<XmlFile> XmlFile::load(const std::string& path, core::Diagnostics& diagnostics) {
    const auto bytes = read_file(path, diagnostics);
    if (!bytes) return std::nullopt;
    return parse(*bytes, path, diagnostics);
}

std::optional<XmlFile> XmlFile::parse(std::string_view bytes, const std::string& path,
                                      core::Diagnostics& diagnostics) {
    // Decode first so that Windows-1252 exports and BOMs are handled the same
    // way for XML as for CSV; the XML declaration's encoding is then moot.
    auto decoded = decode_text(bytes, path, diagnostics);
    if (!decoded.ok) return std::nullopt;

    XmlFile file;
    file.file_ = path;
    file.document_ = std::make_unique<pugi::xml_document>();
    const auto result = file.document_->load_buffer(decoded.utf8.data(), decoded.utf8.size(),
                                                    pugi::parse_default, pugi::encoding_utf8);
    file.index_ = std::make_unique<LineIndex>(std::move(decoded.utf8));
    if (!result) {
        diagnostics.error(file.index_->locate(path, result.offset),
                          std::string("the XML is not well-formed: ") + result.description());
        return std::nullopt;
    }
    if (!file.document_->document_element()) {
        diagnostics.error({path, 0, 0}, "the XML file has no root element");
        return std::nullopt;
    }
    return file;
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
            diagnostics_.error(where(child), std::string("<") + node.name() + "> holds text only; the element <" +
                                                 child.name() + "> inside it is not allowed (its text would be lost)");
    return text_content(node);
}

std::string XmlReader::text(const pugi::xml_node& parent, const char* child, bool required) {
    const auto node = parent.child(child);
    std::string value = normalize_space(content(node));
    if (value.empty() && required) {
        diagnostics_.error(where(node ? node : parent), std::string("<") + parent.name() +
                                                           "> needs a non-empty <" + child + "> element");
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
        diagnostics_.error(where(node), std::string("<") + node.name() + "> needs a " + attribute + " attribute");
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
            diagnostics_.error(where(child), std::string("unknown element <") + child.name() + "> in <" +
                                                 node.name() + ">; its content would be lost");
    }
}

bool XmlReader::check_root(const char* expected_name) {
    const auto root = file_.root();
    if (std::string_view(root.name()) != expected_name) {
        diagnostics_.error(where(root), std::string("the root element is <") + root.name() + ">, expected <" +
                                            expected_name + ">");
        return false;
    }
    const std::string version = root.attribute("schema-version").as_string();
    if (version != "1") {
        diagnostics_.error(where(root), "schema-version \"" + version + "\" is not supported; this fuel reads " +
                                            "schema-version \"1\" (docs/formats.md)");
        return false;
    }
    return true;
}

}  // namespace ingest
