// Preparing one dataset: ingest -> transform -> document trees, and the plan
// of which documents to render. Documents are written only when the input
// has no errors, and only into the staging folder (publish.hpp), so the
// previous good outputs stay untouched by a failed build.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <set>

#include "casefields/case_fields.hpp"
#include "core/closest_match.hpp"
#include "core/diagnostics.hpp"
#include "core/messages.hpp"
#include "ingest/dataset_loader.hpp"
#include "ingest/state_reader.hpp"
#include "job/build_plan.hpp"
#include "job/folder_rules.hpp"
#include "job/published_files.hpp"
#include "job/publish.hpp"
#include "job/render_resources.hpp"
#include "transform/account.hpp"
#include "transform/follow_up.hpp"
#include "transform/transform.hpp"
#include "core/messages.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

fs::path dataset_out(const RunContext& context, const std::string& name) {
    return fs::path(context.spec.out_dir) / name;
}

void report_last_good(PreparedDataset& p, const RunContext& context) {
    if (!p.previous) return;
    p.result.documents = last_good_documents(*p.previous, dataset_out(context, p.result.name).string());
    p.result.last_good_build = p.previous->built_at;
}

std::vector<doc::Template> templates_of(const std::string& template_name, const RunContext& context,
                                        core::Diagnostics& diagnostics) {
    const auto folder = (fs::path(context.environment.templates_dir) / template_name).string();
    // The folder's digest for the build record's sources key is made before
    // its templates are read, as the inputs' is: a template saved during
    // the build then differs from the key recorded, and the next build makes
    // the documents again rather than keep ones made from the older text.
    std::error_code ec;
    if (context.folder_digests && context.environment.digest && !context.spec.check_only &&
        fs::is_directory(folder, ec)) {
        try {
            context.folder_digests->of(folder);
        } catch (const std::exception&) {  // unreadable: the load below reports it
        }
    }
    return doc::load_templates(folder, diagnostics);
}

// The PDF and every companion the manifest lists for the document.
bool all_files_there(const fs::path& out, const ManifestDocument& recorded) {
    if (!fs::is_regular_file(out / (recorded.name + ".pdf"))) return false;
    for (const auto& file : recorded.companions)
        if (!fs::is_regular_file(out / file)) return false;
    return true;
}

// The nightly fast path: the dataset's files, every template folder the last
// good build read (its round's, letters' and evaluation's), the fonts and the
// program are as they were then (Manifest::sources), and every file it
// published is there with the bytes it had. Costs the digests only; nothing
// is parsed, and the published and font files are read only when written
// since they were last hashed (file_digests.hpp).
bool unchanged_since_last_build(PreparedDataset& p, const RunContext& context) {
    if (!context.environment.digest || !context.folder_digests || !p.previous || p.previous->inputs != p.inputs ||
        p.previous->sources.empty())
        return false;
    const auto sources =
        sources_key(context.environment.digest, context.fingerprint, p.inputs, context.environment.templates_dir,
                    p.previous->template_folders, *context.folder_digests);
    if (sources != p.previous->sources) return false;
    const auto out = dataset_out(context, p.result.name);
    for (const auto& recorded : p.previous->documents)
        if (!all_files_there(out, recorded)) return false;
    // Every published file as it was published: one changed since takes the
    // full path, where plan_documents says which and makes it again.
    std::vector<std::string> published;
    for (const auto& [name, digest] : p.previous->digests) published.push_back(name);
    return first_changed_file(out, published, *p.previous, file_digests(context)).empty();
}

