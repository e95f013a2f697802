#pragma once
// The tables of a document in reading order, each with the name its sheet
// should have (templates/README.md: the bold caption paragraph right above
// it, else the nearest heading above it).
#include <string>
#include <vector>

#include "document/node.hpp"

namespace xlsx {

struct NamedTable {
    const doc::Table* table = nullptr;
    std::string title;
};

std::vector<NamedTable> tables_of(const doc::Document& document);

}  // namespace xlsx
