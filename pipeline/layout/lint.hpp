#pragma once
// A layout lint: what a committee secretary looking at every page would
// send back to the typesetter, checked on the laid-out pages and their
// structure. The rules of the layout stage (keeps, table splits, column
// widths) are meant to make these findings impossible; the lint checks that
// they do, on real documents and on stress documents.
#include <string>
#include <vector>

#include "layout/paged_document.hpp"

namespace layout {

enum class LintRule {
    HeadingAtFoot,     // a heading in the last two lines of a page
    ShortTablePart,    // a part of a split table with fewer than three body rows
    ListSplitAtEnd,    // a list of three or more items split one item from an end
    HeaderWordBroken,  // a header cell broken inside a word when the table had room
    LoneSignatures,    // a page whose only content is the signatures
};

struct LintFinding {
    LintRule rule = LintRule::HeadingAtFoot;
    int page = 0;      // 1-based
    std::string text;  // what is meant, in a few words of the page
};

std::string to_string(LintRule rule);
std::string to_string(const LintFinding& finding);

std::vector<LintFinding> lint(const PagedDocument& document);

}  // namespace layout