// After planning, on the full path (a round with letters): every document
// is kept, the documents are the ones published, and nothing else the folder
// holds would change (the account, the diagnostics, every published file's
// bytes). Then the folder is not published again, so its files and its "last
// good build" time stay as they were.
bool nothing_to_publish(const PreparedDataset& p, const RunContext& context) {
    if (!context.environment.digest || !p.previous || p.previous->inputs != p.inputs || p.to_render() > 0 ||
        !p.output_warnings.items().empty() || p.plans.size() != p.previous->documents.size())
        return false;
    for (std::size_t i = 0; i < p.plans.size(); ++i)
        if (p.plans[i].name != p.previous->documents[i].name) return false;
    // The record holds this input's diagnostics and those of laying out the
    // documents it rendered then, which a kept document does not repeat.
    std::set<std::string> then;
    for (const auto& d : p.previous->diagnostics) then.insert(core::to_string(d));
    for (const auto& d : p.result.diagnostics.items())
        if (!then.count(core::to_string(d))) return false;
    const auto out = dataset_out(context, p.result.name);
    // The account is written anew by every publish; it must be the same text.
    std::vector<std::string> published;
    for (const auto& [name, digest] : p.previous->digests) published.push_back(name);
    const auto recorded_account = p.previous->digests.find(kAccountTextFile);
    const auto recorded_json = p.previous->digests.find(kAccountJsonFile);
    if (recorded_account == p.previous->digests.end() || recorded_json == p.previous->digests.end() ||
        recorded_account->second != context.environment.digest(p.result.account_text) ||
        recorded_json->second != context.environment.digest(p.result.account_json))
        return false;
    return first_changed_file(out, published, *p.previous, file_digests(context)).empty();
}

// What each document is made from, for its key.
struct DocumentSource {
    std::string name;
    std::string template_folder;
    const doc::Template* tmpl = nullptr;
    std::string instance;  // the letter's name; "" for a round document
};

struct Sources {
    std::vector<doc::Template> round;       // the round's template folder
    std::vector<doc::Template> letters;     // its letter template folder, if any
    std::vector<doc::Template> evaluation;  // its evaluation template folder, if any
    std::vector<DocumentSource> documents;
};

// Spec::only_document: the other documents are kept as last published
// whatever their keys say, or left out when there is no good file to keep
// (never published, or changed since). Plans and trees stay index-aligned.
void keep_all_but_one(PreparedDataset& p, const RunContext& context) {
    const auto& only = context.spec.only_document;
    const auto out = dataset_out(context, p.result.name);
    std::vector<DocumentPlan> plans;
    std::vector<doc::BuiltDocument> documents;
    for (std::size_t i = 0; i < p.plans.size(); ++i) {
        auto& plan = p.plans[i];
        if (plan.name != only && !plan.kept) {
            const auto* recorded = p.previous ? p.previous->find(plan.name) : nullptr;
            if (recorded == nullptr || !all_files_there(out, *recorded) ||
                !first_changed_file(out, files_of(*recorded), *p.previous, file_digests(context)).empty())
                continue;
            plan.kept = *recorded;
            plan.key = recorded->key;
        }
        plans.push_back(std::move(plan));
        documents.push_back(std::move(p.documents[i]));
    }
    p.plans = std::move(plans);
    p.documents = std::move(documents);
}

void plan_documents(PreparedDataset& p, const Sources& sources, const RunContext& context) {
    const auto out = dataset_out(context, p.result.name);
    for (const auto& source : sources.documents) {
        DocumentPlan plan;
        plan.name = source.name;
        plan.key = document_key(context.environment.digest, context.fingerprint, p.inputs, source.template_folder,
                                *source.tmpl, source.instance);
        const auto* recorded = p.previous ? p.previous->find(plan.name) : nullptr;
        if (recorded && !plan.key.empty() && recorded->key == plan.key && all_files_there(out, *recorded)) {
            const auto changed = first_changed_file(out, files_of(*recorded), *p.previous, file_digests(context));
            if (changed.empty())
                plan.kept = *recorded;
            else
                p.output_warnings.warning({(out / changed).string(), 0, 0},
                                          core::tr("this file was changed after fuel published it (its bytes are not "
                                                   "those recorded in {1}); the document is made again",
                                                   std::string(kManifestFile)));
        }
        p.plans.push_back(std::move(plan));
    }
    if (!context.spec.only_document.empty()) keep_all_but_one(p, context);
}

// Spec::only_document names a document of this dataset; an error (with the
// names it has) otherwise.
bool has_only_document(PreparedDataset& p, const RunContext& context) {
    const auto& only = context.spec.only_document;
    std::vector<std::string> names;
    for (const auto& d : p.documents) {
        if (d.name == only) return true;
        names.push_back(d.name);
    }
    std::string all;
    for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
    const auto close = core::closest_match(only, names);
    p.result.diagnostics.error(
        {p.result.directory, 0, 0},
        close ? core::tr("--document: the dataset has no document \"{1}\"; did you mean "
                         "\"{2}\"? It has {3}",
                         only, *close, all)
              : core::tr("--document: the dataset has no document \"{1}\"; it has {2}", only, all));
    return false;
}

