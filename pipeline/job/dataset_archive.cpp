// Sent and decided datasets (archive.hpp): served from the archive once a
// version is archived, archived once published, and revised only by a
// recorded revision, with the earlier versions and a change report beside.
#include <algorithm>
#include <filesystem>
#include <set>

#include "ingest/dataset_loader.hpp"
#include "ingest/state_reader.hpp"
#include "job/build_plan.hpp"
#include "job/folder_rules.hpp"
#include "job/publish.hpp"
#include "job/published_files.hpp"
#include "revision/compare.hpp"
#include "revision/report.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

fs::path dataset_out(const RunContext& context, const std::string& name) {
    return fs::path(context.spec.out_dir) / name;
}

// The template folders a seal holds, by their first path component.
std::vector<std::string> sealed_template_folders(const Seal& seal) {
    std::set<std::string> folders;
    for (const auto& f : seal.templates) folders.insert(f.path.substr(0, f.path.find('/')));
    return {folders.begin(), folders.end()};
}

const doc::Letterhead* letterhead_of(const doc::Document& document) {
    for (const auto& block : document.body)
        if (const auto* head = std::get_if<doc::Letterhead>(&block.node)) return head;
    return nullptr;
}

doc::Letterhead* letterhead_of(doc::Document& document) {
    return const_cast<doc::Letterhead*>(letterhead_of(static_cast<const doc::Document&>(document)));
}

std::vector<SealedDocument> titles_of(const PreparedDataset& p) {
    std::vector<SealedDocument> titles;
    for (const auto& d : p.documents) {
        const auto* head = letterhead_of(d.document);
        titles.push_back({d.name, d.document.meta.title, d.document.meta.date, head ? head->diary_number : ""});
    }
    return titles;
}

std::string archive_note(const model::CommitteeState& state, const std::string& what) {
    std::string head = state.decided
                           ? core::tr("decided {1}", core::to_iso(*state.decided) +
                                                         (state.paragraph.empty() ? "" : " " + state.paragraph))
                           : core::tr("sent {1}", core::to_iso(*state.sent));
    if (state.version() > 1) head += core::tr(", version {1}", std::to_string(state.version()));
    return head + ": " + what;
}

std::string documents_count(std::size_t n) { return core::trn("{1} document", "{1} documents", n, std::to_string(n)); }

// Revised ("Reviderat tjänsteutlåtande"): the letterhead's document type,
// and a line with the revision's date under the addressee and date, as the
// committee's secretaries mark a revised document; the PDF's subject too.
void mark_revised(doc::Document& document, const model::CommitteeState& state) {
    if (state.revisions.empty()) return;
    const auto& last = state.revisions.back();
    const auto date = core::to_iso(last.date);
    if (auto* head = letterhead_of(document)) {
        auto& type = head->document_type;
        if (!type.empty() && type.rfind("Reviderad", 0) != 0) {
            // Swedish agreement: ett utlåtande -> reviderat; en rapport -> reviderad.
            const bool neuter = type.size() >= 10 && type.compare(type.size() - 10, 10, "utlåtande") == 0;
            const std::string lower = type.substr(0, 1) == "T" ? "t" + type.substr(1) : type;
            type = std::string(neuter ? "Reviderat " : "Reviderad ") +
                   (type.rfind("Tjänsteutlåtande", 0) == 0
                        ? "tjänsteutlåtande" + type.substr(std::string("Tjänsteutlåtande").size())
                        : lower);
        }
        head->right_lines.push_back("Reviderad " + date);
    }
    document.meta.subject = "Reviderad " + date + " (version " + std::to_string(state.version()) + "): " + last.reason;
    document.meta.date = date;
}

// The document trees of an archived version, made again from what was kept.
std::vector<doc::BuiltDocument> archived_trees(const fs::path& version, const Seal& seal, const RunContext& context) {
    Environment environment = context.environment;
    environment.templates_dir = (version / kArchivedTemplates).string();
    Spec spec = context.spec;
    spec.check_only = true;
    const RunContext archived{spec, environment, context.fingerprint, 1, nullptr, context.file_digests};
    const auto directory = (version / kArchivedData / seal.dataset).string();
    // Unmarked: the change report is about what the documents say, and
    // the revision marks are its own subject.
    return build_document_trees(directory, archived);
}

}  // namespace

bool serve_archived(PreparedDataset& p, const std::string& directory, const RunContext& context) {
    const auto archive_dir = archive_folder(context.spec);
    const auto version = version_folder(archive_dir, p.result.name, p.state.version());
    const auto seal = read_seal(version);
    if (!seal) return false;
    auto& diagnostics = p.result.diagnostics;
    const auto& digest = context.environment.digest;
    check_archive(version, *seal, file_digests(context), diagnostics);
    if (diagnostics.has_errors()) {
        p.result.outcome = Outcome::InputErrors;
        return true;
    }
    ArchiveSources now;
    now.dataset_dir = directory;
    now.templates_dir = context.environment.templates_dir;
    now.template_folders = sealed_template_folders(*seal);
    compare_with_seal(version, *seal, now, digest, diagnostics);
    const auto out = dataset_out(context, p.result.name);
    bool restored = false;
    if (!published_as_archived(out, *seal, file_digests(context))) {
        // An empty output folder, a new server, or a file changed since:
        // the archived version goes back, byte for byte.
        const auto staging = prepare_staging(context.spec.out_dir, p.result.name);
        copy_archived_documents(version, staging);
        if (const auto previous = read_manifest(out.string()))
            for (const auto& name : foreign_files(out, *previous)) {
                fs::copy(out / name, fs::path(staging) / name,
                         fs::copy_options::recursive | fs::copy_options::create_hard_links);
                diagnostics.warning({(out / name).string(), 0, 0},
                                    core::tr("this file was not made by fuel; it is kept where it is"));
            }
        check_replaceable(context.spec.out_dir, {p.result.name});
        publish(context.spec.out_dir, p.result.name);
        restored = true;
    }
    if (const auto manifest = read_manifest(out.string())) {
        p.result.documents = last_good_documents(*manifest, out.string());
        p.result.last_good_build = manifest->built_at;
    }
    p.result.outcome = restored ? Outcome::Built : Outcome::Unchanged;
    const auto count = documents_count(p.result.documents.size());
    p.result.archive_note = archive_note(p.state, restored ? core::tr("sealed, {1} put back from the archive", count)
                                                           : core::tr("sealed, {1} unchanged", count));
    if (p.state.decided) {
        std::error_code ec;
        if (!fs::exists(fs::path(archive_dir) / p.result.name / kHandoverFile, ec))
            write_handover(archive_dir, p.result.name, *seal, model::describe(p.state));
    }
    return true;
}

