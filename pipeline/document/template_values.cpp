#include "document/template_values.hpp"

#include <map>

#include "core/messages.hpp"
#include "document/shared_item.hpp"
#include "document/template_names.hpp"
#include "document/template_tags.hpp"
#include "document/view_model.hpp"

namespace doc {

using kainjow::mustache::data;

namespace {

constexpr std::size_t kItemsShown = 3;

// A list item in a few words: a text as it is, a section by the first of
// the names that usually say what it is.
std::string item_text(const data& item) {
    if (item.is_string()) return item.string_value();
    if (!item.is_object()) return "";
    for (const char* name : {"title", "name", "administration", "text", "id", "code", "year", "heading", "cause"}) {
        const data* value = item.get(name);
        if (value != nullptr && value->is_string() && !value->string_value().empty()) return value->string_value();
    }
    return "";
}

std::string display(const data& value) {
    if (value.is_string()) return value.string_value();
    if (value.is_bool()) return value.is_true() ? "true" : "false";
    if (!value.is_list()) return "";
    const auto& items = value.list_value();
    std::string text = std::to_string(items.size());
    for (std::size_t i = 0; i < items.size() && i < kItemsShown; ++i)
        text += (i == 0 ? ": " : "; ") + item_text(resolved(items[i]));
    if (items.size() > kItemsShown) text += "; …";
    return text;
}

// The value at a schema path in `view`: through "[]", the first item.
const data* value_at(const data& view, const std::string& path) {
    const data* here = &view;
    for (const auto& step : path_steps(path)) {
        if (!step.name.empty()) here = here->is_object() ? here->get(step.name) : nullptr;
        if (here == nullptr) break;
        if (step.item) {
            if (!here->is_list() || here->list_value().empty()) return nullptr;
            here = &resolved(here->list_value().front());
        }
    }
    return here;
}

}  // namespace

std::vector<TemplateValue> template_values(const data& view, DocumentKind kind, const std::vector<Template>& templates,
                                           core::Diagnostics& diagnostics) {
    // The compiled-in schema, and what this view has beyond it (a view
    // always has its own names; the schema test keeps the two equal).
    SchemaNode schema = view_schema(kind);
    merge(schema, schema_of(view));
    const auto codes = fund_codes(view);

    std::map<std::string, TemplateValue> values;
    auto add = [&](const std::string& name, const SchemaNode& node, const data& root, const std::string& path) {
        TemplateValue value;
        value.name = name;
        value.kind = node.kind;
        if (const data* found = value_at(root, path)) {
            value.present = true;
            value.value = display(*found);
        }
        values.emplace(name, std::move(value));
    };
    for (const auto& [name, node] : dotted_names(schema))
        if (name.size() < 2 || name.compare(name.size() - 2, 2, kListItem) != 0) add(name, *node, view, name);
    // Each fund by its code, as templates mostly write them.
    if (const SchemaNode* funds = schema.find(kFundsList); funds && funds->find(kListItem)) {
        for (const auto& code : codes) {
            const data* fund = fund_by_code(view, code);
            if (fund == nullptr) continue;
            for (const auto& [name, node] : dotted_names(*funds->find(kListItem)))
                if (name.size() < 2 || name.compare(name.size() - 2, 2, kListItem) != 0)
                    add(code + "." + name, *node, *fund, name);
        }
    }
    for (const auto& tmpl : templates) {
        const auto scanned = scan_template(tmpl, diagnostics);
        if (scanned.broken) continue;
        const auto resolved = resolve_tags(scanned, schema, codes);
        for (std::size_t i = 0; i < scanned.tags.size(); ++i) {
            if (scanned.tags[i].kind == TemplateTag::Kind::Close || resolved[i].node == nullptr) continue;
            const auto it = values.find(resolved[i].path);
            if (it != values.end())
                it->second.uses.push_back({tmpl.path, scanned.tags[i].line, scanned.tags[i].column});
        }
    }
    std::vector<TemplateValue> out;
    out.reserve(values.size());
    for (auto& [name, value] : values) out.push_back(std::move(value));
    return out;
}

}  // namespace doc
