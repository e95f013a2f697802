#include "job/archive.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <system_error>

#include "core/diagnostics_json.hpp"
#include "job/companions.hpp"
#include "job/manifest.hpp"
#include "job/published_files.hpp"
#include "job/publish.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSealHeader = "fuel-seal 1";

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) throw std::runtime_error(core::tr("cannot write {1}", path.string()));
}

// Tabs and line breaks in a field would break the record's lines.
std::string field(const std::string& text) {
    std::string out;
    for (const char c : text) out += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
    return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    return fields;
}

// Every regular file below `root`, relative and sorted, links not followed.
std::vector<std::string> files_below(const fs::path& root) {
    std::vector<std::string> files;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec) && !it->is_symlink(ec))
            files.push_back(fs::relative(it->path(), root).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<SealedFile> list_files(const fs::path& root, const Digest& digest) {
    std::vector<SealedFile> files;
    for (const auto& name : files_below(root)) {
        const auto bytes = read_bytes(root / name);
        files.push_back({name, digest ? digest(bytes) : "", bytes.size()});
    }
    return files;
}

void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    for (const auto& name : files_below(from)) {
        fs::create_directories((to / name).parent_path());
        fs::copy_file(from / name, to / name, fs::copy_options::overwrite_existing);
    }
}

// The record a changed line belongs to, by what the exports name records
// with: a CSV row's first field; in XML the nearest id before the line (an
// id or code attribute, or an <id> element), within the last 60 lines.
std::string record_name(const std::vector<std::string>& lines, std::size_t index) {
    const auto& line = lines[index];
    if (line.find('<') == std::string::npos) {
        const auto end = line.find_first_of(";,\t");
        auto first = line.substr(0, end);
        if (first.size() > 40) first = first.substr(0, 40) + "…";
        return first;
    }
    for (std::size_t back = 0; back <= index && back < 60; ++back) {
        const auto& candidate = lines[index - back];
        for (const std::string marker : {"<id>", " id=\"", " code=\""}) {
            const auto at = candidate.find(marker);
            if (at == std::string::npos) continue;
            const auto start = at + marker.size();
            const auto end = candidate.find_first_of("\"<", start);
            return candidate.substr(start, end == std::string::npos ? std::string::npos : end - start);
        }
    }
    return "";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

// The lines of `now` that are not in `then` at their place, by the longest
// common subsequence of the two (Hunt–McIlroy's measure of a diff; quadratic,
// but an export is a few thousand lines at most, and this runs only when a
// sealed file has changed). Returns the 1-based line numbers in `now` that
// were added or changed, and the count of lines removed.
std::pair<std::vector<int>, int> changed_lines(const std::vector<std::string>& then,
                                               const std::vector<std::string>& now) {
    const std::size_t n = then.size(), m = now.size();
    if (n * m > 25'000'000) {  // too large to pair up: call every line of the new file changed
        std::vector<int> all;
        for (std::size_t j = 0; j < m; ++j) all.push_back(static_cast<int>(j + 1));
        return {all, static_cast<int>(n)};
    }
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = then[i] == now[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<int> added;
    int removed = 0;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && then[i] == now[j]) {
            ++i, ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            added.push_back(static_cast<int>(++j));
        } else {
            ++removed, ++i;
        }
    }
    return {added, removed};
}

std::string since_words(const Seal& seal) { return seal.state.rfind("beslutat", 0) == 0 ? "decided" : "sent"; }

// What a person does about a difference: nothing for a decided version (it
// is a record), a revision for a sent one.
std::string what_now(const std::string& since) {
    return since == "decided" ? core::tr("; the archived documents stay as they are")
                              : core::tr(
                                    "; the sent documents stay as they are: record a <revision> in the data to make "
                                    "a new version");
}

// The subject and the time of the messages below ("data" or "template";
// "decided" or "sent"), each a phrase of its own in the catalogue.
std::string this_file(const std::string& what) {
    return what == "data" ? core::tr("this data file") : core::tr("this template file");
}

std::string documents_were(const std::string& since) {
    return since == "decided" ? core::tr("the documents were decided") : core::tr("the documents were sent");
}

