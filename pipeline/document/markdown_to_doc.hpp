#pragma once
// CommonMark with GitHub tables (cmark-gfm) -> doc::Blocks. Our fenced
// blocks (```letterhead, ```signatures, ```pagebreak, ```toc,
// ```chart) become their doc nodes.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/node.hpp"

namespace doc {

// A link to a heading ("#id") as the template wrote it, so that an unknown
// target can be reported at its line once every heading is known.
struct InternalLink {
    std::string id;  // without the '#'
    core::SourceLocation where;
    bool reference = false;  // no text of its own: shows the heading's number
};

// `file` and `first_line` place diagnostics (the rendered text's lines are
// reported relative to the template body). Internal links are appended to
// `options.links` when it is given. A link with no text ("[](#id)") is a
// cross-reference: it is kept as an empty Text with the link, and
// resolve_cross_references (headings.hpp) writes the heading's number in.
// A heading line may end in attributes, as in pandoc: "{#id}" sets its
// anchor, "{-}" or "{.unnumbered}" leaves it unnumbered, "{.unlisted}" out
// of the table of contents.
struct MarkdownOptions {
    // Headings of this level and below are numbered ("1", "1.1", "1.1.1");
    // 0 numbers none (the front matter's `number-headings`).
    int number_headings_from = 0;
    std::vector<InternalLink>* links = nullptr;
    // The template's text, when known: a ```chart problem is then placed at
    // its key's or data row's line in the template (chart_place.hpp).
    const std::string* template_source = nullptr;
    // The text is parsed in parts of about this many bytes (markdown_to_doc.cpp:
    // the same blocks as parsed whole); tests set it small.
    std::size_t part_bytes = 64 * 1024;
};

Blocks markdown_to_blocks(const std::string& markdown, const std::string& file, int first_line,
                          core::Diagnostics& diagnostics, const MarkdownOptions& options = {});

// Inline Markdown (a front-matter value such as the running header) -> inlines.
Inlines markdown_to_inlines(const std::string& markdown);

}  // namespace doc
