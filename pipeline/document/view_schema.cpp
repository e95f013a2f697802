#include "document/view_schema.hpp"

#include <optional>
#include <sstream>
#include <stdexcept>

#include "core/messages.hpp"
#include "document/fenced_blocks.hpp"
#include "document/shared_item.hpp"
#include "document/view_shapes.hpp"

namespace doc {

using kainjow::mustache::data;

const char* to_string(ValueKind kind) {
    switch (kind) {
        case ValueKind::Text: return "text";
        case ValueKind::Number: return "number";
        case ValueKind::Flag: return "flag";
        case ValueKind::Section: return "section";
        case ValueKind::List: return "list";
    }
    return "text";
}

const char* to_string(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Round: return "round";
        case DocumentKind::Letter: return "letter";
        case DocumentKind::FinalReport: return "final-report";
        case DocumentKind::FundApplication: return "fund-application";
    }
    return "round";
}

namespace {

// What a ```chart block reads as a number (parse_chart_number): a value
// a chart may draw is a number in the schema, any other string is text.
bool plain_number(const std::string& s) {
    double value = 0;
    int decimals = 0;
    return parse_chart_number(s, value, decimals);
}

std::optional<ValueKind> kind_of(const std::string& word) {
    for (auto k : {ValueKind::Text, ValueKind::Number, ValueKind::Flag, ValueKind::Section, ValueKind::List})
        if (word == to_string(k)) return k;
    return std::nullopt;
}

void add_lines(const SchemaNode& node, const std::string& prefix,
               std::vector<std::pair<std::string, const SchemaNode*>>& out) {
    for (const auto& [name, member] : node.members) {
        const std::string path = name == kListItem ? prefix + name : prefix.empty() ? name : prefix + "." + name;
        out.emplace_back(path, &member);
        add_lines(member, path, out);
    }
}

// view_schema.txt, compiled in (pipeline/CMakeLists.txt).
const char kSchemaText[] =
#include "view_schema_text.inc"
    ;

}  // namespace

const SchemaNode& view_schema(DocumentKind kind) {
    static const std::map<DocumentKind, SchemaNode> schemas = schemas_from_text(kSchemaText);
    static const SchemaNode none;
    const auto it = schemas.find(kind);
    return it == schemas.end() ? none : it->second;
}

SchemaNode schema_of(const data& view) {
    SchemaNode node;
    if (view.is_string()) {
        node.kind = plain_number(view.string_value()) ? ValueKind::Number : ValueKind::Text;
        node.blank = view.string_value().empty();
    } else if (view.is_bool()) {
        node.kind = ValueKind::Flag;
    } else if (view.is_list()) {
        node.kind = ValueKind::List;
        for (const auto& item : view.list_value()) {
            auto item_schema = schema_of(resolved(item));
            auto it = node.members.find(kListItem);
            if (it == node.members.end())
                node.members.emplace(kListItem, std::move(item_schema));
            else
                merge(it->second, item_schema);
        }
    } else if (view.is_object()) {
        node.kind = ValueKind::Section;
        for_each_member(
            view, [&](const std::string& key, const data& member) { node.members.emplace(key, schema_of(member)); });
    }
    return node;
}

void merge(SchemaNode& into, const SchemaNode& other) {
    const bool texts = (into.kind == ValueKind::Text || into.kind == ValueKind::Number) &&
                       (other.kind == ValueKind::Text || other.kind == ValueKind::Number);
    if (texts) {
        if (into.blank && !other.blank)
            into.kind = other.kind, into.blank = false;
        else if (!other.blank && into.kind != other.kind)
            into.kind = ValueKind::Text;
    }
    for (const auto& [name, member] : other.members) {
        auto it = into.members.find(name);
        if (it == into.members.end())
            into.members.emplace(name, member);
        else
            merge(it->second, member);
    }
}

std::vector<std::pair<std::string, const SchemaNode*>> dotted_names(const SchemaNode& schema) {
    std::vector<std::pair<std::string, const SchemaNode*>> out;
    add_lines(schema, "", out);
    return out;
}

std::string to_text(const SchemaNode& schema) {
    std::string text;
    for (const auto& [name, node] : dotted_names(schema)) text += name + " " + to_string(node->kind) + "\n";
    return text;
}

SchemaNode from_text(const std::string& text) {
    SchemaNode root;
    std::istringstream in(text);
    std::string name, kind;
    while (in >> name >> kind) {
        const auto k = kind_of(kind);
        if (!k) throw std::runtime_error(core::tr("view schema: unknown kind {1}", kind));
        SchemaNode* node = &root;
        std::size_t start = 0;
        while (start < name.size()) {
            const auto stop = name.find_first_of(".[", start);
            const std::string part = name.substr(start, stop == std::string::npos ? std::string::npos : stop - start);
            if (!part.empty()) node = &node->members[part];
            if (stop == std::string::npos) break;
            if (name[stop] == '[') {
                node = &node->members[kListItem];
                start = stop + 2;
                if (start < name.size() && name[start] == '.') ++start;
            } else {
                start = stop + 1;
            }
        }
        node->kind = *k;
        // An item whose own kind was never written is a section of names.
    }
    return root;
}

std::string to_text(const std::map<DocumentKind, SchemaNode>& schemas) {
    std::string text;
    for (const auto& [kind, schema] : schemas) text += std::string("[") + to_string(kind) + "]\n" + to_text(schema);
    return text;
}

std::map<DocumentKind, SchemaNode> schemas_from_text(const std::string& text) {
    std::map<DocumentKind, SchemaNode> schemas;
    std::istringstream in(text);
    std::string line, section;
    DocumentKind current = DocumentKind::Round;
    auto flush = [&] {
        if (!section.empty()) schemas[current] = from_text(section);
        section.clear();
    };
    for (; std::getline(in, line);) {
        if (!line.empty() && line[0] == '[') {
            flush();
            const std::string name = line.substr(1, line.find(']') - 1);
            bool known = false;
            for (auto k :
                 {DocumentKind::Round, DocumentKind::Letter, DocumentKind::FinalReport, DocumentKind::FundApplication})
                if (name == to_string(k)) current = k, known = true;
            if (!known) throw std::runtime_error(core::tr("view schema: unknown document kind {1}", name));
            schemas[current];
            continue;
        }
        section += line + "\n";
    }
    flush();
    return schemas;
}

std::vector<PathStep> path_steps(const std::string& path) {
    std::vector<PathStep> steps;
    std::size_t start = 0;
    while (start < path.size()) {
        const auto stop = path.find_first_of(".[", start);
        steps.push_back({path.substr(start, stop == std::string::npos ? std::string::npos : stop - start), false});
        if (stop == std::string::npos) break;
        if (path[stop] == '[') {
            steps.back().item = true;
            start = stop + 2;  // past "[]", and a "." after it
            if (start < path.size() && path[start] == '.') ++start;
        } else {
            start = stop + 1;
        }
    }
    return steps;
}

}  // namespace doc
