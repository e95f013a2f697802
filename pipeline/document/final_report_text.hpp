#pragma once
// Running text of a final report -> Markdown: characters escaped, <ref> as
// links to the numbered section ("[2.1.1](#projekt-hal-01)"), <note> as a
// Markdown footnote reference ("[^3]") whose text is collected for the
// template to write as the footnote's definition.
#include <string>
#include <utility>
#include <vector>

#include "model/final_report_summary.hpp"

namespace doc {

class FinalReportText {
public:
    explicit FinalReportText(const model::FinalReportSummary& summary) : summary_(summary) {}

    // Notes are numbered through the document in the order they are written.
    std::string inline_md(const model::RichText& text);
    // Blocks; `label` (already Markdown, e.g. "**Målgrupp:**") starts the
    // first paragraph.
    std::string blocks_md(const model::TextBlocks& blocks, const std::string& label = "");
    // The first paragraph's Markdown (to follow a label on its line) and
    // the rest; first is "" when the field starts with a quote or a list.
    std::pair<std::string, std::string> split_md(const model::TextBlocks& blocks);
    // Text without notes or links (headings for bookmarks, table cells).
    std::string plain(const model::RichText& text) const;
    // "[2.1.1](#projekt-hal-01)".
    std::string section_link(const std::string& project_id) const;

    struct Note {
        int number = 0;
        std::string text_md;
    };
    // The notes written since the last call, in order.
    std::vector<Note> take_notes();

private:
    const model::FinalReportSummary& summary_;
    int next_note_ = 1;
    std::vector<Note> pending_;
};

}  // namespace doc