void compare_folder(const fs::path& archived_root, const std::vector<SealedFile>& sealed, const fs::path& now_root,
                    const std::vector<std::string>& now_files, const std::string& what, const Digest& digest,
                    core::Diagnostics& diagnostics, const std::string& since) {
    std::map<std::string, const SealedFile*> by_name;
    for (const auto& f : sealed) by_name[f.path] = &f;
    for (const auto& name : now_files) {
        const auto path = now_root / name;
        const auto found = by_name.find(name);
        if (found == by_name.end()) {
            diagnostics.warning({path.string(), 0, 0}, core::tr("{1} is new since {2}{3}", this_file(what),
                                                                documents_were(since), what_now(since)));
            continue;
        }
        const auto bytes = read_bytes(path);
        const auto* record = found->second;
        by_name.erase(found);
        if (digest(bytes) == record->digest) continue;
        std::string records;
        if (what == "data") {
            const auto [added, removed] = changed_lines(lines_of(read_bytes(archived_root / name)), lines_of(bytes));
            const auto now_lines = lines_of(bytes);
            std::string listed;
            std::size_t shown = 0;
            for (const int line : added) {
                if (shown++ == 8) {
                    listed += ", …";
                    break;
                }
                const auto id = record_name(now_lines, static_cast<std::size_t>(line - 1));
                listed +=
                    (listed.empty() ? "" : ", ") + (id.empty() ? core::tr("line {1}", std::to_string(line))
                                                               : core::tr("line {1} ({2})", std::to_string(line), id));
            }
            records = core::tr("; records that differ: {1}", listed.empty() ? core::tr("none added") : listed);
            if (removed > static_cast<int>(added.size())) {
                const auto fewer = static_cast<unsigned long>(removed - static_cast<int>(added.size()));
                records += core::trn("; {1} fewer line", "; {1} fewer lines", fewer, std::to_string(fewer));
            }
            if (!added.empty()) {
                diagnostics.warning({path.string(), added.front(), 1},
                                    core::tr("{1} differs from the copy archived when {2}{3}{4}", this_file(what),
                                             documents_were(since), records, what_now(since)));
                continue;
            }
        }
        diagnostics.warning({path.string(), 0, 0},
                            core::tr("{1} differs from the copy archived when {2}{3}{4}", this_file(what),
                                     documents_were(since), records, what_now(since)));
    }
    for (const auto& [name, record] : by_name)
        diagnostics.warning(
            {(now_root / name).string(), 0, 0},
            core::tr("{1} was archived when {2} and is gone now; the archived documents stay as they are",
                     this_file(what), documents_were(since)));
}

}  // namespace

std::string format_seal(const Seal& seal) {
    std::ostringstream out;
    out << kSealHeader << '\n'
        << "version\t" << seal.version << '\n'
        << "generator\t" << field(seal.generator) << '\n'
        << "state\t" << field(seal.state) << '\n'
        << "dataset\t" << field(seal.dataset) << '\n'
        << "sealed-at\t" << seal.sealed_at << '\n';
    for (const auto& [kind, files] : {std::pair{"document", &seal.documents}, std::pair{"data", &seal.data},
                                      std::pair{"template", &seal.templates}})
        for (const auto& f : *files) out << kind << '\t' << field(f.path) << '\t' << f.digest << '\t' << f.size << '\n';
    for (const auto& t : seal.titles)
        out << "title\t" << field(t.name) << '\t' << field(t.title) << '\t' << field(t.date) << '\t'
            << field(t.diary_number) << '\n';
    return out.str();
}

