#pragma once
// Where a ```chart problem is in the template: the key's line, or the data
// row's, rather than the block's first line. The chart is found in the
// template by its place among the template's ```chart blocks (the n-th
// rendered is the n-th written: a chart is not inside a repeating section in
// fuel's templates; if the counts differ, the rendered place is kept). Its
// keys are on lines of their own; data rows written one a line map one to
// one, and rows that a section makes are placed at the section's line.
#include <string>

#include "core/source_location.hpp"
#include "document/fenced_blocks.hpp"

namespace doc {

// `ordinal`: 0 for the template's first chart. `rendered`: the block's
// place in the rendered text, used when the template cannot place it.
core::SourceLocation chart_problem_place(const std::string& template_source, int ordinal, const ChartProblem& problem,
                                         const core::SourceLocation& rendered);

}  // namespace doc
