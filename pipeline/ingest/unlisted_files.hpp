#pragma once
// Nothing is lost without a word: every file fuel finds in a dataset folder
// is either read (round.xml or report.xml lists it) or named in a warning
// (docs/formats.md, "Files in a dataset folder").
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace ingest {

// Warns about each file at the top of `directory`, and in each folder below
// it that a listed file lies in (report.xml's projekt/), that `listed` (the
// listing file itself and the files it names, relative to `directory`) does
// not hold. `listing` names the listing file in the message ("round.xml").
// A README*.md (the dataset's description) and the folder metadata that
// file browsers write (.DS_Store, Thumbs.db, desktop.ini) are no data and
// are passed over silently; every other file, dot-files, lock files and
// backups included, is named.
void warn_unlisted_files(const std::string& directory, const std::vector<std::string>& listed,
                         const std::string& listing, core::Diagnostics& diagnostics);

}  // namespace ingest
