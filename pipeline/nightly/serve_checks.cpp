#include "nightly/serve_checks.hpp"
#include "core/messages.hpp"

#include <unistd.h>

#include <filesystem>

#include "job/folder_rules.hpp"
#include "job/job.hpp"

namespace nightly {

namespace fs = std::filesystem;

namespace {

// access(2) with the real user's rights: what the service's user may do,
// which is what systemd runs it as (User=fuel).
std::string folder_problem(const std::string& folder, const std::string& what, const char* key, int mode) {
    std::error_code ec;
    const auto status = fs::status(folder, ec);
    // `what` names the folder with its key, as the settings file does.
    if (!fs::exists(status)) return core::tr("the {1} folder '{2}' ({3}) does not exist", what, folder, key);
    if (!fs::is_directory(status)) return core::tr("the {1} folder '{2}' ({3}) is not a folder", what, folder, key);
    if (::access(folder.c_str(), mode) != 0)
        return mode & W_OK ? core::tr("the {1} folder '{2}' ({3}) cannot be written by this user", what, folder, key)
                           : core::tr("the {1} folder '{2}' ({3}) cannot be read by this user", what, folder, key);
    return "";
}

}  // namespace

std::string service_settings_problem(const Settings& settings) {
    for (const auto& problem :
         {folder_problem(settings.data_dir, core::tr("data"), "fuel.data", R_OK | X_OK),
          folder_problem(settings.templates_dir, core::tr("templates"), "fuel.templates", R_OK | X_OK),
          folder_problem(settings.out_dir, core::tr("output"), "fuel.out", R_OK | W_OK | X_OK)})
        if (!problem.empty()) return problem;
    job::Spec spec;
    spec.data_dir = settings.data_dir;
    spec.out_dir = settings.out_dir;
    spec.archive_dir = settings.archive_dir;
    // The archive is made on the first sent or decided dataset: when it does
    // not exist yet, the folder it would be made in must be writable.
    const auto archive = job::archive_folder(spec);
    std::error_code ec;
    const auto problem = fs::exists(archive, ec)
                             ? folder_problem(archive, core::tr("archive"), "fuel.archive", R_OK | W_OK | X_OK)
                             : folder_problem(fs::absolute(archive).parent_path().string(),
                                              core::tr("archive's parent"), "fuel.archive", W_OK | X_OK);
    if (!problem.empty()) return problem;
    job::Environment environment;
    environment.templates_dir = settings.templates_dir;
    try {
        job::check_folders(spec, environment);
    } catch (const job::SettingsError& e) {
        return e.what();
    }
    return "";
}

}  // namespace nightly
