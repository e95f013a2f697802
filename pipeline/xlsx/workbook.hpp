#pragma once
// The Excel stage: every table of a document as one workbook (libxlsxwriter;
// the only folder that includes xlsxwriter.h). One sheet per table, named
// after its caption or the nearest heading above it; numbers as numbers with
// Swedish-looking formats; the header row bold and frozen; column widths
// from the content. Deterministic: the workbook's dates are the document's
// date, and libxlsxwriter stamps its zip entries 1980-01-01, so the same
// tree gives the same bytes.
#include <stdexcept>
#include <string>

#include "document/node.hpp"

namespace xlsx {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Whether the document has a table (a workbook without sheets is not written).
bool has_tables(const doc::Document& document);

// Writes the workbook to `path` (the caller renames it into place). Throws
// Error when libxlsxwriter fails.
void write_workbook(const doc::Document& document, const std::string& path);

}  // namespace xlsx
