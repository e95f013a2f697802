// Rendering a prepared dataset's documents and publishing them as one set.
#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "job/build_plan.hpp"
#include "job/companions.hpp"
#include "job/folder_rules.hpp"
#include "job/published_files.hpp"
#include "job/publish.hpp"
#include "job/render_resources.hpp"
#include "layout/layout.hpp"
#include "pdf/writer.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

doc::Document& tree_of(PreparedDataset& p, const std::string& name) {
    if (doc::Document* tree = find_tree(p, name)) return *tree;
    throw std::logic_error(core::tr("no document tree for {1}", name));
}

// The first failure among the documents, or "".
std::string failure_of(const PreparedDataset& p) {
    for (const auto& plan : p.plans)
        if (!plan.failure.empty()) return plan.name + ": " + plan.failure;
    return "";
}

Manifest manifest_of(const PreparedDataset& p, const RunContext& context, std::int64_t now) {
    Manifest m;
    m.generator = context.environment.generator;
    m.inputs = p.inputs;
    m.template_name = p.template_name;
    // After a build of one document the others may be stale: no key then,
    // so the next full build looks at each document's own key.
    if (context.spec.only_document.empty() && context.folder_digests) {
        m.template_folders = p.template_folders;
        m.sources = sources_key(context.environment.digest, context.fingerprint, p.inputs,
                                context.environment.templates_dir, p.template_folders, *context.folder_digests);
    }
    m.built_at = now;
    for (const auto& plan : p.plans)
        m.documents.push_back(plan.kept ? *plan.kept
                                        : ManifestDocument{plan.name, plan.key, plan.pages, now, plan.companions});
    m.diagnostics = p.result.diagnostics.items();
    return m;
}

void write_text(const fs::path& path, const std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) throw std::runtime_error(core::tr("cannot write {1}", path.string()));
    const bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (std::fclose(file) != 0 || !ok) throw std::runtime_error(core::tr("cannot write {1}", path.string()));
}

void publish_dataset(PreparedDataset& p, const RunContext& context) {
    const auto& out_dir = context.spec.out_dir;
    const auto current = fs::path(out_dir) / p.result.name;
    for (const auto& plan : p.plans) {
        if (!plan.kept) continue;
        keep_file((current / (plan.name + ".pdf")).string(), (fs::path(p.staging) / (plan.name + ".pdf")).string());
        for (const auto& file : plan.kept->companions)
            keep_file((current / file).string(), (fs::path(p.staging) / file).string());
    }
    // Files somebody else put into the folder are not fuel's to remove:
    // they move along into the new set, with a warning.
    std::vector<std::string> foreign;
    if (p.previous) foreign = foreign_files(current, *p.previous);
    for (const auto& name : foreign) {
        fs::copy(current / name, fs::path(p.staging) / name,
                 fs::copy_options::recursive | fs::copy_options::create_hard_links);
        p.result.diagnostics.warning({(current / name).string(), 0, 0},
                                     core::tr("this file was not made by fuel; it is kept where it is"));
    }
    add_earlier_versions(p, context);
    const auto now = context.now();
    auto manifest = manifest_of(p, context, now);
    write_text(fs::path(p.staging) / kAccountTextFile, p.result.account_text);
    write_text(fs::path(p.staging) / kAccountJsonFile, p.result.account_json);
    manifest.digests = digest_files(p.staging, file_digests(context));
    for (const auto& name : foreign) manifest.digests.erase(name);
    write_text(fs::path(p.staging) / kManifestFile, format_manifest(manifest));
    // Checked when the build began (run.cpp); again here, where a folder
    // made in between would be replaced.
    check_replaceable(out_dir, {p.result.name});
    publish(out_dir, p.result.name, context.spec.durable ? Durability::Flushed : Durability::Scratch);
    p.result.documents = last_good_documents(manifest, current.string());
    for (std::size_t i = 0; i < p.plans.size() && i < p.result.documents.size(); ++i)
        p.result.documents[i].rebuilt = !p.plans[i].kept;
    p.result.last_good_build = now;
    p.result.outcome = p.to_render() > 0 ? Outcome::Built : Outcome::Unchanged;
    archive_published(p, p.result.directory, context);
}

}  // namespace