// Every record read is used by a document or rejected with its reason
// (issue of nothing lost; transform/account.hpp). Made after the documents,
// so that their diagnostics count.
// The letters are not scopes: each states one administration's
// applications, which the round's own documents state too.
void keep_account(PreparedDataset& p, const model::Dataset& dataset, const model::Report& report,
                  const Sources& sources) {
    std::vector<transform::DocumentScope> scopes;
    for (const auto* folder : {&sources.round, &sources.evaluation})
        for (const auto& tmpl : *folder)
            scopes.push_back(transform::scope_of(tmpl.name, tmpl.path, tmpl.source, dataset.round));
    const auto account = transform::make_account(dataset, report, scopes, p.result.diagnostics);
    p.result.account_note = transform::template_note(account);
    p.result.account_text = transform::to_text(account);
    p.result.account_json = transform::to_json(account) + "\n";
    p.result.records_read = account.read();
    p.result.records_used = account.used();
    p.result.records_rejected = account.rejected();
}

// The letters to the applicants (round.xml <letter-template>): one document
// per applying administration and template, so their number follows the data.
void build_letters(PreparedDataset& p, const model::Report& report, const RunContext& context, Sources& sources,
                   doc::ViewScope scope) {
    const auto& folder = report.dataset->round.letter_template;
    if (folder.empty()) return;
    p.template_folders.push_back(folder);
    auto& diagnostics = p.result.diagnostics;
    sources.letters = templates_of(folder, context, diagnostics);
    for (const auto& tmpl : sources.letters)
        for (auto& letter : doc::build_letters(report, tmpl, diagnostics, scope)) {
            sources.documents.push_back({letter.name, folder, &tmpl, letter.name});
            p.documents.push_back({letter.name, std::move(letter.document)});
        }
}

// The evaluation of last year's grants (round.xml <evaluation-template>):
// one document per template, as the round's own.
void build_evaluation(PreparedDataset& p, const model::Report& report, const RunContext& context, Sources& sources) {
    const auto& folder = report.dataset->round.evaluation_template;
    if (folder.empty()) return;
    p.template_folders.push_back(folder);
    auto& diagnostics = p.result.diagnostics;
    sources.evaluation = templates_of(folder, context, diagnostics);
    // Without last year's round there is nothing to evaluate: the check
    // says so (transform/follow_up_rules.cpp), and the templates' empty
    // tables and charts would only add errors of their own. The templates
    // are still read, for the account of what uses which records.
    if (!transform::has_last_years_round(*report.dataset)) return;
    for (const auto& tmpl : sources.evaluation) {
        sources.documents.push_back({tmpl.name, folder, &tmpl, ""});
        p.documents.push_back({tmpl.name, doc::build_document(report, tmpl, diagnostics)});
    }
}

// ingest -> transform -> document; false when the input has errors.
// `scope`: Full for documents to publish or compare; Shapes for a check,
// which renders the templates over one record of each shape and so finds
// the same template errors in a time that does not grow with the data
// (document/view_shapes.hpp).
bool build_trees(PreparedDataset& p, const std::string& directory, const RunContext& context, Sources& sources,
                 doc::ViewScope scope) {
    auto& diagnostics = p.result.diagnostics;
    auto dataset = ingest::load_dataset(directory, diagnostics, context.template_threads);
    if (!dataset) return false;
    transform::validate(*dataset, diagnostics);
    const auto report = transform::aggregate(*dataset);
    p.template_name = dataset->round.template_name;
    p.template_folders.push_back(p.template_name);
    // As doc::build_documents does, but keeping the template sources, so
    // that each key is made from exactly the text that was rendered.
    sources.round = templates_of(p.template_name, context, diagnostics);
    // The documents are built even from data with errors, so that template
    // problems show in the same run. Values that are wrong (a date that
    // does not exist) can make the document stage throw; that is those
    // reported errors again, not an internal failure.
    const bool input_errors = diagnostics.has_errors();
    try {
        auto trees =
            doc::build_documents(report, std::make_unique<kainjow::mustache::data>(doc::make_view_model(report, scope)),
                                 sources.round, diagnostics, context.template_threads);
        for (std::size_t i = 0; i < trees.size(); ++i) {
            const auto& tmpl = sources.round[i];
            sources.documents.push_back({tmpl.name, p.template_name, &tmpl, ""});
            p.documents.push_back({tmpl.name, std::move(trees[i])});
            casefields::check(p.documents.back().document, tmpl, diagnostics);
        }
        build_letters(p, report, context, sources, scope);
        build_evaluation(p, report, context, sources);
    } catch (const std::exception&) {
        if (!input_errors) throw;
    }
    keep_account(p, *dataset, report, sources);
    return !diagnostics.has_errors();
}

