#pragma once
// The Mustache tags of a template with their line and column, read by our
// own scanner rather than by kainjow's parser: kainjow reports a broken
// template at a byte offset, with the error it met last (an unclosed section
// is found at the end of the file), and gives no positions for the tags it
// parsed. The checks of a template (template_check.hpp) and the values
// panel (template_values.hpp) need both the place of every tag and the
// sections it sits in.
//
// The syntax read is the Mustache spec's (github.com/mustache/spec,
// interpolation, sections, inverted, comments, partials): {{name}},
// {{{name}}}, {{&name}}, {{#name}}, {{^name}}, {{/name}}, {{!comment}},
// {{>partial}}. Templates do not change the delimiters ({{=…=}}); a tag that
// tries is reported.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "document/template.hpp"

namespace doc {

struct TemplateTag {
    enum class Kind { Variable, Unescaped, Section, Inverted, Close, Comment, Partial };
    Kind kind = Kind::Variable;
    std::string name;        // trimmed: "lum.partly_granted.list"
    int line = 0;            // 1-based, of the tag's first brace
    int column = 0;          // 1-based, in characters (UTF-8 code points)
    std::size_t offset = 0;  // of the first brace, in the source
    // Indices into the tag list of the sections and inverted sections this
    // tag sits in, outermost first (for a Section/Inverted tag: those around
    // it, not itself).
    std::vector<std::size_t> enclosing;
};

struct ScannedTemplate {
    std::vector<TemplateTag> tags;
    // A structural error was found (an unclosed or mismatched section, a
    // tag without its closing braces, an unclosed ``` block). It is
    // reported once, where the construct opens; what follows it is not
    // checked, since every later error would follow from it.
    bool broken = false;
};

// The tags of `tmpl`, with structural errors reported to `diagnostics` at
// file:line:column.
ScannedTemplate scan_template(const Template& tmpl, core::Diagnostics& diagnostics);

}  // namespace doc
