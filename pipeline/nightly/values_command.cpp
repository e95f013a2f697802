#include "nightly/values_command.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

#include "core/diagnostics.hpp"
#include "core/messages.hpp"
#include "ingest/dataset_loader.hpp"
#include "ingest/xml_schema.hpp"
#include "job/document_values.hpp"

namespace nightly {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr std::size_t kValueWidth = 48;

// Cut to `width` code points, with "…" where cut: a table row stays a line.
std::string fit(const std::string& text, std::size_t width) {
    std::string one_line = text;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    std::size_t points = 0;
    for (std::size_t i = 0; i < one_line.size(); ++i) {
        if ((static_cast<unsigned char>(one_line[i]) & 0xC0) == 0x80) continue;
        if (++points > width) return one_line.substr(0, i) + "…";
    }
    return one_line;
}

std::size_t width_of(const std::string& text) {
    std::size_t points = 0;
    for (unsigned char c : text) points += (c & 0xC0) != 0x80;
    return points;
}

std::string padded(const std::string& text, std::size_t width) {
    const auto w = width_of(text);
    return text + std::string(w < width ? width - w : 1, ' ');
}

std::string place(const doc::ValueUse& use) {
    return core::to_string(core::SourceLocation{use.file, use.line, use.column});
}

void print_text(const std::vector<job::DocumentValues>& documents, std::ostream& out) {
    for (const auto& d : documents) {
        out << core::tr("{1} ({2}, {3} view)", d.document, d.template_path, doc::to_string(d.kind)) << "\n";
        std::size_t name_width = 0;
        for (const auto& v : d.values) name_width = std::max(name_width, width_of(v.name));
        out << "  " << padded(core::tr("name"), name_width + 2) << padded(core::tr("kind"), 9)
            << padded(core::tr("value"), kValueWidth + 2) << core::tr("used at") << "\n";
        for (const auto& v : d.values) {
            std::string uses;
            for (const auto& use : v.uses) uses += (uses.empty() ? "" : ", ") + place(use);
            const std::string value = v.present ? fit(v.value, kValueWidth) : core::tr("(none this round)");
            out << "  " << padded(v.name, name_width + 2) << padded(doc::to_string(v.kind), 9)
                << padded(value, kValueWidth + 2) << uses << "\n";
        }
        out << "\n";
    }
}

void print_json(const std::vector<job::DocumentValues>& documents, std::ostream& out) {
    Array all;
    for (const auto& d : documents)
        for (const auto& v : d.values) {
            Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("document", d.document);
            item->set("template", d.template_path);
            item->set("name", v.name);
            item->set("kind", std::string(doc::to_string(v.kind)));
            item->set("present", v.present);
            item->set("value", v.value);
            Array uses;
            for (const auto& use : v.uses) {
                Object::Ptr at = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
                at->set("file", use.file);
                at->set("line", use.line);
                at->set("column", use.column);
                uses.add(at);
            }
            item->set("uses", uses);
            all.add(item);
        }
    all.stringify(out, 1);
    out << "\n";
}

}  // namespace

int run_values(const Settings& settings, const std::string& document, bool json, std::ostream& out, std::ostream& err) {
    const auto datasets = ingest::find_datasets(settings.data_dir);
    if (datasets.size() != 1) {
        err << "fuel: "
            << core::visible(datasets.empty()
                                 ? core::tr("values: {1} holds no dataset; give one dataset folder with --data",
                                            settings.data_dir)
                                 : core::tr("values: {1} holds {2} datasets; give one of them with --data",
                                            settings.data_dir, std::to_string(datasets.size())))
            << "\n";
        return 2;
    }
    ingest::prepare_xml_schemas();
    core::Diagnostics diagnostics;
    const auto documents = job::dataset_values(datasets.front(), settings.templates_dir, document, diagnostics);
    if (json)
        print_json(documents, out);
    else
        print_text(documents, out);
    for (const auto& d : diagnostics.sorted()) err << core::to_string(d) << "\n";
    return diagnostics.has_errors() ? 1 : 0;
}

}  // namespace nightly