// The input size below which the fonts are read beside ingest: the
// fixtures' rounds are 20 to 200 KB, a round of 1 000 applications about
// 0.6 MB, of 10 000 about 6 MB.
constexpr std::uintmax_t kPreloadInputLimit = 1 << 20;

// The bytes of the dataset folder's files (not its earlier rounds').
std::uintmax_t input_bytes(const std::string& directory) {
    std::uintmax_t bytes = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec))
            if (const auto size = it->file_size(ec); !ec) bytes += size;
    return bytes;
}

void prepare(PreparedDataset& p, const std::string& directory, const RunContext& context) {
    const auto& spec = context.spec;
    // Sent and decided documents come from the archive, never made anew
    // (archive.hpp); a version not archived yet is archived once published.
    p.state = ingest::read_committee_state(directory, p.result.diagnostics);
    p.result.stage = model::stage_word(p.state.stage());
    p.result.state_text = model::describe(p.state);
    if (!spec.only_document.empty() && p.state.stage() != model::CommitteeState::Stage::Draft) {
        // A sent or decided dataset's documents are the committee's, kept
        // and archived as one set: one of them alone is never made.
        p.result.diagnostics.error({directory, 0, 0},
                                   core::tr("--document: this dataset is {1}; its documents are archived as one set "
                                            "and none is built alone (run fuel build without --document)",
                                            p.result.state_text));
        p.previous = read_manifest(dataset_out(context, p.result.name).string());
        report_last_good(p, context);
        return;
    }
    if (!spec.check_only && !spec.ignore_archive && p.state.stage() != model::CommitteeState::Stage::Draft &&
        !p.result.diagnostics.has_errors()) {
        if (serve_archived(p, directory, context)) return;
        p.archive_after_publish = true;
    }
    if (!spec.check_only) p.previous = read_manifest(dataset_out(context, p.result.name).string());
    // Digest before reading: an export that lands during the build then
    // makes the next build run again, rather than hide behind a new key.
    if (context.environment.digest && !spec.check_only)
        p.inputs = round_inputs_digest(directory, context.environment.digest, context.folder_digests);
    if (!p.result.diagnostics.has_errors() && spec.only_document.empty() && unchanged_since_last_build(p, context)) {
        p.result.outcome = Outcome::Unchanged;
        for (const auto& d : p.previous->diagnostics) p.result.diagnostics.add(d);
        report_last_good(p, context);
        if (p.archive_after_publish) {
            // Unchanged since its last build, and now sent or decided: the
            // published documents are what the committee got.
            PreparedDataset trees;  // for the documents' titles; its diagnostics were reported then
            trees.state = p.state;
            trees.result.name = p.result.name;
            Sources sources;
            if (build_trees(trees, directory, context, sources, doc::ViewScope::Full)) {
                p.documents = std::move(trees.documents);
                p.template_folders = std::move(trees.template_folders);
                archive_published(p, directory, context);
            }
        }
        return;
    }
    // This dataset is read and most likely rendered: the fonts and the
    // patterns are read meanwhile (render_resources.hpp). Not beside a large
    // round's ingest, whose peak they would add to (docs/memory.md); its
    // documents take seconds, and read them when the first is laid out.
    if (!spec.check_only && input_bytes(directory) <= kPreloadInputLimit)
        preload_render_resources(context.environment.fonts, context.environment.hyphenation_patterns);
    Sources sources;
    const auto scope = spec.check_only ? doc::ViewScope::Shapes : doc::ViewScope::Full;
    if (!build_trees(p, directory, context, sources, scope)) {
        report_last_good(p, context);
        return;
    }
    if (!spec.only_document.empty() && !has_only_document(p, context)) {
        report_last_good(p, context);
        return;
    }
    if (spec.check_only) {
        p.result.outcome = Outcome::Checked;
        return;
    }
    plan_documents(p, sources, context);
    add_revision_documents(p, context);
    if (nothing_to_publish(p, context)) {
        p.result.outcome = Outcome::Unchanged;
        // As on the fast path: the account and diagnostics are those of the
        // build that made the documents (job.hpp).
        p.result.account_text.clear();
        p.result.account_json.clear();
        p.result.account_note.clear();
        p.result.records_read = p.result.records_used = p.result.records_rejected = 0;
        p.result.diagnostics = core::Diagnostics{};
        for (const auto& d : p.previous->diagnostics) p.result.diagnostics.add(d);
        report_last_good(p, context);
        archive_published(p, directory, context);  // only when now sent or decided (archive_after_publish)
        return;
    }
    p.staging = prepare_staging(spec.out_dir, p.result.name);
    p.to_publish = true;
}

}  // namespace

