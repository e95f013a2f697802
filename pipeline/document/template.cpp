#include "document/template.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

#include "core/messages.hpp"
#include "core/text_lines.hpp"
#include "document/markdown_escape.hpp"
#include "document/shared_item.hpp"
#include "document/template_check.hpp"
#include "document/view_model.hpp"

namespace doc {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

const std::map<std::string, std::vector<std::string>> kFencedBlocks = {
    {"letterhead", {"organisation", "document-type", "diary-number", "left-heading", "left", "right-heading", "right"}},
    {"signatures", {}},  // one person a line: name | title | organisation
    {"pagebreak", {}},
    {"toc", {"levels"}},  // levels: 2-3, the heading levels listed
    // Keys, then data rows after "data:"; parse_chart checks both, on the
    // rendered text, at the block's line.
    {"chart", {}},
};

const std::vector<std::string> kSettings = {"title",          "subject",         "author",           "page-mark",
                                            "running-header", "summary-section", "decision-section", "text-align",
                                            "number-headings"};

namespace {

// Records every name a template asks for that the data does not have, and
// finds a fund by its code: "lum.total_granted.kronor" is the field path
// "total_granted.kronor" of the fund coded LUM (view_model.hpp). That is
// looked up last, as the root's own names are: an inner section's name
// still comes first.
class StrictContext final : public kainjow::mustache::context<std::string> {
public:
    explicit StrictContext(const data* root) : context(root), root_(root) {}
    // A section over a list pushes each item: a shared item's value is
    // what the section's names are looked up in (shared_item.hpp).
    void push(const data* item) override { context::push(&resolved(*item)); }
    const data* get(const std::string& name) const override {
        const data* found = context::get(name);
        if (!found) found = in_fund(name);
        if (!found) missing.insert(name);
        return found;
    }
    mutable std::set<std::string> missing;

private:
    const data* in_fund(const std::string& name) const {
        const auto dot = name.find('.');
        const data* found = fund_by_code(*root_, name.substr(0, dot));
        for (std::size_t start = dot; found != nullptr && start != std::string::npos;) {
            const auto next = name.find('.', start + 1);
            found = found->get(name.substr(start + 1, next == std::string::npos ? next : next - start - 1));
            start = next;
        }
        return found;
    }
    const data* root_;
};

// What the renderer writes, appended to one string: kainjow's
// render(context) collects the text in an ostringstream and returns a copy
// of it, so a long document's text was held twice at the end of rendering.
struct TextSink {
    std::string& text;
    TextSink& operator<<(const std::string& part) {
        text += part;
        return *this;
    }
};

int line_of(const std::string& source, std::size_t offset) {
    return 1 +
           static_cast<int>(std::count(
               source.begin(), source.begin() + static_cast<std::ptrdiff_t>(std::min(offset, source.size())), '\n'));
}

// kainjow's parse errors end in " at <byte offset into the source>"
// ("Unclosed section \"x\" at 2447"): that offset, or npos.
std::size_t parse_error_offset(const std::string& message) {
    const auto at = message.rfind(" at ");
    if (at == std::string::npos || at + 4 >= message.size()) return std::string::npos;
    std::size_t offset = 0;
    for (std::size_t i = at + 4; i < message.size(); ++i) {
        if (message[i] < '0' || message[i] > '9') return std::string::npos;
        offset = offset * 10 + static_cast<std::size_t>(message[i] - '0');
    }
    return offset;
}

// The message without the offset, which the location says as line:column.
std::string parse_error_text(const std::string& message) {
    return parse_error_offset(message) == std::string::npos ? message : message.substr(0, message.rfind(" at "));
}

// file:line:column of a parse error; the column counts characters (UTF-8
// sequences), as an editor shows it.
core::SourceLocation parse_error_location(const Template& tmpl, const std::string& message) {
    const auto offset = parse_error_offset(message);
    if (offset == std::string::npos || offset > tmpl.source.size()) return {tmpl.path, 0, 0};
    const auto line_start = tmpl.source.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t from = line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
    int column = 1;
    for (std::size_t i = from; i < offset; ++i)
        if ((static_cast<unsigned char>(tmpl.source[i]) & 0xC0) != 0x80) ++column;
    return {tmpl.path, line_of(tmpl.source, offset), column};
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Lines 0..end of the front matter ("---" ... "---"), or 0 when there is none.
std::size_t front_matter_end(const std::vector<std::string>& lines) {
    if (lines.empty() || trim(lines[0]) != "---") return 0;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (trim(lines[i]) == "---") return i;
    return 0;
}

bool is_known(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

void lint_front_matter(const Template& tmpl, const std::vector<std::string>& lines, std::size_t end,
                       core::Diagnostics& diagnostics) {
    for (std::size_t i = 1; i < end; ++i) {
        const auto colon = lines[i].find(':');
        const std::string key = trim(lines[i].substr(0, colon));
        if (key.empty() || key.rfind("#", 0) == 0) continue;
        if (colon == std::string::npos || !is_known(kSettings, key))
            diagnostics.error({tmpl.path, static_cast<int>(i) + 1, 1},
                              core::tr("unknown setting \"{1}\" in the front matter", key));
    }
}

void lint_fences(const Template& tmpl, const std::vector<std::string>& lines, std::size_t from,
                 core::Diagnostics& diagnostics) {
    const std::vector<std::string>* keys = nullptr;
    bool inside = false;
    for (std::size_t i = from; i < lines.size(); ++i) {
        const std::string line = trim(lines[i]);
        const core::SourceLocation where{tmpl.path, static_cast<int>(i) + 1, 1};
        if (line.rfind("```", 0) == 0) {
            if (inside) {
                inside = false;
                continue;
            }
            inside = true;
            const std::string name = trim(line.substr(3));
            const auto it = kFencedBlocks.find(name);
            if (it == kFencedBlocks.end())
                diagnostics.error(
                    where,
                    core::tr("unknown block \"```{1}\"; fuel knows letterhead, signatures, pagebreak, toc, chart",
                             name));
            keys = it == kFencedBlocks.end() ? nullptr : &it->second;
            continue;
        }
        if (!inside || !keys || keys->empty() || line.empty() || line.rfind("{{", 0) == 0) continue;
        const std::string key = trim(line.substr(0, line.find(':')));
        if (line.find(':') == std::string::npos || !is_known(*keys, key))
            diagnostics.error(where, core::tr("unknown key \"{1}\" in this block", key));
    }
    // A block never closed is scan_template's to report, at its opening line.
}

}  // namespace

std::vector<Template> load_templates(const std::string& folder, core::Diagnostics& diagnostics) {
    std::vector<Template> templates;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        diagnostics.error({folder, 0, 0}, core::tr("the template folder does not exist"));
        return templates;
    }
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".md" || entry.path().filename() == "README.md")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        templates.push_back({entry.path().stem().string(), entry.path().string(), text.str()});
    }
    std::sort(templates.begin(), templates.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    if (templates.empty()) diagnostics.error({folder, 0, 0}, core::tr("the template folder holds no .md template"));
    return templates;
}

void lint_template(const Template& tmpl, core::Diagnostics& diagnostics) {
    const auto lines = split_lines(tmpl.source);
    const std::size_t end = front_matter_end(lines);
    lint_front_matter(tmpl, lines, end, diagnostics);
    lint_fences(tmpl, lines, end == 0 ? 0 : end + 1, diagnostics);
}

RenderedTemplate render_template(const Template& tmpl, const data& view, core::Diagnostics& diagnostics,
                                 const TemplateCheck* check) {
    RenderedTemplate result;
    result.template_source = &tmpl.source;
    mustache engine(tmpl.source);
    if (!engine.is_valid()) {
        diagnostics.error(parse_error_location(tmpl, engine.error_message()),
                          core::tr("Mustache: {1}", parse_error_text(engine.error_message())));
        return result;
    }
    engine.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
    StrictContext context(&view);
    std::string text;
    TextSink sink{text};
    engine.render(context, sink);
    for (const auto& name : context.missing) {
        if (check != nullptr && check->reported.count(name) > 0) continue;
        core::SourceLocation where{tmpl.path, 0, 0};
        const TemplateTag* tag = nullptr;
        if (check != nullptr)
            for (const auto& t : check->scanned.tags)
                if (t.name == name && t.kind != TemplateTag::Kind::Close) {
                    tag = &t;
                    break;
                }
        if (tag != nullptr) {
            where = {tmpl.path, tag->line, tag->column};
        } else {
            const auto at = tmpl.source.find(name);
            where.line = at == std::string::npos ? 0 : line_of(tmpl.source, at);
        }
        diagnostics.error(where, core::tr("the template asks for {{{1}}}, which the data does not have "
                                          "(templates/README.md lists the names)",
                                          name));
    }
    // The body is the text after the front matter, each line ended by a
    // newline; it is taken from the rendered text in place, not copied
    // line by line (a long document's text was held three times over).
    const auto lines = core::line_views(text);
    std::size_t end = 0;
    if (!lines.empty() && trim(std::string(lines[0])) == "---")
        for (std::size_t i = 1; i < lines.size() && end == 0; ++i)
            if (trim(std::string(lines[i])) == "---") end = i;
    for (std::size_t i = 1; i < end; ++i) {
        const std::string line(lines[i]);
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        result.settings[trim(line.substr(0, colon))] = unescape_markdown(trim(line.substr(colon + 1)));
    }
    const std::size_t body =
        end == 0 ? 0 : static_cast<std::size_t>(lines[end].data() - text.data()) + lines[end].size() + 1;
    text.erase(0, std::min(body, text.size()));
    if (!text.empty() && text.back() != '\n') text += '\n';
    result.markdown = std::move(text);
    result.body_first_line = end == 0 ? 1 : static_cast<int>(end) + 2;
    return result;
}

}  // namespace doc