doc::Document* find_tree(PreparedDataset& dataset, const std::string& name) {
    for (auto& built : dataset.documents)
        if (built.name == name) return &built.document;
    return nullptr;
}

void render_document(PreparedDataset& p, std::size_t index, const RunContext& context) {
    auto& plan = p.plans[index];
    if (plan.kept) return;
    if (context.spec.stop && context.spec.stop->load()) {
        plan.failure = core::tr("the build was stopped before this document");
        plan.stopped = true;
        return;
    }
    try {
        const auto& environment = context.environment;
        auto& tree = tree_of(p, plan.name);
        // The companions first, made from the tree (they add no diagnostics
        // and do not depend on the pages); then the tree is freed once laid
        // out, before the PDF is written: a long document's tree beside its
        // PDF's structures was part of a large round's peak (docs/memory.md).
        plan.companions = write_companions(tree, plan.name, p.staging, plan.diagnostics);
        // Nothing reads the tree after it is laid out, unless the version is
        // archived once published (its titles and letterheads:
        // archive_published). The pages do not refer to it, so its body is
        // freed as soon as its text is set in lines (layout.hpp).
        const layout::FontMetrics& metrics = font_library(environment.fonts);
        const layout::Hyphenator* hyphenate = &hyphenator(environment.hyphenation_patterns);
        core::Diagnostics layout_diagnostics;
        auto paged = p.archive_after_publish
                         ? layout::lay_out(tree, metrics, layout_diagnostics, layout::Style{}, hyphenate)
                         : layout::lay_out(std::move(tree), metrics, layout_diagnostics, layout::Style{}, hyphenate);
        // Layout knows the text, not where it came from: what it finds (a
        // character the fonts lack, a table too wide) is told of the
        // document it is in, so that the reader knows where to look.
        const auto document_path = (fs::path(context.spec.out_dir) / p.result.name / (plan.name + ".pdf")).string();
        for (core::Diagnostic d : layout_diagnostics.items()) {
            if (d.where.file.empty()) d.where = {document_path, 0, 0};
            plan.diagnostics.add(std::move(d));
        }
        plan.pages = static_cast<int>(paged.pages.size());
        if (!p.archive_after_publish) tree = doc::Document{};
        pdf::WriteOptions options;
        options.flush_to_disk = false;  // publish() flushes the staging folder's files together
        options.compression_threads = context.spec.jobs;
        // The pages are released as they are painted.
        pdf::write_file(std::move(paged), environment.fonts, (fs::path(p.staging) / (plan.name + ".pdf")).string(),
                        options);
    } catch (const std::exception& e) {
        plan.disk_full = errno == ENOSPC || errno == EDQUOT || disk_is_full(context.spec.out_dir);
        plan.failure = e.what();
    }
}

void finish_dataset(PreparedDataset& p, const RunContext& context) {
    if (!p.to_publish) return;
    for (const auto& plan : p.plans) p.result.diagnostics.append(plan.diagnostics);
    std::string failure = failure_of(p);
    if (failure.empty()) {
        try {
            publish_dataset(p, context);
            p.result.diagnostics.append(p.output_warnings);
            return;
        } catch (const std::exception& e) {
            p.disk_full = errno == ENOSPC || errno == EDQUOT || disk_is_full(context.spec.out_dir);
            failure = e.what();
        }
    }
    for (const auto& plan : p.plans) p.disk_full = p.disk_full || plan.disk_full;
    p.result.diagnostics.append(p.output_warnings);
    discard_staging(context.spec.out_dir, p.result.name);
    // Stopped on request: not a failure, unless a document failed on its own.
    const bool stopped =
        std::any_of(p.plans.begin(), p.plans.end(), [](const DocumentPlan& plan) { return plan.stopped; }) &&
        std::none_of(p.plans.begin(), p.plans.end(),
                     [](const DocumentPlan& plan) { return !plan.stopped && !plan.failure.empty(); });
    p.result.outcome = stopped ? Outcome::Stopped : Outcome::InternalFailure;
    p.result.failure =
        stopped ? core::tr("the build was stopped before all documents of this dataset were written") : failure;
    if (p.previous) {
        p.result.documents =
            last_good_documents(*p.previous, (fs::path(context.spec.out_dir) / p.result.name).string());
        p.result.last_good_build = p.previous->built_at;
    }
}

}  // namespace job
