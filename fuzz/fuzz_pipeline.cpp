// libFuzzer: the whole path a build takes for one applications file against
// the fixture round: ingest -> validation, totals and the account -> the
// documents of templates/beslut-lum-mul -> layout -> PDF bytes, as
// job/dataset_build.cpp and job/dataset_publish.cpp run it. The first byte
// picks the format (even: CSV, odd: XML); the rest is the file.
//
// A check renders the templates over one application of each shape
// (document/view_shapes.hpp) and must find what the full render finds: for
// every input, the two renders' diagnostics are the same.
//
// Layout runs for every input, errors or not, because it must never crash
// on any tree; PDF bytes are made, as by a build, only for inputs without
// errors.
#include <filesystem>
#include <set>

#include "document/build.hpp"
#include "fuzz_support.hpp"
#include "layout/layout.hpp"
#include "pdf/font_library.hpp"
#include "pdf/writer.hpp"
#include "transform/account.hpp"
#include "transform/transform.hpp"

namespace {

struct Fixed {
    std::vector<doc::Template> templates;
    pdf::FontFiles fonts = pdf::FontFiles::liberation();
    pdf::FontLibrary metrics = pdf::FontLibrary::load(fonts);
};

const Fixed& fixed() {
    static const Fixed f = [] {
        Fixed loaded;
        core::Diagnostics diagnostics;
        loaded.templates = doc::load_templates(std::string(FUEL_SOURCE_DIR) + "/templates/beslut-lum-mul", diagnostics);
        fuzz::require(!diagnostics.has_errors() && !loaded.templates.empty(), "the templates do not load");
        return loaded;
    }();
    return f;
}

model::Dataset dataset_of(std::string_view input, core::Diagnostics& diagnostics) {
    model::Dataset dataset;
    dataset.name = "fuzz";
    dataset.round = fuzz::fixture_round();
    const bool xml = !input.empty() && (static_cast<unsigned char>(input.front()) & 1U) != 0;
    if (!input.empty()) input.remove_prefix(1);
    auto file = xml ? ingest::parse_applications_xml(input, "fuzz.xml", dataset.round, diagnostics)
                    : ingest::parse_applications_csv(input, "fuzz.csv", dataset.round, diagnostics);
    fuzz::check_file(file);
    dataset.applications = std::move(file.applications);
    dataset.sources.push_back(std::move(file.source));
    return dataset;
}

std::set<std::string> messages(const core::Diagnostics& diagnostics) {
    std::set<std::string> out;
    for (const auto& d : diagnostics.items())
        out.insert(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message);
    return out;
}

void check_account(const transform::Account& account) {
    for (const auto& f : account.files)
        fuzz::require(f.read == static_cast<int>(f.used.size() + f.rejected.size()), "read != used + rejected");
    fuzz::require(!account.accepted || account.rejected() == 0, "a record rejected from a dataset without errors");
    fuzz::require(!transform::to_text(account).empty() && !transform::to_json(account).empty(), "an empty account");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const auto& f = fixed();
    core::Diagnostics diagnostics;
    const auto dataset = dataset_of(fuzz::bytes(data, size), diagnostics);
    transform::validate(dataset, diagnostics);
    const auto report = transform::aggregate(dataset);
    std::vector<transform::DocumentScope> scopes;
    std::vector<doc::Document> documents;
    core::Diagnostics full, shapes;
    const auto view = doc::make_view_model(report);
    const auto shapes_view = doc::make_view_model(report, doc::ViewScope::Shapes);
    for (const auto& t : f.templates) {
        scopes.push_back(transform::scope_of(t.name, t.path, t.source, dataset.round));
        documents.push_back(doc::build_document(report, view, t, full));
        doc::build_document(report, shapes_view, t, shapes);
    }
    fuzz::require(messages(full) == messages(shapes), "a check's render finds other template problems than a build's");
    diagnostics.append(full);
    check_account(transform::make_account(dataset, report, scopes, diagnostics));
    const bool valid = !diagnostics.has_errors();
    for (const auto& document : documents) {
        core::Diagnostics layout_diagnostics;
        const auto paged = layout::lay_out(document, f.metrics, layout_diagnostics);
        fuzz::require(!layout_diagnostics.has_errors() || !valid, "layout refused a valid dataset's document");
        if (valid) fuzz::require(!pdf::render(paged, f.fonts).empty(), "no PDF bytes");
    }
    return 0;
}
