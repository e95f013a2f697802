// Finding the two sections in the doc tree and checking the convention.
#include <algorithm>
#include <variant>

#include "casefields/case_fields.hpp"
#include "document/plain_text.hpp"
#include "core/messages.hpp"

namespace casefields {

namespace {

struct Section {
    const doc::Heading* heading = nullptr;
    std::vector<const doc::Block*> blocks;
};

// Top-level headings only: the sections of a committee document are never
// inside lists.
std::optional<Section> find_section(const doc::Blocks& body, const std::string& title) {
    for (std::size_t i = 0; i < body.size(); ++i) {
        const auto* heading = std::get_if<doc::Heading>(&body[i].node);
        if (!heading || doc::plain_text(heading->content) != title) continue;
        Section section{heading, {}};
        for (std::size_t j = i + 1; j < body.size(); ++j) {
            const auto* next = std::get_if<doc::Heading>(&body[j].node);
            if (next && next->level <= heading->level) break;
            section.blocks.push_back(&body[j]);
        }
        return section;
    }
    return std::nullopt;
}

std::string blocks_text(const doc::Blocks& blocks) {
    std::string text;
    for (const auto& block : blocks)
        if (const auto* p = std::get_if<doc::Paragraph>(&block.node))
            text += (text.empty() ? "" : "\n") + doc::plain_text(p->content, "\n");
    return text;
}

std::vector<std::string> paragraphs(const Section& section) {
    std::vector<std::string> out;
    for (const auto* block : section.blocks)
        if (const auto* p = std::get_if<doc::Paragraph>(&block->node)) out.push_back(doc::plain_text(p->content, "\n"));
    return out;
}

std::vector<DecisionPoint> decision_points(const Section& section) {
    for (const auto* block : section.blocks) {
        const auto* list = std::get_if<doc::List>(&block->node);
        if (!list || !list->ordered) continue;
        std::vector<DecisionPoint> points;
        for (std::size_t i = 0; i < list->items.size(); ++i)
            points.push_back({list->start + static_cast<int>(i), blocks_text(list->items[i])});
        return points;
    }
    return {};
}

std::string diary_number(const doc::Document& document) {
    for (const auto& block : document.body)
        if (const auto* l = std::get_if<doc::Letterhead>(&block.node)) return l->diary_number;
    return "";
}

bool is_decision_document(const doc::Document& document) {
    for (const auto& block : document.body)
        if (const auto* l = std::get_if<doc::Letterhead>(&block.node)) return l->document_type == "Tjänsteutlåtande";
    return false;
}

// The template line that names `key` in the front matter, or 1.
int setting_line(const doc::Template& tmpl, const std::string& key) {
    int line = 1;
    for (std::size_t at = 0; at < tmpl.source.size(); ++line) {
        if (tmpl.source.compare(at, key.size() + 1, key + ":") == 0) return line;
        const auto end = tmpl.source.find('\n', at);
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return 1;
}

}  // namespace

std::optional<CaseFields> extract(const doc::Document& document) {
    const auto& meta = document.meta;
    if (meta.summary_section.empty() || meta.decision_section.empty()) return std::nullopt;
    const auto summary = find_section(document.body, meta.summary_section);
    const auto decision = find_section(document.body, meta.decision_section);
    if (!summary || !decision) return std::nullopt;
    CaseFields fields{meta.title,
                      meta.date,
                      diary_number(document),
                      meta.summary_section,
                      paragraphs(*summary),
                      meta.decision_section,
                      decision_points(*decision)};
    if (fields.summary.empty() || fields.decision_points.empty()) return std::nullopt;
    return fields;
}

void check(const doc::Document& document, const doc::Template& tmpl, core::Diagnostics& diagnostics) {
    const auto& meta = document.meta;
    if (meta.summary_section.empty() && meta.decision_section.empty()) {
        if (is_decision_document(document))
            diagnostics.warning(
                {tmpl.path, 1, 1},
                core::tr("a decision document without summary-section and decision-section in its front matter: case "
                         "systems get no summary or decision points (templates/README.md)"));
        return;
    }
    for (const auto& [key, title] :
         {std::pair{"summary-section", meta.summary_section}, std::pair{"decision-section", meta.decision_section}}) {
        const core::SourceLocation where{tmpl.path, setting_line(tmpl, key), 1};
        if (title.empty()) {
            diagnostics.error(where, core::tr("{1} is missing: case systems need both sections", std::string(key)));
            continue;
        }
        const auto section = find_section(document.body, title);
        if (!section)
            diagnostics.error(where, core::tr("{1} names the heading \"{2}\", which the document does not have",
                                              std::string(key), title));
        else if (const bool summary = key == std::string("summary-section");
                 summary ? paragraphs(*section).empty() : decision_points(*section).empty())
            diagnostics.error(where, summary ? core::tr("{1} \"{2}\" has no paragraph", std::string(key), title)
                                             : core::tr("{1} \"{2}\" has no numbered list", std::string(key), title));
    }
}

}  // namespace casefields
