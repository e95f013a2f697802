#include "ingest/unlisted_files.hpp"
#include "core/messages.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace ingest {

namespace fs = std::filesystem;

namespace {

std::string lower_ascii(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Files that are never data: the dataset's own description, and what file
// browsers leave in every folder they show.
bool known_not_data(const std::string& name) {
    const auto lower = lower_ascii(name);
    if (lower.rfind("readme", 0) == 0 && fs::path(lower).extension() == ".md") return true;
    return lower == ".ds_store" || lower == "thumbs.db" || lower == "desktop.ini";
}

// Why a stray file is likely there, so that the warning helps to act on it.
// Each a whole message: {1} names the listing file.
const char* message_for(const std::string& name) {
    if (name.rfind("~$", 0) == 0 || name.rfind(".~lock.", 0) == 0)
        return core::tr_noop(
            "not listed in {1} <sources>, not read (a lock file: is a file of the dataset still open in Excel or "
            "LibreOffice?)");
    if (!name.empty() && (name.back() == '~' || lower_ascii(fs::path(name).extension().string()) == ".bak"))
        return core::tr_noop("not listed in {1} <sources>, not read (an editor's backup copy?)");
    if (name.find(" (") != std::string::npos)
        return core::tr_noop("not listed in {1} <sources>, not read (a second copy of a download?)");
    return core::tr_noop("not listed in {1} <sources>, not read");
}

}  // namespace

void warn_unlisted_files(const std::string& directory, const std::vector<std::string>& listed,
                         const std::string& listing, core::Diagnostics& diagnostics) {
    const fs::path root(directory);
    std::set<std::string> read;
    std::set<fs::path> folders{fs::path()};
    for (const auto& name : listed) {
        const auto relative = fs::path(name).lexically_normal();
        read.insert(relative.generic_string());
        folders.insert(relative.parent_path());
    }
    std::vector<std::string> found;
    for (const auto& folder : folders) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(root / folder, ec)) {
            if (entry.is_directory(ec)) continue;  // folders are read only where a listed file leads
            const auto name = entry.path().filename().string();
            const auto relative = (folder / name).lexically_normal().generic_string();
            if (!read.count(relative) && !known_not_data(name)) found.push_back(relative);
        }
    }
    std::sort(found.begin(), found.end());
    for (const auto& relative : found)
        diagnostics.warning({(root / relative).string(), 0, 0},
                            core::tr(message_for(fs::path(relative).filename().string()), listing));
}

}  // namespace ingest
