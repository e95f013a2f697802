// Running text and text blocks of the final-report XML.
#include "ingest/rich_text_reader.hpp"

#include <cstring>

#include "ingest/values.hpp"
#include "core/messages.hpp"

namespace ingest {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Characters are appended with white space collapsed across element
// boundaries: "text <ref/> text" keeps one space on each side of the ref.
void append_text(model::RichText& out, const std::string& raw) {
    std::string text;
    for (char c : raw) {
        if (is_space(c)) {
            if (text.empty() || text.back() != ' ') text += ' ';
        } else {
            text += c;
        }
    }
    if (text.empty()) return;
    if (!out.empty() && out.back().kind == model::RichSpan::Kind::Text) {
        auto& last = out.back().text;
        if (!last.empty() && last.back() == ' ' && text.front() == ' ') text.erase(0, 1);
        last += text;
        return;
    }
    model::RichSpan span;
    span.text = text;
    out.push_back(std::move(span));
}

void trim_ends(model::RichText& text) {
    if (!text.empty() && text.front().kind == model::RichSpan::Kind::Text) {
        auto& t = text.front().text;
        while (!t.empty() && t.front() == ' ') t.erase(0, 1);
    }
    if (!text.empty() && text.back().kind == model::RichSpan::Kind::Text) {
        auto& t = text.back().text;
        while (!t.empty() && t.back() == ' ') t.pop_back();
    }
    std::erase_if(text,
                  [](const model::RichSpan& s) { return s.kind == model::RichSpan::Kind::Text && s.text.empty(); });
}

model::RichSpan read_ref(XmlReader& xml, const pugi::xml_node& node) {
    model::RichSpan span;
    span.kind = model::RichSpan::Kind::Ref;
    span.where = xml.where(node);
    span.project = normalize_space(node.attribute("project").as_string());
    span.to = normalize_space(node.attribute("to").as_string());
    if (span.project.empty())
        xml.diagnostics().error(span.where, core::tr("<ref> needs a project attribute (e.g. project=\"HAL-06\")"));
    return span;
}

}  // namespace

model::RichText read_rich_text(XmlReader& xml, const pugi::xml_node& node, bool notes_allowed) {
    model::RichText out;
    for (const auto& child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            append_text(out, child.value());
        } else if (child.type() != pugi::node_element) {
            continue;
        } else if (std::strcmp(child.name(), "ref") == 0) {
            out.push_back(read_ref(xml, child));
        } else if (std::strcmp(child.name(), "note") == 0 && notes_allowed) {
            model::RichSpan span;
            span.kind = model::RichSpan::Kind::Note;
            span.where = xml.where(child);
            span.note = read_rich_text(xml, child, false);
            if (span.note.empty()) xml.diagnostics().error(span.where, core::tr("<note> is empty"));
            out.push_back(std::move(span));
        } else {
            xml.diagnostics().error(
                xml.where(child),
                notes_allowed
                    ? core::tr("<{1}> is not allowed in running text", child.name())
                    : core::tr("<{1}> is not allowed in running text here (a note cannot hold a note)", child.name()));
        }
    }
    trim_ends(out);
    return out;
}

model::TextBlocks read_text_blocks(XmlReader& xml, const pugi::xml_node& node) {
    model::TextBlocks blocks;
    auto part = [&](const pugi::xml_node& n) {
        auto text = read_rich_text(xml, n);
        if (text.empty()) xml.diagnostics().error(xml.where(n), core::tr("<{1}> is empty", n.name()));
        return text;
    };
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string name = child.name();
        model::TextBlock block;
        if (name == "p") {
            block.parts.push_back(part(child));
        } else if (name == "quote") {
            block.kind = model::TextBlockKind::Quote;
            xml.reject_unknown_children(child, {"p"});
            for (const auto& p : child.children("p")) block.parts.push_back(part(p));
        } else if (name == "list") {
            const std::string kind = child.attribute("kind").as_string("bullet");
            if (kind != "bullet" && kind != "numbered")
                xml.diagnostics().error(xml.where(child),
                                        core::tr("list kind \"{1}\" is neither bullet nor numbered", kind));
            block.kind = kind == "numbered" ? model::TextBlockKind::NumberedList : model::TextBlockKind::BulletList;
            xml.reject_unknown_children(child, {"item"});
            for (const auto& item : child.children("item")) block.parts.push_back(part(item));
        } else {
            continue;
        }
        blocks.push_back(std::move(block));
    }
    return blocks;
}

}  // namespace ingest