void add_revision_documents(PreparedDataset& p, const RunContext& context) {
    if (p.state.version() < 2 || p.state.stage() == model::CommitteeState::Stage::Draft || context.spec.ignore_archive)
        return;
    const auto before_number = p.state.version() - 1;
    const auto archive_dir = archive_folder(context.spec);
    const auto before = version_folder(archive_dir, p.result.name, before_number);
    const std::size_t own = p.documents.size();
    // Marked as revised after the comparison, which is of the text alone.
    struct MarkAtEnd {
        PreparedDataset& p;
        std::size_t own;
        ~MarkAtEnd() {
            for (std::size_t i = 0; i < own; ++i) mark_revised(p.documents[i].document, p.state);
        }
    } mark_at_end{p, own};
    const auto seal = read_seal(before);
    if (!seal) {
        p.result.diagnostics.warning(
            {p.state.where.file, p.state.where.line, p.state.where.column},
            core::tr("version {1} is not in the archive ({2}), so no change report can be made against it",
                     std::to_string(before_number), before.string()));
        return;
    }
    const auto old_trees = archived_trees(before, *seal, context);
    const auto& last = p.state.revisions.back();
    const auto date_before = before_number == 1 ? (p.state.sent ? core::to_iso(*p.state.sent) : "")
                                                : core::to_iso(p.state.revisions[before_number - 2].date);
    for (std::size_t i = 0; i < own; ++i) {
        const auto& now = p.documents[i];
        const doc::BuiltDocument* then = nullptr;
        for (const auto& t : old_trees)
            if (t.name == now.name) then = &t;
        if (!then || !letterhead_of(now.document)) continue;  // letters and new documents have no earlier version
        const auto* head = letterhead_of(now.document);
        revision::RevisionInfo info;
        info.document_title = now.document.meta.title;
        info.organisation = head->organisation;
        info.diary_number = head->diary_number;
        info.version_before = before_number;
        info.date_before = date_before;
        info.version_after = p.state.version();
        info.date_after = core::to_iso(last.date);
        info.reason = last.reason;
        auto report = revision::change_report_document(revision::compare_documents(then->document, now.document), info);
        const auto name = now.name + "-andringar";
        p.documents.push_back({name, std::move(report)});
        DocumentPlan plan;
        plan.name = name;  // no key: made with its version, and archived with it
        p.plans.push_back(std::move(plan));
    }
}

void add_earlier_versions(PreparedDataset& p, const RunContext& context) {
    if (p.state.version() < 2 || p.state.stage() == model::CommitteeState::Stage::Draft || context.spec.ignore_archive)
        return;
    const auto archive_dir = archive_folder(context.spec);
    for (auto& plan : p.plans) {
        auto& companions = plan.kept ? plan.kept->companions : plan.companions;
        for (int k = 1; k < p.state.version(); ++k) {
            const auto archived =
                version_folder(archive_dir, p.result.name, k) / kArchivedDocuments / (plan.name + ".pdf");
            std::error_code ec;
            if (!fs::is_regular_file(archived, ec)) continue;
            const auto file = plan.name + "-v" + std::to_string(k) + ".pdf";
            fs::copy_file(archived, fs::path(p.staging) / file, fs::copy_options::overwrite_existing);
            fs::permissions(fs::path(p.staging) / file, fs::perms::owner_write, fs::perm_options::add);
            if (std::find(companions.begin(), companions.end(), file) == companions.end()) companions.push_back(file);
        }
    }
}

void archive_published(PreparedDataset& p, const std::string& directory, const RunContext& context) {
    if (!p.archive_after_publish) return;
    const auto archive_dir = archive_folder(context.spec);
    Seal seal;
    seal.generator = context.environment.generator;
    seal.state = model::describe(p.state);
    seal.dataset = p.result.name;
    seal.sealed_at = context.now();
    ArchiveSources sources;
    sources.published = dataset_out(context, p.result.name);
    sources.dataset_dir = directory;
    if (fs::is_regular_file(fs::path(directory) / ingest::kRoundFile))
        sources.earlier_rounds = ingest::earlier_rounds(directory);
    sources.templates_dir = context.environment.templates_dir;
    sources.template_folders = p.template_folders;
    sources.titles = titles_of(p);
    archive_version(archive_dir, p.result.name, p.state.version(), seal, sources, context.environment.digest);
    if (p.state.decided)
        if (const auto sealed = read_seal(version_folder(archive_dir, p.result.name, p.state.version())))
            write_handover(archive_dir, p.result.name, *sealed, model::describe(p.state));
    p.result.archive_note =
        archive_note(p.state, core::tr("archived now, {1}", documents_count(p.result.documents.size())));
}

}  // namespace job
