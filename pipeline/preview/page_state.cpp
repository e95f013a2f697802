#include <sys/stat.h>

#include "core/diagnostics_json.hpp"
#include "core/messages.hpp"
#include "preview/page.hpp"

namespace preview {

namespace {

// Changes whenever the file is replaced (a build publishes new files under
// new inodes, job/publish.hpp) or rewritten.
std::string file_version(const std::string& path) {
    struct stat about {};
    if (stat(path.c_str(), &about) != 0) return "0";
    return std::to_string(about.st_ino) + "-" + std::to_string(about.st_size) + "-" +
           std::to_string(about.st_mtim.tv_sec) + "." + std::to_string(about.st_mtim.tv_nsec);
}

std::string status_text(const Snapshot& snapshot) {
    if (snapshot.generation == 0) return core::tr("Waiting for the first build…");
    char milliseconds[32];
    std::snprintf(milliseconds, sizeof milliseconds, "%.0f", snapshot.build_milliseconds);
    return core::tr("Built {1} in {2} ms; {3} of {4} documents made again.", snapshot.built_at, milliseconds,
                    std::to_string(snapshot.rebuilt), std::to_string(snapshot.documents.size()));
}

}  // namespace

std::string state_json(const Snapshot& snapshot) {
    using core::json_string;
    std::string json = "{\"generation\": " + std::to_string(snapshot.generation);
    json += ", \"dataset\": " + json_string(snapshot.dataset);
    json += ", \"input_errors\": " + std::string(snapshot.input_errors ? "true" : "false");
    json += ", \"failure\": " + json_string(snapshot.failure);
    json += ", \"status\": " + json_string(status_text(snapshot));
    json += ", \"archive_note\": " +
            json_string(snapshot.committee_state.empty()
                            ? std::string()
                            : core::tr("The committee has these documents ({1}): they are kept in the archive, and "
                                       "the pages here show what the templates make now.",
                                       snapshot.committee_state));
    json += ",\n\"documents\": [";
    for (std::size_t i = 0; i < snapshot.documents.size(); ++i) {
        const auto& d = snapshot.documents[i];
        json += std::string(i ? ",\n" : "\n") + "{\"name\": " + json_string(d.name) +
                ", \"pages\": " + std::to_string(d.pages) + ", \"version\": " + json_string(file_version(d.pdf)) + "}";
    }
    json += "],\n\"diagnostics\": [";
    for (std::size_t i = 0; i < snapshot.diagnostics.size(); ++i) {
        const auto& [d, quoted] = snapshot.diagnostics[i];
        json += std::string(i ? ",\n" : "\n") + "{\"file\": " + json_string(d.where.file) +
                ", \"line\": " + std::to_string(d.where.line) + ", \"column\": " + std::to_string(d.where.column) +
                ", \"severity\": " + json_string(core::to_string(d.severity)) +
                ", \"message\": " + json_string(core::visible(d.message)) +
                ", \"quoted\": " + json_string(core::visible(quoted)) + "}";
    }
    json += "]}\n";
    return json;
}

}  // namespace preview
