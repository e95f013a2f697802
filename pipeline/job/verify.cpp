#include "job/verify.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "ingest/dataset_loader.hpp"
#include "job/archive.hpp"
#include "job/build_plan.hpp"
#include "job/folder_rules.hpp"
#include "job/manifest.hpp"
#include "job/published_files.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

// Files that record a build rather than make a document: the build record
// (its times) and the account (its paths name the folder it was made in).
bool records_a_build(const std::string& name) {
    return name == kManifestFile || name == kAccountTextFile || name == kAccountJsonFile;
}

// A fresh scratch folder, removed with its owner.
struct Scratch {
    fs::path path;
    Scratch() {
        auto pattern = (fs::temp_directory_path() / "fuel-verify-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error(core::tr("cannot make a scratch folder for fuel verify"));
        path = pattern;
    }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

void verify_version(const std::string& archive_dir, const std::string& dataset, int number, const Spec& spec,
                    const Environment& environment, VerifyResult& result) {
    const auto version = version_folder(archive_dir, dataset, number);
    VerifiedVersion verified{dataset, number, 0, false};
    const auto seal = read_seal(version);
    if (!seal) {
        result.diagnostics.error({(version / kSealFile).string(), 0, 0},
                                 core::tr("the seal of this archived version is missing or damaged"));
        result.versions.push_back(verified);
        return;
    }
    core::Diagnostics own;
    FileDigests every_file(environment.digest);  // no record: verify reads every byte
    check_archive(version, *seal, every_file, own);
    // Made again: from the kept data and templates, with the versions
    // before it in the scratch archive, as when it was made.
    Scratch scratch;
    for (int k = 1; k < number; ++k) {
        const auto copy = version_folder((scratch.path / "archive").string(), dataset, k);
        fs::create_directories(copy);
        fs::copy(version_folder(archive_dir, dataset, k), copy, fs::copy_options::recursive);
    }
    Spec again = spec;
    again.data_dir = (version / kArchivedData / seal->dataset).string();
    again.out_dir = (scratch.path / "out").string();
    again.archive_dir = (scratch.path / "archive").string();
    again.check_only = false;
    again.wait_for_lock = false;
    Environment kept = environment;
    kept.templates_dir = (version / kArchivedTemplates).string();
    const auto rebuilt = run(again, kept);
    const auto made = scratch.path / "out" / seal->dataset;
    if (rebuilt.exit_code() != 0 || rebuilt.datasets.empty())
        own.error({again.data_dir, 0, 0},
                  rebuilt.datasets.empty() || rebuilt.datasets[0].failure.empty()
                      ? core::tr("the archived data of version {1} could not be built again", std::to_string(number))
                      : core::tr("the archived data of version {1} could not be built again: {2}",
                                 std::to_string(number), rebuilt.datasets[0].failure));
    else
        for (const auto& f : seal->documents) {
            if (records_a_build(f.path)) continue;
            ++verified.documents_compared;
            const auto archived = version / kArchivedDocuments / f.path;
            std::error_code ec;
            if (!fs::is_regular_file(made / f.path, ec))
                own.error(
                    {archived.string(), 0, 0},
                    core::tr(
                        "made again from the archived data and templates, this document does not come out at all"));
            else if (read_bytes(made / f.path) != read_bytes(archived))
                own.error({archived.string(), 0, 0},
                          core::tr("made again from the archived data and templates, this document does not come out "
                                   "with the same bytes (made by {1})",
                                   seal->generator));
        }
    verified.ok = !own.has_errors();
    result.diagnostics.append(own);
    result.versions.push_back(verified);
}

}  // namespace

VerifyResult verify_archive(const Spec& spec, const Environment& environment) {
    VerifyResult result;
    const auto archive_dir = archive_folder(spec);
    for (const auto& directory : ingest::find_datasets(spec.data_dir)) {
        const auto dataset = dataset_name(directory);
        const auto folder = fs::path(archive_dir) / dataset;
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) continue;
        int last = 0;
        for (int number = 1; read_seal(version_folder(archive_dir, dataset, number)) ||
                             fs::exists(version_folder(archive_dir, dataset, number), ec);
             ++number) {
            verify_version(archive_dir, dataset, number, spec, environment, result);
            last = number;
        }
        // What is published is the last version, as archived.
        FileDigests every_file(environment.digest);
        if (const auto seal = read_seal(version_folder(archive_dir, dataset, last));
            seal && !published_as_archived(fs::path(spec.out_dir) / dataset, *seal, every_file))
            result.diagnostics.warning({(fs::path(spec.out_dir) / dataset).string(), 0, 0},
                                       core::tr("the published documents differ from the archived version {1}; the "
                                                "next build puts the archived ones back",
                                                std::to_string(last)));
    }
    return result;
}

}  // namespace job
