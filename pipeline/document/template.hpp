#pragma once
// Templates: a document type is a folder under templates/; each *.md file in
// it becomes one document (tjansteutlatande.md -> tjansteutlatande.pdf).
// A template is Mustache producing CommonMark with GitHub tables, with a
// front matter of settings and a few fenced blocks of our own
// (templates/README.md).
#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "core/diagnostics.hpp"

namespace doc {

struct TemplateCheck;  // template_check.hpp

struct Template {
    std::string name;  // file name without ".md": the output's name
    std::string path;
    std::string source;
};

// The *.md files of a template folder, sorted by name; errors when the
// folder is missing or holds none.
std::vector<Template> load_templates(const std::string& folder, core::Diagnostics& diagnostics);

struct RenderedTemplate {
    std::map<std::string, std::string> settings;   // front matter, unescaped
    std::string markdown;                          // the body, data escaped
    int body_first_line = 1;                       // template line of the body's first line
    const std::string* template_source = nullptr;  // the Template's source (it outlives this)
};

// Checks the template's front matter keys and fenced block names and keys
// against what fuel knows, with the template's line numbers. Its structure
// (sections, braces, fences closed) is scan_template's (template_tags.hpp),
// checked first.
void lint_template(const Template& tmpl, core::Diagnostics& diagnostics);

// Renders with Mustache: data escaped for Markdown; a tag that names no data
// is an error (Mustache would print nothing and the sentence would silently
// lose a word). With `check` (check_template's), a name it reported is not
// reported again, and a name it let through but the data lacks is reported
// at its tag's line and column.
RenderedTemplate render_template(const Template& tmpl, const kainjow::mustache::data& data,
                                 core::Diagnostics& diagnostics, const TemplateCheck* check = nullptr);

// Fenced blocks the templates may use, and the keys each takes.
extern const std::map<std::string, std::vector<std::string>> kFencedBlocks;
// Front matter keys.
extern const std::vector<std::string> kSettings;

}  // namespace doc
