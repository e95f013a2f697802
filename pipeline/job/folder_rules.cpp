#include "job/folder_rules.hpp"

#include <sys/statvfs.h>

#include <filesystem>
#include <system_error>

#include "ingest/dataset_loader.hpp"
#include "job/manifest.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

// `inner` is `outer` or lies below it. Both are resolved folders, so a
// comparison of their components is enough (no `..`, no links left).
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // a trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

// "the data folder 'x'": each kind of folder a phrase of its own in the
// catalogue, which names it as the language does ("datamappen").
std::string the_folder(const std::string& what, const std::string& path) {
    if (what == "data") return core::tr("the data folder '{1}'", path);
    if (what == "templates") return core::tr("the templates folder '{1}'", path);
    if (what == "archive") return core::tr("the archive folder '{1}'", path);
    return core::tr("the output folder '{1}'", path);
}

void require_folder(const std::string& path, const std::string& what, const std::string& option) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        throw SettingsError(
            core::tr("{1} does not exist; give the right one with {2}", the_folder(what, path), option));
    if (!fs::is_directory(status))
        throw SettingsError(
            core::tr("{1} is a file, not a folder; give a folder with {2}", the_folder(what, path), option));
}

// Refuses an output folder that is, contains or lies inside `other`.
void refuse_overlap(const fs::path& out, const std::string& out_given, const fs::path& other,
                    const std::string& other_given, const std::string& what) {
    const char* message = nullptr;
    if (out == other)
        message =
            core::tr_noop("{1} is {2}; fuel never writes where it could replace its own input: give another --out");
    else if (within(out, other))
        message = core::tr_noop(
            "{1} lies inside {2}; fuel never writes where it could replace its own input: give another --out");
    else if (within(other, out))
        message = core::tr_noop(
            "{1} contains {2}; fuel never writes where it could replace its own input: give another --out");
    else
        return;
    throw SettingsError(core::tr(message, the_folder("output", out_given), the_folder(what, other_given)));
}

}  // namespace

std::string resolved_folder(const std::string& path) {
    std::error_code ec;
    auto resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) resolved = fs::absolute(path).lexically_normal();
    // "/a/b/" and "/a/b" are one folder.
    auto text = resolved.string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

void check_folders(const Spec& spec, const Environment& environment) {
    require_folder(spec.data_dir, "data", "--data");
    require_folder(environment.templates_dir, "templates", "--templates");
    if (spec.check_only) return;
    const fs::path out = resolved_folder(spec.out_dir);
    std::error_code ec;
    if (fs::exists(out, ec) && !fs::is_directory(out, ec))
        throw SettingsError(core::tr("{1} is a file, not a folder; give a folder with {2}",
                                     the_folder("output", spec.out_dir), "--out"));
    refuse_overlap(out, spec.out_dir, resolved_folder(spec.data_dir), spec.data_dir, "data");
    refuse_overlap(out, spec.out_dir, resolved_folder(environment.templates_dir), environment.templates_dir,
                   "templates");
    // The archive is a record: apart from everything a build reads or replaces.
    const auto archive_given = archive_folder(spec);
    const fs::path archive = resolved_folder(archive_given);
    for (const auto& [folder, what] :
         {std::pair{spec.data_dir, "data"}, std::pair{environment.templates_dir, "templates"},
          std::pair{spec.out_dir, "output"}}) {
        const fs::path other = resolved_folder(folder);
        if (archive == other || within(archive, other) || within(other, archive))
            throw SettingsError(
                core::tr("{1} overlaps {2}; the archive of decided documents must lie apart: give another --archive",
                         the_folder("archive", archive_given), the_folder(what, folder)));
    }
    // A folder still to be made needs a folder to be made in.
    const auto require_makeable = [&](const fs::path& folder, const std::string& given, const std::string& what,
                                      const std::string& option) {
        for (auto above = folder; !above.empty() && above != above.root_path(); above = above.parent_path()) {
            const auto status = fs::status(above, ec);
            if (!fs::exists(status)) continue;
            if (!fs::is_directory(status))
                throw SettingsError(core::tr("{1} cannot be created or written ('{2}' is a file); give another {3}",
                                             the_folder(what, given), above.string(), option));
            break;
        }
    };
    require_makeable(out, spec.out_dir, "output", "--out");
    require_makeable(archive, archive_given, "archive", "--archive");
    std::vector<std::string> names;
    for (const auto& directory : ingest::find_datasets(spec.data_dir))
        names.push_back(fs::path(resolved_folder(directory)).filename().string());
    check_replaceable(spec.out_dir, names);
}

void check_replaceable(const std::string& out_dir, const std::vector<std::string>& dataset_names) {
    for (const auto& name : dataset_names) {
        const auto folder = fs::path(out_dir) / name;
        std::error_code ec;
        const auto status = fs::symlink_status(folder, ec);
        if (!fs::exists(status)) continue;
        const auto shown = "'" + folder.string() + "'";
        if (fs::is_symlink(status))
            throw SettingsError(core::tr(
                "{1} is a symbolic link; fuel replaces only folders it made: remove the link or give another --out",
                shown));
        if (!fs::is_directory(status))
            throw SettingsError(
                core::tr("{1} is a file, not a folder fuel made; move it away or give another --out", shown));
        const auto record = folder / kManifestFile;
        if (fs::is_regular_file(fs::symlink_status(record, ec))) continue;
        if (fs::is_empty(folder, ec)) continue;  // nothing in it to lose
        throw SettingsError(core::tr(
            "{1} holds files fuel did not make (it has no {2}); fuel will not replace it: move it away or give "
            "another --out",
            shown, kManifestFile));
    }
}

std::string archive_folder(const Spec& spec) {
    if (!spec.archive_dir.empty()) return spec.archive_dir;
    const auto out = fs::path(spec.out_dir).lexically_normal();
    auto parent = out.has_filename() ? out.parent_path() : out.parent_path().parent_path();
    return (parent / "archive").string();
}

bool disk_is_full(const std::string& out_dir) {
    struct statvfs s {};
    if (::statvfs(out_dir.c_str(), &s) != 0) return false;
    // Less than one block free for an unprivileged writer: every write fails.
    return s.f_bavail == 0 || (s.f_favail == 0 && s.f_files != 0);
}

}  // namespace job
