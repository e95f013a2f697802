#include "document/template_tags.hpp"

#include <optional>

#include "core/messages.hpp"

namespace doc {

namespace {

struct Position {
    int line = 1;
    int column = 1;
};

// Line and column of each byte offset, found by walking forward only (the
// scanner's offsets only grow): a column counts code points, so that an
// editor's column for "å" is the one reported.
class Cursor {
public:
    explicit Cursor(const std::string& text) : text_(text) {}
    Position at(std::size_t offset) {
        for (; done_ < offset && done_ < text_.size(); ++done_) {
            const unsigned char c = static_cast<unsigned char>(text_[done_]);
            if (c == '\n') {
                ++here_.line;
                here_.column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++here_.column;
            }
        }
        return here_;
    }

private:
    const std::string& text_;
    std::size_t done_ = 0;
    Position here_;
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string number(int n) { return std::to_string(n); }

// ``` blocks: a line opening one, and the line that should close it. In
// CommonMark a fence closes with a line of backticks alone; a line ```name
// inside a block is its text, so a block left open swallows the next one
// and the error shows far below. Reported at the opening line, once.
bool check_fences(const Template& tmpl, core::Diagnostics& diagnostics) {
    int line_number = 0;
    std::optional<std::pair<int, std::string>> open;  // line, info string
    std::size_t start = 0;
    while (start <= tmpl.source.size()) {
        auto end = tmpl.source.find('\n', start);
        if (end == std::string::npos) end = tmpl.source.size();
        const std::string line = trim(tmpl.source.substr(start, end - start));
        ++line_number;
        if (line.rfind("```", 0) == 0) {
            const std::string info = trim(line.substr(
                line.find_first_not_of('`') == std::string::npos ? line.size() : line.find_first_not_of('`')));
            if (!open) {
                open.emplace(line_number, info);
            } else if (info.empty()) {
                open.reset();
            } else {
                diagnostics.error({tmpl.path, open->first, 1},
                                  core::tr("the ```{1} block opened here is not closed before the ```{2} block at "
                                           "line {3}; end it with a line ```",
                                           open->second, info, number(line_number)));
                return false;
            }
        }
        start = end + 1;
    }
    if (open) {
        diagnostics.error(
            {tmpl.path, open->first, 1},
            core::tr("the ```{1} block opened here is never closed; end it with a line ```", open->second));
        return false;
    }
    return true;
}

TemplateTag::Kind kind_of(char sigil) {
    switch (sigil) {
        case '#': return TemplateTag::Kind::Section;
        case '^': return TemplateTag::Kind::Inverted;
        case '/': return TemplateTag::Kind::Close;
        case '!': return TemplateTag::Kind::Comment;
        case '>': return TemplateTag::Kind::Partial;
        case '&': return TemplateTag::Kind::Unescaped;
        default: return TemplateTag::Kind::Variable;
    }
}

std::string opener(const TemplateTag& tag) {
    return std::string(tag.kind == TemplateTag::Kind::Inverted ? "{{^" : "{{#") + tag.name + "}}";
}

}  // namespace

ScannedTemplate scan_template(const Template& tmpl, core::Diagnostics& diagnostics) {
    ScannedTemplate scanned;
    const std::string& source = tmpl.source;
    Cursor cursor(source);
    std::vector<std::size_t> open;  // indices of the open sections
    auto fail = [&](const Position& where, std::string message) {
        diagnostics.error({tmpl.path, where.line, where.column}, std::move(message));
        scanned.broken = true;
    };
    for (std::size_t at = source.find("{{"); at != std::string::npos; at = source.find("{{", at)) {
        const Position where = cursor.at(at);
        const std::size_t at_open = at;
        const bool triple = source.compare(at, 3, "{{{") == 0;
        const std::string closing = triple ? "}}}" : "}}";
        const std::size_t body = at + (triple ? 3 : 2);
        const std::size_t close = source.find(closing, body);
        std::string inside = close == std::string::npos ? source.substr(body) : source.substr(body, close - body);
        const bool comment = !triple && !inside.empty() && inside[0] == '!';
        // A tag ends on its line (but a comment): a "{{" or a line end
        // before the closing braces means a brace is missing here.
        const auto stray = std::min(inside.find("{{"), comment ? std::string::npos : inside.find('\n'));
        if (close == std::string::npos || stray != std::string::npos ||
            (triple && !inside.empty() && inside.back() == '}')) {
            const std::string shown = triple ? "{{{" : "{{";
            fail(where, core::tr("the tag {1} opened here is not closed with {2}",
                                 shown + trim(inside.substr(0, std::min<std::size_t>(stray, 40))), closing));
            return scanned;
        }
        at = close + closing.size();
        TemplateTag tag;
        tag.line = where.line;
        tag.column = where.column;
        tag.offset = at_open;
        if (triple) {
            tag.kind = TemplateTag::Kind::Unescaped;
            tag.name = trim(inside);
        } else {
            const char sigil = inside.empty() ? ' ' : trim(inside).empty() ? ' ' : trim(inside)[0];
            if (sigil == '=') {
                fail(where, core::tr("fuel's templates keep the delimiters {{ and }}; a tag {{=…=}} is not read"));
                return scanned;
            }
            tag.kind = kind_of(sigil);
            const std::string text = trim(inside);
            tag.name = tag.kind == TemplateTag::Kind::Variable ? text : trim(text.substr(1));
        }
        if (tag.kind == TemplateTag::Kind::Comment) continue;
        if (tag.name.empty()) {
            fail(where, core::tr("this tag names nothing"));
            return scanned;
        }
        tag.enclosing = open;
        if (tag.kind == TemplateTag::Kind::Close) {
            if (open.empty()) {
                fail(where, core::tr("{{/{1}}} closes a section that was never opened", tag.name));
                return scanned;
            }
            const TemplateTag& top = scanned.tags[open.back()];
            if (top.name != tag.name) {
                fail({top.line, top.column},
                     core::tr("the section {1} opened here is closed by {{/{2}}} at line {3}, column {4}; close it "
                              "with {{/{5}}}",
                              opener(top), tag.name, number(tag.line), number(tag.column), top.name));
                return scanned;
            }
            open.pop_back();
            tag.enclosing = open;
        } else if (tag.kind == TemplateTag::Kind::Section || tag.kind == TemplateTag::Kind::Inverted) {
            open.push_back(scanned.tags.size());
        }
        scanned.tags.push_back(std::move(tag));
    }
    if (!open.empty()) {
        const TemplateTag& top = scanned.tags[open.back()];
        fail({top.line, top.column},
             core::tr("the section {1} opened here is never closed; close it with {{/{2}}}", opener(top), top.name));
        return scanned;
    }
    if (!check_fences(tmpl, diagnostics)) scanned.broken = true;
    return scanned;
}

}  // namespace doc
