#pragma once
// The files written beside each PDF, from the same document tree (never from
// the PDF): <name>.html (html/), <name>.docx (docx/), and for a decision document its summary and
// decision points as <name>.txt and <name>.json (casefields/), and when it
// has tables <name>.xlsx (xlsx/). Each is written to a temporary name and renamed into
// place, like the PDF, inside the dataset's staging folder, and made durable
// with the rest of that folder when it is published (job::publish); the manifest
// records which files a document has, so that a kept document keeps them
// all and a missing one rebuilds it.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/node.hpp"

namespace job {

// What the companions of a document are made of, in its content key: a
// program that writes other companions never takes another's files as its
// own. Change it whenever a companion is added or changes form.
inline constexpr const char* kCompanionRecipe = "companions 4: html, docx, case fields, xlsx";

// Writes the companions of `document` (output stem `name`) into `folder` and
// returns their file names, in a fixed order. Throws on a write failure.
// `folder` is a staging folder: its files are flushed when it is published.
std::vector<std::string> write_companions(const doc::Document& document, const std::string& name,
                                          const std::string& folder, core::Diagnostics& diagnostics);

// Whether a file is fsync'ed before its rename, or later with its folder.
enum class Flush { Now, WithFolder };

// `bytes` to `path` through a temporary file that is renamed into place;
// flushed first unless the caller flushes the folder later (Flush::WithFolder).
void write_file_atomically(const std::string& path, const std::string& bytes, Flush flush = Flush::Now);
// The same, for a file given in pieces written one after another.
void write_file_atomically(const std::string& path, const std::vector<std::string>& pieces, Flush flush = Flush::Now);

}  // namespace job