std::size_t PreparedDataset::to_render() const {
    std::size_t n = 0;
    for (const auto& plan : plans) n += plan.kept ? 0 : 1;
    return n;
}

FileDigests& file_digests(const RunContext& context) {
    static FileDigests none{Digest{}};  // asked for nothing: no digest function, no state
    return context.file_digests ? *context.file_digests : none;
}

std::int64_t RunContext::now() const {
    if (environment.clock) return environment.clock();
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The folder's own name, after `.`, `..` and links are resolved: `--data .`
// inside a round names the round, never "." (which would stage and publish
// the output folder itself).
std::string dataset_name(const std::string& directory) {
    return fs::path(resolved_folder(directory)).filename().string();
}

PreparedDataset prepare_dataset(const std::string& directory, const RunContext& context) {
    PreparedDataset p;
    p.result.directory = directory;
    p.result.name = dataset_name(directory);
    // The name becomes a folder, links, log lines and JSON: one that is not
    // plain UTF-8 text is refused, and shown with its odd bytes made visible.
    if (core::visible(p.result.name) != p.result.name) {
        p.result.name = core::visible(p.result.name);
        p.result.directory = core::visible(directory);
        p.result.diagnostics.error({p.result.directory, 0, 0},
                                   core::tr("the dataset folder's name is not valid UTF-8 or holds control characters "
                                            "(shown here as \"{1}\"); rename the folder",
                                            p.result.name));
        return p;
    }
    // Asked to stop before this dataset was read: its last good documents
    // stay, and it is reported as stopped.
    if (!context.spec.check_only && context.spec.stop && context.spec.stop->load()) {
        p.previous = read_manifest(dataset_out(context, p.result.name).string());
        p.result.outcome = Outcome::Stopped;
        p.result.failure = core::tr("the build was stopped before this dataset was read");
        report_last_good(p, context);
        return p;
    }
    try {
        prepare(p, directory, context);
    } catch (const std::exception& e) {
        p.to_publish = false;
        p.result.outcome = Outcome::InternalFailure;
        p.result.failure = e.what();
        if (!p.staging.empty()) discard_staging(context.spec.out_dir, p.result.name);
        report_last_good(p, context);
    }
    return p;
}

std::vector<doc::BuiltDocument> build_document_trees(const std::string& directory, const RunContext& context) {
    PreparedDataset p;
    p.result.name = dataset_name(directory);
    Sources sources;
    if (!build_trees(p, directory, context, sources, doc::ViewScope::Full)) return {};
    return std::move(p.documents);
}

std::vector<DocumentResult> last_good_documents(const Manifest& manifest, const std::string& out) {
    std::vector<DocumentResult> documents;
    for (const auto& d : manifest.documents) {
        const auto path = (fs::path(out) / (d.name + ".pdf")).string();
        if (!fs::is_regular_file(path)) continue;
        DocumentResult result{d.name, path, d.pages, false, d.built_at, {}};
        for (const auto& file : d.companions)
            if (fs::is_regular_file(fs::path(out) / file)) result.companions.push_back((fs::path(out) / file).string());
        documents.push_back(std::move(result));
    }
    return documents;
}

}  // namespace job
