#include "document/plain_text.hpp"

#include <variant>

namespace doc {

namespace {

// Every alternative by name, no generic fallback: a new inline node is a
// compile error here until it is given its text.
struct InlineText {
    const std::string& line_break;
    std::string operator()(const Text& t) const { return t.text; }
    std::string operator()(const LineBreak&) const { return line_break; }
    std::string operator()(const PageNumber&) const { return ""; }
    std::string operator()(const PageCount&) const { return ""; }
    // Plain text (bookmarks, case fields, spreadsheet cells) leaves notes out.
    std::string operator()(const Footnote&) const { return ""; }
};

bool all_bold(const Inlines& inlines) {
    bool any_text = false;
    for (const auto& inline_node : inlines) {
        const auto* text = std::get_if<Text>(&inline_node);
        if (!text) continue;
        if (!text->style.bold && text->text.find_first_not_of(' ') != std::string::npos) return false;
        any_text = any_text || !text->text.empty();
    }
    return any_text;
}

}  // namespace

std::string plain_text(const Inlines& inlines, const std::string& line_break) {
    std::string out;
    for (const auto& inline_node : inlines) out += std::visit(InlineText{line_break}, inline_node);
    return out;
}

std::string heading_text(const Heading& heading) {
    const auto text = plain_text(heading.content);
    return heading.number.empty() ? text : heading.number + " " + text;
}

const Paragraph* caption_paragraph(const Blocks& body, std::size_t index) {
    if (index + 1 >= body.size() || !std::holds_alternative<Table>(body[index + 1].node)) return nullptr;
    const auto* paragraph = std::get_if<Paragraph>(&body[index].node);
    return paragraph && all_bold(paragraph->content) ? paragraph : nullptr;
}

}  // namespace doc
