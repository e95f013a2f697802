#include "nightly/serve_checks.hpp"

#include <unistd.h>

#include <filesystem>

#include "job/folder_rules.hpp"
#include "job/job.hpp"

namespace nightly {

namespace fs = std::filesystem;

namespace {

// access(2) with the real user's rights: what the service's user may do,
// which is what systemd runs it as (User=fuel).
std::string folder_problem(const std::string& folder, const char* what, const char* key, int mode) {
    std::error_code ec;
    const auto status = fs::status(folder, ec);
    if (!fs::exists(status))
        return std::string("the ") + what + " folder '" + folder + "' (" + key + ") does not exist";
    if (!fs::is_directory(status))
        return std::string("the ") + what + " folder '" + folder + "' (" + key + ") is not a folder";
    if (::access(folder.c_str(), mode) != 0)
        return std::string("the ") + what + " folder '" + folder + "' (" + key + ") cannot be " +
               (mode & W_OK ? "written" : "read") + " by this user";
    return "";
}

}  // namespace

std::string service_settings_problem(const Settings& settings) {
    for (const auto& problem : {folder_problem(settings.data_dir, "data", "fuel.data", R_OK | X_OK),
                                folder_problem(settings.templates_dir, "templates", "fuel.templates", R_OK | X_OK),
                                folder_problem(settings.out_dir, "output", "fuel.out", R_OK | W_OK | X_OK)})
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
                             ? folder_problem(archive, "archive", "fuel.archive", R_OK | W_OK | X_OK)
                             : folder_problem(fs::absolute(archive).parent_path().string(), "archive's parent",
                                              "fuel.archive", W_OK | X_OK);
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
