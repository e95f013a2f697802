#include "document/build.hpp"

#include <exception>
#include <filesystem>
#include <memory>

#include "core/parallel.hpp"
#include "document/headings.hpp"
#include "document/markdown_to_doc.hpp"
#include "document/template_check.hpp"
#include "document/view_model.hpp"
#include "core/messages.hpp"

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
        if (std::isalnum(c) && c < 0x80)
            id += static_cast<char>(std::tolower(c));
        else if (id.back() != '-')
            id += '-';
    }
    while (id.size() > 4 && id.back() == '-') id.pop_back();
    const int n = ++used[id];
    return n == 1 ? id : id + "-" + std::to_string(n);
}

// Ids the template gave ({#id}) are taken first, so that a generated id
// never takes one of them.
void reserve_explicit_ids(const Blocks& blocks, std::map<std::string, int>& used) {
    for (const auto& block : blocks) {
        if (const auto* h = std::get_if<Heading>(&block.node)) {
            if (!h->id.empty()) ++used[h->id];
        } else if (const auto* l = std::get_if<List>(&block.node)) {
            for (const auto& item : l->items) reserve_explicit_ids(item, used);
        }
    }
}

// "number-headings: 2": the level numbered "1", "2", ...; empty: none.
int numbering_level(const RenderedTemplate& rendered, const std::string& file, core::Diagnostics& diagnostics) {
    const auto it = rendered.settings.find("number-headings");
    if (it == rendered.settings.end() || it->second.empty()) return 0;
    const std::string& value = it->second;
    if (value.size() == 1 && value[0] >= '1' && value[0] <= '6') return value[0] - '0';
    diagnostics.error({file, 0, 0}, core::tr("number-headings: \"{1}\" is not a heading level 1-6", value));
    return 0;
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

void set_paragraph_align(Blocks& blocks, Align align) {
    for (auto& block : blocks) {
        if (auto* p = std::get_if<Paragraph>(&block.node)) {
            p->align = align;
        } else if (auto* l = std::get_if<List>(&block.node)) {
            for (auto& item : l->items) set_paragraph_align(item, align);
        }
    }
}

}  // namespace

bool apply_text_align(const std::string& value, Blocks& blocks) {
    if (value != "left" && value != "justify") return false;
    set_paragraph_align(blocks, value == "justify" ? Align::Justify : Align::Left);
    return true;
}

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
        if (next == page)
            out.push_back(PageNumber{});
        else
            out.push_back(PageCount{});
        start = next + (next == page ? kPageField.size() : kPageCountField.size());
    }
    return out;
}

Blocks build_body(const RenderedTemplate& rendered, const std::string& path, core::Diagnostics& diagnostics) {
    std::vector<InternalLink> links;
    const MarkdownOptions options{numbering_level(rendered, path, diagnostics), &links, rendered.template_source};
    Blocks body = markdown_to_blocks(rendered.markdown, path, rendered.body_first_line, diagnostics, options);
    std::map<std::string, int> used;
    reserve_explicit_ids(body, used);
    assign_heading_ids(body, used);
    check_internal_links(body, links, diagnostics);
    resolve_cross_references(body);
    fill_tables_of_contents(body);
    return body;
}

Document build_document(const model::Report& report, const Template& tmpl, core::Diagnostics& diagnostics) {
    return build_document(report, make_view_model(report), tmpl, diagnostics);
}

namespace {

// The document of a rendered template: its settings and its body.
Document document_of(const model::Report& report, const Template& tmpl, const RenderedTemplate& rendered,
                     core::Diagnostics& diagnostics) {
    const auto& round = report.dataset->round;
    Document document;
    document.meta.title = setting(rendered, "title", round.title);
    document.meta.subject = setting(rendered, "subject", "");
    document.meta.author = setting(rendered, "author", round.administration);
    document.meta.date = core::to_iso(round.date);
    document.meta.summary_section = setting(rendered, "summary-section", "");
    document.meta.decision_section = setting(rendered, "decision-section", "");
    document.page.page_mark = expand_page_fields(setting(rendered, "page-mark", "Sida {sida} ({sidor})"));
    document.page.running_header = markdown_to_inlines(setting(rendered, "running-header", ""));
    document.body = build_body(rendered, tmpl.path, diagnostics);
    const std::string align = setting(rendered, "text-align", "left");
    if (!apply_text_align(align, document.body))
        diagnostics.error({tmpl.path, 1, 1}, core::tr("text-align is \"{1}\"; fuel knows left and justify", align));
    return document;
}

// A template whose structure is broken is reported once where the construct
// opens and not rendered: rendering would only add errors that follow from
// it (an unclosed block swallows the rest).
Document unrendered_document(const model::Report& report) {
    Document document;
    document.meta.title = report.dataset->round.title;
    return document;
}

}  // namespace

