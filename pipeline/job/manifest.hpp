#pragma once
// The record of a dataset's last good build, OUT/<dataset>/.fuel-build. It
// lives inside the dataset's folder so that it is published with the
// documents it describes, in the same rename (publish.hpp).
//
// Text, one record a line, fields separated by tabs, with \t \n \\ escaped:
//   fuel-build 2
//   generator  <program>
//   inputs     <digest of the dataset's files>
//   template   <the round's template folder>
//   built-at   <seconds since the epoch>
//   folder     <a template folder the build read>   (content_keys.hpp)
//   sources    <digest of everything the documents were made from>
//   document   <name> <key> <pages> <built-at>
//   companion  <document name> <file name>   (a file written beside its PDF)
//   file       <file name> <digest>           (every published file's bytes)
//   diagnostic <severity> <file> <line> <column> <message>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace job {

inline constexpr const char* kManifestFile = ".fuel-build";

struct ManifestDocument {
    std::string name;
    std::string key;  // content_keys.hpp; empty when built without a digest
    int pages = 0;
    std::int64_t built_at = 0;
    // The files written beside <name>.pdf (<name>.html, ...), by file name.
    std::vector<std::string> companions;
};

struct Manifest {
    std::string generator;
    std::string inputs;
    std::string template_name;
    std::int64_t built_at = 0;
    // Every template folder the build read (the round's, its letters', its
    // evaluation's), and sources_key() over them: equal keys mean a build
    // now would make the same documents, letters included, so it can stop
    // before reading anything. Empty after a build of one document
    // (Spec::only_document), whose other documents may be stale.
    std::vector<std::string> template_folders;
    std::string sources;
    std::vector<ManifestDocument> documents;
    std::vector<core::Diagnostic> diagnostics;  // warnings and notes of that build
    // The digest of every file published with this record (but the record
    // itself), by file name: a file changed or damaged after publishing is
    // noticed by the next build. Empty when built without a digest.
    std::map<std::string, std::string> digests;

    const ManifestDocument* find(const std::string& name) const;
};

std::string format_manifest(const Manifest& manifest);
// nullopt when the text is not a manifest of this version (then the
// dataset is simply rebuilt).
std::optional<Manifest> parse_manifest(const std::string& text);

// The manifest in `dataset_out`, if it has a readable one.
std::optional<Manifest> read_manifest(const std::string& dataset_out);

}  // namespace job
