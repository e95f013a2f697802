#include "job/content_keys.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "job/companions.hpp"
#include "job/published_files.hpp"
#include "ingest/dataset_loader.hpp"
#include "core/messages.hpp"
#include "core/parallel.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

// A version of the key recipe itself: changing what goes into a key
// changes this, so no old key can match a new recipe by accident.
constexpr const char* kKeyRecipe = "fuel-document-key 2";

std::string file_digest(const fs::path& path, const Digest& digest) {
    const auto bytes = read_file(path);
    if (!bytes) throw std::runtime_error(core::tr("cannot read {1}", path.string()));
    return digest(*bytes);
}

std::string file_digest(const fs::path& path, FileDigests& digests) {
    auto digest = digests.of(path);
    if (!digest) throw std::runtime_error(core::tr("cannot read {1}", path.string()));
    return std::move(*digest);
}

}  // namespace

RunFingerprint fingerprint_run(const Environment& environment, FileDigests& files, unsigned threads) {
    RunFingerprint run;
    run.generator = environment.generator;
    if (!environment.digest) return run;
    // The hyphenation patterns decide line breaks just as the fonts do.
    std::vector<std::string> paths(environment.fonts.paths.begin(), environment.fonts.paths.end());
    paths.push_back(environment.hyphenation_patterns);
    // On a first build of an output folder every file is read and hashed
    // (3 MB): the files are shared out between the threads.
    std::vector<std::string> digests(paths.size());
    std::vector<std::exception_ptr> failures(paths.size());
    core::parallel_for(paths.size(), threads, [&](std::size_t i) {
        try {
            digests[i] = file_digest(paths[i], files);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    });
    std::string listing;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (failures[i]) std::rethrow_exception(failures[i]);
        listing += digests[i] + '\n';
    }
    run.fonts = environment.digest(listing);
    return run;
}

std::string inputs_digest(const std::string& directory, const Digest& digest) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(directory))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::string listing;
    for (const auto& file : files)
        listing += fs::relative(file, directory).generic_string() + '\t' + file_digest(file, digest) + '\n';
    return digest(listing);
}

std::string FolderDigests::of(const std::string& directory) {
    const auto key = fs::absolute(directory).lexically_normal().string();
    std::shared_ptr<Slot> slot;
    {
        const std::lock_guard<std::mutex> hold(mutex_);
        auto& entry = folders_[key];
        if (!entry) entry = std::make_shared<Slot>();
        slot = entry;
    }
    // Outside the map's lock, so that different folders are hashed at once;
    // a second caller of the same folder waits for the first.
    std::call_once(slot->made, [&] { slot->digest = inputs_digest(directory, digest_); });
    return slot->digest;
}

std::string round_inputs_digest(const std::string& directory, const Digest& digest, FolderDigests* folders) {
    const auto folder_digest = [&](const std::string& folder) {
        return folders ? folders->of(folder) : inputs_digest(folder, digest);
    };
    const auto own = folder_digest(directory);
    const auto earlier = ingest::earlier_rounds(directory);
    if (earlier.empty()) return own;
    std::string listing = own + '\n';
    for (const auto& folder : earlier)
        listing +=
            fs::path(folder).lexically_normal().filename().generic_string() + '\t' + folder_digest(folder) + '\n';
    return digest(listing);
}

std::string sources_key(const Digest& digest, const RunFingerprint& run, const std::string& inputs,
                        const std::string& templates_dir, const std::vector<std::string>& template_folders,
                        FolderDigests& folders) {
    if (!digest || template_folders.empty()) return "";
    std::string recipe = std::string(kKeyRecipe) + " sources";
    for (const auto& part : {std::string(kCompanionRecipe), run.generator, run.fonts, inputs}) recipe += '\n' + part;
    try {
        for (const auto& folder : template_folders) {
            const auto path = fs::path(templates_dir) / folder;
            if (!fs::is_directory(path)) return "";
            recipe += "\nfolder " + folder + '\t' + folders.of(path.string());
        }
    } catch (const std::exception&) {  // unreadable: not known to be unchanged
        return "";
    }
    return digest(recipe);
}

std::string document_key(const Digest& digest, const RunFingerprint& run, const std::string& inputs,
                         const std::string& template_name, const doc::Template& tmpl, const std::string& instance) {
    if (!digest) return "";
    std::string recipe = kKeyRecipe;
    for (const auto& part : {std::string(kCompanionRecipe), run.generator, run.fonts, inputs, template_name, tmpl.name,
                             digest(tmpl.source)})
        recipe += '\n' + part;
    // Appended only when given, so the keys of single documents stay as
    // they were and their last good builds are still recognised.
    if (!instance.empty()) recipe += "\ninstance " + instance;
    return digest(recipe);
}

}  // namespace job