Document build_document(const model::Report& report, const kainjow::mustache::data& view, const Template& tmpl,
                        core::Diagnostics& diagnostics) {
    const auto check = check_template(tmpl, view_schema(document_kind(view)), view, diagnostics);
    return build_document(report, view, tmpl, check, diagnostics);
}

Document build_document(const model::Report& report, const kainjow::mustache::data& view, const Template& tmpl,
                        const TemplateCheck& check, core::Diagnostics& diagnostics) {
    if (check.broken()) return unrendered_document(report);
    lint_template(tmpl, diagnostics);
    return document_of(report, tmpl, render_template(tmpl, view, diagnostics, &check), diagnostics);
}

std::vector<Document> build_documents(const model::Report& report, const kainjow::mustache::data& view,
                                      const std::vector<Template>& templates, core::Diagnostics& diagnostics,
                                      unsigned threads) {
    std::vector<Document> documents(templates.size());
    std::vector<core::Diagnostics> found(templates.size());
    std::vector<std::exception_ptr> failures(templates.size());
    core::parallel_for(templates.size(), threads, [&](std::size_t i) {
        try {
            documents[i] = build_document(report, view, templates[i], found[i]);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    });
    for (const auto& d : found) diagnostics.append(d);
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    return documents;
}

std::vector<Document> build_documents(const model::Report& report, std::unique_ptr<kainjow::mustache::data> view,
                                      const std::vector<Template>& templates, core::Diagnostics& diagnostics,
                                      unsigned threads) {
    const std::size_t n = templates.size();
    std::vector<RenderedTemplate> rendered(n);
    std::vector<char> broken(n, 0);
    std::vector<Document> documents(n);
    std::vector<core::Diagnostics> found(n);
    std::vector<std::exception_ptr> failures(n);
    const auto& schema = view_schema(document_kind(*view));
    core::parallel_for(n, threads, [&](std::size_t i) {
        try {
            const auto check = check_template(templates[i], schema, *view, found[i]);
            if (check.broken()) {
                broken[i] = 1;
                return;
            }
            lint_template(templates[i], found[i]);
            rendered[i] = render_template(templates[i], *view, found[i], &check);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    });
    // Index 0 frees the view while the other threads start on the
    // Markdown; each rendered text goes once its tree is built.
    core::parallel_for(1 + n, threads, [&](std::size_t k) {
        if (k == 0) {
            view.reset();
            return;
        }
        const std::size_t i = k - 1;
        if (failures[i]) return;
        try {
            documents[i] =
                broken[i] ? unrendered_document(report) : document_of(report, templates[i], rendered[i], found[i]);
        } catch (...) {
            failures[i] = std::current_exception();
        }
        rendered[i] = RenderedTemplate{};
    });
    for (const auto& d : found) diagnostics.append(d);
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    return documents;
}

std::vector<BuiltDocument> build_documents(const model::Report& report, const std::string& templates_root,
                                           core::Diagnostics& diagnostics) {
    const auto folder = (std::filesystem::path(templates_root) / report.dataset->round.template_name).string();
    const auto templates = load_templates(folder, diagnostics);
    auto documents = build_documents(report, std::make_unique<kainjow::mustache::data>(make_view_model(report)),
                                     templates, diagnostics, 1);
    std::vector<BuiltDocument> built;
    for (std::size_t i = 0; i < templates.size(); ++i) built.push_back({templates[i].name, std::move(documents[i])});
    return built;
}

}  // namespace doc