std::optional<Seal> parse_seal(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kSealHeader) return std::nullopt;
    Seal seal;
    try {
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            const auto f = split_tabs(line);
            if (f[0] == "version" && f.size() == 2)
                seal.version = std::stoi(f[1]);
            else if (f[0] == "generator" && f.size() == 2)
                seal.generator = f[1];
            else if (f[0] == "state" && f.size() == 2)
                seal.state = f[1];
            else if (f[0] == "dataset" && f.size() == 2)
                seal.dataset = f[1];
            else if (f[0] == "sealed-at" && f.size() == 2)
                seal.sealed_at = std::stoll(f[1]);
            else if ((f[0] == "document" || f[0] == "data" || f[0] == "template") && f.size() == 4) {
                // A path of the record stays below its folder.
                if (f[1].empty() || f[1].front() == '/' || f[1].find("..") != std::string::npos) return std::nullopt;
                auto& list = f[0] == "document" ? seal.documents : f[0] == "data" ? seal.data : seal.templates;
                list.push_back({f[1], f[2], std::stoull(f[3])});
            } else if (f[0] == "title" && f.size() == 5)
                seal.titles.push_back({f[1], f[2], f[3], f[4]});
            else
                return std::nullopt;
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return seal;
}

fs::path version_folder(const std::string& archive_dir, const std::string& dataset, int version) {
    return fs::path(archive_dir) / dataset / ("v" + std::to_string(version));
}

std::optional<Seal> read_seal(const fs::path& version) {
    std::error_code ec;
    if (!fs::is_regular_file(version / kSealFile, ec)) return std::nullopt;
    return parse_seal(read_bytes(version / kSealFile));
}

void archive_version(const std::string& archive_dir, const std::string& dataset, int version, Seal seal,
                     const ArchiveSources& sources, const Digest& digest) {
    const auto target = version_folder(archive_dir, dataset, version);
    std::error_code ec;
    if (fs::exists(target, ec)) return;  // a version, once archived, is never written again
    const auto staged = fs::path(archive_dir) / dataset / (".staging-v" + std::to_string(version));
    fs::remove_all(staged);
    copy_tree(sources.published, staged / kArchivedDocuments);
    const auto data = staged / kArchivedData;
    copy_tree(sources.dataset_dir, data / seal.dataset);
    for (const auto& earlier : sources.earlier_rounds)
        copy_tree(earlier, data / fs::path(earlier).lexically_normal().filename());
    for (const auto& folder : sources.template_folders)
        copy_tree(fs::path(sources.templates_dir) / folder, staged / kArchivedTemplates / folder);
    seal.version = version;
    seal.documents = list_files(staged / kArchivedDocuments, digest);
    seal.data = list_files(data, digest);
    seal.templates = list_files(staged / kArchivedTemplates, digest);
    seal.titles = sources.titles;
    write_bytes(staged / kSealFile, format_seal(seal));
    for (const auto& name : files_below(staged)) {
        // Read-only: an archived file is a record, not a working copy.
        fs::permissions(staged / name, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                        fs::perm_options::remove, ec);
    }
    // The copies were written without fsync: on disk before the rename
    // makes them the version, or a power loss could leave a sealed version
    // of empty files.
    flush_tree(staged.string());
    if (std::rename(staged.c_str(), target.c_str()) != 0)
        throw std::system_error(errno, std::generic_category(), core::tr("cannot archive {1}", target.string()));
    sync_directory(target.parent_path().string());
    // The dataset's folder may be new in the archive.
    sync_directory(target.parent_path().parent_path().string());
}

void check_archive(const fs::path& version, const Seal& seal, FileDigests& digests, core::Diagnostics& diagnostics) {
    for (const auto& [folder, files] :
         {std::pair{kArchivedDocuments, &seal.documents}, std::pair{kArchivedData, &seal.data},
          std::pair{kArchivedTemplates, &seal.templates}}) {
        for (const auto& f : *files) {
            const auto path = version / folder / f.path;
            std::error_code ec;
            if (!fs::is_regular_file(fs::symlink_status(path, ec))) {
                diagnostics.error({path.string(), 0, 0}, core::tr("this archived file is missing; the archive of {1} "
                                                                  "version {2} is damaged (restore it from a backup)",
                                                                  seal.dataset, std::to_string(seal.version)));
                continue;
            }
            if (digests && digests.of(path) != f.digest)
                diagnostics.error({path.string(), 0, 0},
                                  core::tr("this archived file was changed after it was sealed (its SHA-256 is not the "
                                           "one in {1}); restore it from a backup",
                                           (version / kSealFile).string()));
        }
    }
}

