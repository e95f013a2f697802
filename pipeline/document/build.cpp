#include "document/build.hpp"

#include <filesystem>

#include "document/markdown_to_doc.hpp"
#include "document/view_model.hpp"

namespace doc {

namespace {

// Page fields in front matter: Mustache leaves single braces alone.
constexpr std::string_view kPageField = "{sida}";
constexpr std::string_view kPageCountField = "{sidor}";

std::string plain_text(const Inlines& inlines) {
    std::string text;
    for (const auto& in : inlines)
        if (const auto* t = std::get_if<Text>(&in)) text += t->text;
    return text;
}

// An anchor id from the heading text: ASCII letters and digits kept, runs of
// anything else (spaces, å, punctuation) become one '-', so ids stay valid
// PDF names and HTML ids; a counter keeps them unique.
std::string make_id(const std::string& text, std::map<std::string, int>& used) {
    std::string id = "sec-";
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 0x80) id += static_cast<char>(std::tolower(c));
        else if (id.back() != '-') id += '-';
    }
    while (id.size() > 4 && id.back() == '-') id.pop_back();
    const int n = ++used[id];
    return n == 1 ? id : id + "-" + std::to_string(n);
}

void assign_heading_ids(Blocks& blocks, std::map<std::string, int>& used) {
    for (auto& block : blocks) {
        if (auto* h = std::get_if<Heading>(&block.node)) {
            if (h->id.empty()) h->id = make_id(plain_text(h->content), used);
        } else if (auto* l = std::get_if<List>(&block.node)) {
            for (auto& item : l->items) assign_heading_ids(item, used);
        }
    }
}

std::string setting(const RenderedTemplate& rendered, const char* key, const std::string& fallback) {
    const auto it = rendered.settings.find(key);
    return it == rendered.settings.end() || it->second.empty() ? fallback : it->second;
}

}  // namespace

Inlines expand_page_fields(const std::string& text) {
    Inlines out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto page = text.find(kPageField, start);
        const auto count = text.find(kPageCountField, start);
        const auto next = std::min(page, count);
        const std::string before = text.substr(start, next == std::string::npos ? std::string::npos : next - start);
        if (!before.empty()) out.push_back(Text{before, {}, ""});
        if (next == std::string::npos) break;
        if (next == page) out.push_back(PageNumber{});
        else out.push_back(PageCount{});
        start = next + (next == page ? kPageField.size() : kPageCountField.size());
    }
    return out;
}

Document build_document(const model::Report& report, const Template& tmpl, core::Diagnostics& diagnostics) {
    return build_document(report, tmpl, make_view_model(report), diagnostics);
}

Document build_document(const model::Report& report, const Template& tmpl, const kainjow::mustache::data& view,
                        core::Diagnostics& diagnostics) {
    const auto& round = report.dataset->round;
    lint_template(tmpl, diagnostics);
    const auto rendered = render_template(tmpl, view, diagnostics);
    Document document;
    document.meta.title = setting(rendered, "title", round.title);
    document.meta.subject = setting(rendered, "subject", "");
    document.meta.author = setting(rendered, "author", round.administration);
    document.meta.date = core::to_iso(round.date);
    document.page.page_mark = expand_page_fields(setting(rendered, "page-mark", "Sida {sida} ({sidor})"));
    document.page.running_header = markdown_to_inlines(setting(rendered, "running-header", ""));
    document.body = markdown_to_blocks(rendered.markdown, tmpl.path, rendered.body_first_line, diagnostics);
    std::map<std::string, int> used;
    assign_heading_ids(document.body, used);
    return document;
}

std::vector<BuiltDocument> build_documents(const model::Report& report, const std::string& templates_root,
                                           core::Diagnostics& diagnostics) {
    const auto folder = (std::filesystem::path(templates_root) / report.dataset->round.template_name).string();
    std::vector<BuiltDocument> built;
    for (const auto& tmpl : load_templates(folder, diagnostics))
        built.push_back({tmpl.name, build_document(report, tmpl, diagnostics)});
    return built;
}

}  // namespace doc
