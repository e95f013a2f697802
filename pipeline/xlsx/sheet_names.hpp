#pragma once
// Excel's rules for a sheet name: at most 31 characters, none of [ ] : * ? / \,
// not beginning or ending with an apostrophe, unique in the workbook without
// regard to case, not "History" (reserved), only XML 1.0 characters.
#include <set>
#include <string>
#include <vector>

namespace xlsx {

class SheetNames {
public:
    // A valid, unused name close to `wanted`: forbidden characters become
    // "-", a long name is shortened (an abbreviation for the words it stands
    // for, else cut after a whole word with "…"), a taken one gets " (2)",
    // " (3)" ..., an empty one is "Tabell". A name already taken is first
    // tried with each of `suffixes` (" per förvaltning": what the table's
    // rows are) after the name cut to fit, before it is numbered.
    std::string take(const std::string& wanted, const std::vector<std::string>& suffixes = {});

private:
    std::set<std::string> used_;  // case-folded
};

}  // namespace xlsx
