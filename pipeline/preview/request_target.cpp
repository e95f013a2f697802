#include "preview/request_target.hpp"

#include <tuple>

namespace preview {

bool is_document_name(std::string_view name) {
    if (name.empty() || name.size() > 200) return false;
    for (const char c : name) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::optional<Target> resolve_target(std::string_view uri) {
    const auto query = uri.find_first_of("?#");
    const std::string_view path = uri.substr(0, query);
    // An absolute URI ("http://host/…") or anything not starting with one
    // slash is not one of ours; nor is any '%', '\' or "//".
    if (path.empty() || path[0] != '/') return std::nullopt;
    if (path.find_first_of("%\\") != std::string_view::npos || path.find("//") != std::string_view::npos)
        return std::nullopt;
    if (path == "/") return Target{TargetKind::Page, {}};
    if (path == "/preview.js") return Target{TargetKind::Script, {}};
    if (path == "/preview.css") return Target{TargetKind::Style, {}};
    if (path == "/events") return Target{TargetKind::Events, {}};
    if (path == "/state.json") return Target{TargetKind::State, {}};
    if (path == "/pdfjs/pdf.js") return Target{TargetKind::PdfJs, {}};
    if (path == "/pdfjs/pdf.worker.js") return Target{TargetKind::PdfJsWorker, {}};
    for (const auto& [kind, prefix, suffix] :
         {std::tuple{TargetKind::Document, std::string_view("/files/"), std::string_view(".pdf")},
          std::tuple{TargetKind::Values, std::string_view("/values/"), std::string_view(".json")}}) {
        if (path.size() > prefix.size() + suffix.size() && path.substr(0, prefix.size()) == prefix &&
            path.substr(path.size() - suffix.size()) == suffix) {
            const auto name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
            if (is_document_name(name)) return Target{kind, std::string(name)};
        }
    }
    return std::nullopt;
}

}  // namespace preview
