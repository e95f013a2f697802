#pragma once
// The tables of a document in reading order, each with the name its sheet
// should have (templates/README.md: the bold caption paragraph right above
// it, else the nearest heading above it).
#include <memory>
#include <string>
#include <vector>

#include "document/node.hpp"

namespace xlsx {

// A chart's numbers become a table of their own (chart_table), kept alive
// by `owned`; other tables point into the document.
struct NamedTable {
    const doc::Table* table = nullptr;
    std::string title;
    std::shared_ptr<const doc::Table> owned;
};

// A chart's data as a table: the categories down, one column per series.
doc::Table chart_table(const doc::Chart& chart);

std::vector<NamedTable> tables_of(const doc::Document& document);

}  // namespace xlsx
