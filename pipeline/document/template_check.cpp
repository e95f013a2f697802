#include "document/template_check.hpp"

#include <algorithm>
#include <optional>

#include "core/messages.hpp"
#include "document/shared_item.hpp"
#include "document/template_names.hpp"
#include "document/view_model.hpp"

namespace doc {

using kainjow::mustache::data;

namespace {

// The lines of the ```chart blocks' data rows: from the line after "data:"
// to the closing fence. Byte ranges of the source.
struct ChartRows {
    std::size_t begin = 0, end = 0;
};

std::vector<ChartRows> chart_data_rows(const std::string& source) {
    std::vector<ChartRows> rows;
    bool in_chart = false, in_fence = false;
    std::size_t start = 0;
    while (start < source.size()) {
        auto stop = source.find('\n', start);
        if (stop == std::string::npos) stop = source.size();
        const std::string line = source.substr(start, stop - start);
        const auto first = line.find_first_not_of(" \t");
        const std::string text = first == std::string::npos ? "" : line.substr(first);
        if (text.rfind("```", 0) == 0) {
            if (in_fence) {
                if (in_chart && !rows.empty() && rows.back().end == 0) rows.back().end = start;
                in_fence = in_chart = false;
            } else {
                in_fence = true;
                in_chart = text.find("chart") != std::string::npos;
            }
        } else if (in_chart && text.rfind("data:", 0) == 0) {
            rows.push_back({stop, 0});
        }
        start = stop + 1;
    }
    if (!rows.empty() && rows.back().end == 0) rows.back().end = source.size();
    return rows;
}

// Whether a tag at `offset` stands where a chart reads a number: in a data
// row, after the row's first unescaped "|" (the first cell is the label).
bool in_chart_value(const std::string& source, const std::vector<ChartRows>& rows, std::size_t offset) {
    for (const auto& r : rows) {
        if (offset < r.begin || offset >= r.end) continue;
        const auto line_start = source.rfind('\n', offset == 0 ? 0 : offset - 1);
        const std::size_t from = line_start == std::string::npos ? 0 : line_start + 1;
        for (std::size_t i = from; i < offset; ++i)
            if (source[i] == '|' && (i == 0 || source[i - 1] != '\\')) return true;
    }
    return false;
}

const SchemaNode* node_at(const SchemaNode& schema, const std::string& path) {
    const SchemaNode* here = &schema;
    bool first = true;
    for (const auto& step : path_steps(path)) {
        if (!step.name.empty()) {
            const SchemaNode* next = here->find(step.name);
            if (next == nullptr && first) {  // a fund's code: an item of the funds
                const SchemaNode* funds = schema.find("funds");
                next = funds ? funds->find(kListItem) : nullptr;
            }
            here = next;
        }
        first = false;
        if (here != nullptr && step.item) here = here->find(kListItem);
        if (here == nullptr) break;
    }
    return here;
}

// The number beside a text: "kronor" -> "number", "share" -> "share_value".
std::optional<std::string> numeric_twin(const SchemaNode& parent, const std::string& name) {
    for (const auto& candidate : {name + "_value", name + "_number", std::string("number"), std::string("value"),
                                  std::string("tkr_number"), std::string("count")}) {
        const SchemaNode* node = parent.find(candidate);
        if (node != nullptr && node->kind == ValueKind::Number) return candidate;
    }
    return std::nullopt;
}

std::string with_last_part(const std::string& name, const std::string& part) {
    const auto dot = name.rfind('.');
    return dot == std::string::npos ? part : name.substr(0, dot + 1) + part;
}

// This dataset's value of a schema path, the first item's through a list.
const data* value_at(const data& view, const std::string& path, const std::vector<std::string>& codes) {
    const data* here = &view;
    bool first = true;
    for (const auto& step : path_steps(path)) {
        if (!step.name.empty()) {
            const data* next = here->is_object() ? here->get(step.name) : nullptr;
            if (next == nullptr && first && std::find(codes.begin(), codes.end(), step.name) != codes.end())
                next = fund_by_code(view, step.name);
            here = next;
        }
        first = false;
        if (here == nullptr) break;
        if (step.item) {
            if (!here->is_list() || here->list_value().empty()) return nullptr;
            here = &resolved(here->list_value().front());
        }
    }
    return here;
}

}  // namespace

DocumentKind document_kind(const data& view) {
    if (view.get("letter") != nullptr) return DocumentKind::Letter;
    if (view.get("table_1_1") != nullptr) return DocumentKind::FinalReport;
    if (view.get("budget") != nullptr && view.get("application") != nullptr) return DocumentKind::FundApplication;
    return DocumentKind::Round;
}

TemplateCheck check_template(const Template& tmpl, const SchemaNode& schema, const data& view,
                             core::Diagnostics& diagnostics) {
    TemplateCheck check;
    check.scanned = scan_template(tmpl, diagnostics);
    if (check.scanned.broken) return check;
    const auto codes = fund_codes(view);
    const auto resolved = resolve_tags(check.scanned, schema, codes);
    const auto charts = chart_data_rows(tmpl.source);
    for (std::size_t i = 0; i < resolved.size(); ++i) {
        const auto& tag = check.scanned.tags[i];
        const auto& name = resolved[i];
        const core::SourceLocation where{tmpl.path, tag.line, tag.column};
        if (tag.kind == TemplateTag::Kind::Partial) {
            diagnostics.error(where, core::tr("{{>{1}}} includes a partial; fuel's templates have none", tag.name));
            continue;
        }
        if (name.node == nullptr) {
            if (name.unknown_context || tag.kind == TemplateTag::Kind::Close) continue;
            check.reported.insert(tag.name);
            if (name.suggestion)
                diagnostics.error(where, core::tr("{{{1}}} names nothing this document's data can have; did you mean "
                                                  "{{{2}}}? (templates/README.md lists the names)",
                                                  tag.name, *name.suggestion));
            else
                diagnostics.error(where, core::tr("{{{1}}} names nothing this document's data can have "
                                                  "(templates/README.md lists the names)",
                                                  tag.name));
            continue;
        }
        const bool variable = tag.kind == TemplateTag::Kind::Variable || tag.kind == TemplateTag::Kind::Unescaped;
        if (!variable || name.node->kind != ValueKind::Text || !in_chart_value(tmpl.source, charts, tag.offset))
            continue;
        // A chart's value must be a number; a formatted amount is text.
        const auto dot = name.path.rfind('.');
        const SchemaNode* parent = dot == std::string::npos ? &schema : node_at(schema, name.path.substr(0, dot));
        const std::string last = dot == std::string::npos ? name.path : name.path.substr(dot + 1);
        const auto twin = parent ? numeric_twin(*parent, last) : std::nullopt;
        const data* value = value_at(view, name.path, codes);
        const std::string shown = value != nullptr && value->is_string() && !value->string_value().empty()
                                      ? core::tr(" (\"{1}\" in this dataset)", value->string_value())
                                      : std::string();
        if (twin)
            diagnostics.error(where, core::tr("chart: {{{1}}} gives text{2}, not a number the chart can draw; "
                                              "{{{3}}} gives its number",
                                              tag.name, shown, with_last_part(tag.name, *twin)));
        else
            diagnostics.error(
                where, core::tr("chart: {{{1}}} gives text{2}, not a number the chart can draw", tag.name, shown));
    }
    return check;
}

}  // namespace doc
