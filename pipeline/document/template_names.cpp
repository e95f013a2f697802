#include "document/template_names.hpp"

#include "core/closest_match.hpp"
#include "document/view_model.hpp"

namespace doc {

namespace {

struct Context {
    std::string path;                  // "" at the top
    const SchemaNode* node = nullptr;  // null: adds no names (a text, a flag)
    bool unknown = false;              // its names cannot be known
};

std::vector<std::string> split(const std::string& name) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto dot = name.find('.', start);
        parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts;
}

std::string join(const std::string& prefix, const std::string& name) {
    return prefix.empty() ? name : prefix + "." + name;
}

std::vector<std::string> names_of(const SchemaNode& node) {
    std::vector<std::string> names;
    for (const auto& [name, member] : node.members)
        if (name != kListItem) names.push_back(name);
    return names;
}

// "titel" for "title": two letters side by side swapped, the commonest slip
// of a typing hand. Levenshtein (core::closest_match) counts it as two
// edits, too many for a short name, so it is looked for on its own.
std::optional<std::string> swapped_letters(const std::string& name, const std::vector<std::string>& candidates) {
    for (const auto& c : candidates) {
        if (c.size() != name.size() || c == name) continue;
        std::size_t first = 0;
        while (first < c.size() && c[first] == name[first]) ++first;
        if (first + 1 < c.size() && c[first] == name[first + 1] && c[first + 1] == name[first] &&
            c.compare(first + 2, std::string::npos, name, first + 2, std::string::npos) == 0)
            return c;
    }
    return std::nullopt;
}

// The deepest a dotted name got in one context, for "did you mean".
struct Miss {
    std::size_t depth = 0;  // parts found
    const SchemaNode* at = nullptr;
    std::string path;
};

class Resolver {
public:
    Resolver(const SchemaNode& schema, const std::vector<std::string>& codes) : schema_(schema), codes_(codes) {}

    ResolvedTag resolve(const std::string& name, const std::vector<Context>& stack) const {
        ResolvedTag tag;
        if (name == ".") {
            // The item itself: the innermost context.
            if (!stack.empty()) tag.path = stack.back().path, tag.node = stack.back().node;
            tag.unknown_context = tag.node == nullptr;
            return tag;
        }
        const auto parts = split(name);
        Miss best;
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
            if (it->node == nullptr) continue;
            if (walk(parts, 0, *it->node, it->path, tag, best)) return tag;
        }
        for (const auto& code : codes_) {
            if (parts[0] != code) continue;
            const SchemaNode* funds = schema_.find(kFundsList);
            const SchemaNode* fund = funds ? funds->find(kListItem) : nullptr;
            if (fund == nullptr) {
                tag.unknown_context = true;
                return tag;
            }
            Miss in_fund;
            in_fund.depth = 1;
            if (walk(parts, 1, *fund, code, tag, in_fund)) return tag;
            if (in_fund.depth >= best.depth) best = in_fund;
        }
        for (const auto& c : stack) tag.unknown_context = tag.unknown_context || c.unknown;
        // The names in reach at the part that was not found.
        std::vector<std::string> candidates;
        if (best.at != nullptr && best.depth > 0) {
            candidates = names_of(*best.at);
        } else {
            for (const auto& c : stack)
                if (c.node) {
                    auto more = names_of(*c.node);
                    candidates.insert(candidates.end(), more.begin(), more.end());
                }
            candidates.insert(candidates.end(), codes_.begin(), codes_.end());
        }
        const std::size_t wrong = best.at != nullptr && best.depth > 0 ? best.depth : 0;
        auto close = core::closest_match(parts[wrong], candidates);
        if (!close) close = swapped_letters(parts[wrong], candidates);
        if (close) {
            std::string fixed;
            for (std::size_t i = 0; i < parts.size(); ++i) fixed = join(fixed, i == wrong ? *close : parts[i]);
            tag.suggestion = fixed;
        }
        return tag;
    }

private:
    // Looks parts[from..] up in `node`; on success fills `tag`.
    bool walk(const std::vector<std::string>& parts, std::size_t from, const SchemaNode& node, const std::string& path,
              ResolvedTag& tag, Miss& best) const {
        const SchemaNode* here = &node;
        std::string at = path;
        for (std::size_t i = from; i < parts.size(); ++i) {
            const SchemaNode* next = here->kind == ValueKind::Section ? here->find(parts[i]) : nullptr;
            if (next == nullptr) {
                if (i > best.depth || best.at == nullptr) best = {i, here, at};
                return false;
            }
            here = next;
            at = join(at, parts[i]);
        }
        tag.path = at;
        tag.node = here;
        return true;
    }

    const SchemaNode& schema_;
    const std::vector<std::string>& codes_;
};

// The context a section over `tag` gives its content.
Context context_of(const ResolvedTag& tag) {
    if (tag.node == nullptr) return {tag.path, nullptr, true};
    if (tag.node->kind == ValueKind::List) {
        const SchemaNode* item = tag.node->find(kListItem);
        if (item == nullptr) return {tag.path + kListItem, nullptr, true};
        return {tag.path + kListItem, item->kind == ValueKind::Section ? item : nullptr, false};
    }
    if (tag.node->kind == ValueKind::Section) return {tag.path, tag.node, false};
    return {tag.path, nullptr, false};
}

}  // namespace

std::vector<std::string> fund_codes(const kainjow::mustache::data& view) {
    std::vector<std::string> codes;
    const auto* funds = view.get(kFundsList);
    if (funds == nullptr || !funds->is_list()) return codes;
    for (const auto& fund : funds->list_value()) {
        const auto* code = fund.get("code");
        if (code != nullptr && code->is_string()) codes.push_back(core::fold_case(code->string_value()));
    }
    return codes;
}

std::vector<ResolvedTag> resolve_tags(const ScannedTemplate& scanned, const SchemaNode& schema,
                                      const std::vector<std::string>& codes) {
    const Resolver resolver(schema, codes);
    std::vector<ResolvedTag> resolved(scanned.tags.size());
    std::vector<Context> contexts(scanned.tags.size());  // for section tags: what their content sees
    for (std::size_t i = 0; i < scanned.tags.size(); ++i) {
        const auto& tag = scanned.tags[i];
        std::vector<Context> stack{{"", &schema, false}};
        for (const auto open : tag.enclosing)
            if (scanned.tags[open].kind == TemplateTag::Kind::Section) {
                stack.push_back(contexts[open]);
            } else if (contexts[open].unknown) {
                stack.push_back(contexts[open]);  // inverted: no names, but its own error stands
            }
        resolved[i] = resolver.resolve(tag.name, stack);
        if (tag.kind == TemplateTag::Kind::Section) contexts[i] = context_of(resolved[i]);
        if (tag.kind == TemplateTag::Kind::Inverted && resolved[i].node == nullptr) contexts[i] = {"", nullptr, true};
    }
    return resolved;
}

}  // namespace doc