void compare_with_seal(const fs::path& version, const Seal& seal, const ArchiveSources& now, const Digest& digest,
                       core::Diagnostics& diagnostics) {
    if (!digest) return;
    const auto since = since_words(seal);
    // The data: the dataset's own files and the earlier rounds it reads,
    // each under its folder's name as archived.
    std::vector<SealedFile> own, others;
    const auto prefix = seal.dataset + "/";
    for (const auto& f : seal.data) {
        if (f.path.rfind(prefix, 0) == 0) own.push_back({f.path.substr(prefix.size()), f.digest, f.size});
    }
    compare_folder(version / kArchivedData / seal.dataset, own, now.dataset_dir, files_below(now.dataset_dir), "data",
                   digest, diagnostics, since);
    for (const auto& folder : now.template_folders) {
        std::vector<SealedFile> sealed;
        const auto folder_prefix = folder + "/";
        for (const auto& f : seal.templates)
            if (f.path.rfind(folder_prefix, 0) == 0)
                sealed.push_back({f.path.substr(folder_prefix.size()), f.digest, f.size});
        const auto root = fs::path(now.templates_dir) / folder;
        compare_folder(version / kArchivedTemplates / folder, sealed, root, files_below(root), "template", digest,
                       diagnostics, since);
    }
}

bool published_as_archived(const fs::path& published, const Seal& seal, FileDigests& digests) {
    std::error_code ec;
    if (!fs::is_directory(published, ec)) return false;
    for (const auto& f : seal.documents) {
        const auto path = published / f.path;
        if (!fs::is_regular_file(fs::symlink_status(path, ec))) return false;
        if (fs::file_size(path, ec) != f.size) return false;
        if (digests && digests.of(path) != f.digest) return false;
    }
    return true;
}

void copy_archived_documents(const fs::path& version, const fs::path& staging) {
    for (const auto& name : files_below(version / kArchivedDocuments)) {
        fs::create_directories((staging / name).parent_path());
        // A copy, not a link: the archived file is read-only and must stay
        // apart from the output folder, which a reader may change.
        fs::copy_file(version / kArchivedDocuments / name, staging / name, fs::copy_options::overwrite_existing);
        fs::permissions(staging / name, fs::perms::owner_write, fs::perm_options::add);
    }
}

void write_handover(const std::string& archive_dir, const std::string& dataset, const Seal& seal,
                    const std::string& state) {
    std::map<std::string, const SealedDocument*> titles;
    for (const auto& t : seal.titles) titles[t.name] = &t;
    std::ostringstream json;
    json << "{\n  \"dataset\": " << core::json_string(dataset) << ",\n  \"state\": " << core::json_string(state)
         << ",\n  \"version\": " << seal.version << ",\n  \"generator\": " << core::json_string(seal.generator)
         << ",\n  \"files\": [";
    bool first = true;
    for (const auto& f : seal.documents) {
        if (f.path == kManifestFile) continue;
        // The document a file belongs to: its name up to the extension.
        const auto stem = fs::path(f.path).stem().string();
        const SealedDocument* doc = nullptr;
        for (const auto& [name, t] : titles)
            if (stem == name || stem.rfind(name + "-", 0) == 0) doc = t;
        json << (first ? "\n" : ",\n") << "    {\"path\": "
             << core::json_string("v" + std::to_string(seal.version) + "/" + kArchivedDocuments + "/" + f.path)
             << ", \"sha256\": " << core::json_string(f.digest) << ", \"size\": " << f.size
             << ", \"title\": " << core::json_string(doc ? doc->title : "")
             << ", \"date\": " << core::json_string(doc ? doc->date : "")
             << ", \"diary_number\": " << core::json_string(doc ? doc->diary_number : "")
             << ", \"state\": " << core::json_string(state) << "}";
        first = false;
    }
    json << "\n  ]\n}\n";
    // Read by the case system: never an empty or half file, even after a
    // power loss.
    const auto path = fs::path(archive_dir) / dataset / kHandoverFile;
    write_file_atomically(path.string(), json.str(), Flush::Now);
    sync_directory(path.parent_path().string());
}

}  // namespace job
