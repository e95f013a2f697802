#include "job/document_values.hpp"

#include <filesystem>

#include "core/closest_match.hpp"
#include "core/messages.hpp"
#include "document/build.hpp"
#include "document/view_model.hpp"
#include "ingest/dataset_loader.hpp"
#include "transform/transform.hpp"

namespace job {

namespace fs = std::filesystem;

namespace {

doc::DocumentKind kind_of(const model::Report& report) {
    if (report.final_report) return doc::DocumentKind::FinalReport;
    if (report.fund_application) return doc::DocumentKind::FundApplication;
    return doc::DocumentKind::Round;
}

std::vector<doc::Template> templates_in(const std::string& templates_dir, const std::string& folder,
                                        core::Diagnostics& diagnostics) {
    if (folder.empty()) return {};
    return doc::load_templates((fs::path(templates_dir) / folder).string(), diagnostics);
}

}  // namespace

std::vector<DocumentValues> dataset_values(const std::string& directory, const std::string& templates_dir,
                                           const std::string& document, core::Diagnostics& diagnostics) {
    std::vector<DocumentValues> out;
    auto dataset = ingest::load_dataset(directory, diagnostics, 1);
    if (!dataset) return out;
    transform::validate(*dataset, diagnostics);
    const auto report = transform::aggregate(*dataset);
    const auto& round = dataset->round;
    const auto view = doc::make_view_model(report);
    std::vector<std::string> names;
    auto wanted = [&](const std::string& name) {
        names.push_back(name);
        return document.empty() || document == name;
    };
    auto add = [&](const std::string& name, const doc::Template& tmpl, doc::DocumentKind kind,
                   const kainjow::mustache::data& seen) {
        out.push_back({name, tmpl.path, kind, doc::template_values(seen, kind, {tmpl}, diagnostics)});
    };
    for (const auto& folder : {round.template_name, round.evaluation_template})
        for (const auto& tmpl : templates_in(templates_dir, folder, diagnostics))
            if (wanted(tmpl.name)) add(tmpl.name, tmpl, kind_of(report), view);
    const auto letters = templates_in(templates_dir, round.letter_template, diagnostics);
    if (!letters.empty()) {
        const auto administrations = doc::applicants(*dataset);
        for (const auto& tmpl : letters) {
            const auto files = doc::letter_file_names(administrations, tmpl.name);
            bool any = false;
            for (const auto& administration : administrations) {
                const auto& name = files.at(administration);
                const bool named = document == name || (document == tmpl.name && !any);
                names.push_back(name);
                if (!named && !(document.empty() && !any)) continue;
                any = true;
                auto letter_view = view;
                doc::add_letter_view(report, administration, letter_view);
                add(name, tmpl, doc::DocumentKind::Letter, letter_view);
            }
        }
    }
    if (!document.empty() && out.empty()) {
        const auto close = core::closest_match(document, names);
        std::string all;
        for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
        diagnostics.error({directory, 0, 0},
                          close ? core::tr("the dataset has no document \"{1}\"; did you mean \"{2}\"? It has {3}",
                                           document, *close, all)
                                : core::tr("the dataset has no document \"{1}\"; it has {2}", document, all));
    }
    return out;
}

}  // namespace job
