#include "document/final_report_text.hpp"

#include "document/markdown_escape.hpp"

namespace doc {

std::string FinalReportText::section_link(const std::string& project_id) const {
    const auto* p = summary_.find(project_id);
    if (!p) return escape_markdown(project_id);  // an error of validation
    return "[" + escape_markdown(p->number) + "](#" + p->anchor + ")";
}

std::string FinalReportText::inline_md(const model::RichText& text) {
    std::string out;
    for (const auto& span : text) {
        switch (span.kind) {
            case model::RichSpan::Kind::Text: out += escape_markdown(span.text); break;
            case model::RichSpan::Kind::Ref:
                out += section_link(span.project);
                if (!span.to.empty()) out += "\u2013" + section_link(span.to);  // en dash range
                break;
            case model::RichSpan::Kind::Note: {
                const int number = next_note_++;
                // A Markdown footnote; its definition is the template's
                // ("[^{{number}}]: {{{text_md}}}", templates/README.md).
                out += "[^" + std::to_string(number) + "]";
                pending_.push_back({number, inline_md(span.note)});
                break;
            }
        }
    }
    return out;
}

std::string FinalReportText::plain(const model::RichText& text) const {
    std::string out;
    for (const auto& span : text) {
        if (span.kind == model::RichSpan::Kind::Text)
            out += span.text;
        else if (span.kind == model::RichSpan::Kind::Ref) {
            const auto* p = summary_.find(span.project);
            out += p ? p->number : span.project;
        }
    }
    return out;
}

std::string FinalReportText::blocks_md(const model::TextBlocks& blocks, const std::string& label) {
    std::string out;
    bool first = true;
    for (const auto& block : blocks) {
        if (first && !label.empty() && block.kind != model::TextBlockKind::Paragraph) {
            out += label + "\n\n";
            first = false;
        }
        for (std::size_t i = 0; i < block.parts.size(); ++i) {
            const auto text = inline_md(block.parts[i]);
            switch (block.kind) {
                case model::TextBlockKind::Paragraph:
                    out += (first && !label.empty() ? label + " " : "") + text + "\n\n";
                    break;
                case model::TextBlockKind::Quote: out += "> " + text + "\n>\n"; break;
                case model::TextBlockKind::BulletList: out += "- " + text + "\n"; break;
                case model::TextBlockKind::NumberedList: out += std::to_string(i + 1) + ". " + text + "\n"; break;
            }
            first = false;
        }
        if (block.kind != model::TextBlockKind::Paragraph) out += "\n";
    }
    if (first && !label.empty()) out = label + "\n\n";
    return out;
}

std::pair<std::string, std::string> FinalReportText::split_md(const model::TextBlocks& blocks) {
    if (blocks.empty() || blocks.front().kind != model::TextBlockKind::Paragraph || blocks.front().parts.empty())
        return {"", blocks_md(blocks)};
    const auto first = inline_md(blocks.front().parts.front());
    return {first, blocks_md(model::TextBlocks(blocks.begin() + 1, blocks.end()))};
}

std::vector<FinalReportText::Note> FinalReportText::take_notes() {
    std::vector<Note> notes;
    notes.swap(pending_);
    return notes;
}

}  // namespace doc
