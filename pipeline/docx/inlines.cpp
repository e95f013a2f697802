// Inline content as WordprocessingML runs (ECMA-376 Part 1, 17.3.2). Each
// inline node kind is one overload, with no generic fallback: a node added
// to the doc tree is a compile error here until it has its markup.
#include <variant>

#include "docx/parts.hpp"
#include "docx/xml.hpp"

namespace docx {

namespace {

std::string run_properties(const doc::TextStyle& style, const RunLook& look, const std::string& char_style) {
    std::string p;
    if (!char_style.empty()) p += "<w:rStyle w:val=\"" + char_style + "\"/>";
    if (!look.font.empty())
        p += "<w:rFonts w:ascii=\"" + look.font + "\" w:hAnsi=\"" + look.font + "\" w:cs=\"" + look.font + "\"/>";
    if (style.bold || look.bold) p += "<w:b/><w:bCs/>";
    if (style.italic) p += "<w:i/><w:iCs/>";
    if (look.size > 0) {
        const auto sz = std::to_string(half_points(look.size));
        p += "<w:sz w:val=\"" + sz + "\"/><w:szCs w:val=\"" + sz + "\"/>";
    }
    return p.empty() ? "" : "<w:rPr>" + p + "</w:rPr>";
}

std::string run(const std::string& text, const doc::TextStyle& style, const RunLook& look,
                const std::string& char_style = "") {
    return "<w:r>" + run_properties(style, look, char_style) + "<w:t xml:space=\"preserve\">" + escape(text) +
           "</w:t></w:r>";
}

// Only what a template can mean: in-document anchors and web or mail
// addresses. Anything else is shown as text, never followed.
bool safe_link(const std::string& target) {
    for (const char* scheme : {"#", "http://", "https://", "mailto:"})
        if (target.rfind(scheme, 0) == 0) return true;
    return false;
}

// PAGE and NUMPAGES (17.16.5.43, 17.16.5.39) as simple fields: Word and
// LibreOffice fill them in on every page; the cached "1" shows until then.
std::string field(const char* instruction, const RunLook& look) {
    return std::string("<w:fldSimple w:instr=\" ") + instruction + " \">" + run("1", {}, look) + "</w:fldSimple>";
}

// Consecutive runs with the same link become one <w:hyperlink>, so that a
// screen reader announces one link with its whole text.
class InlineWriter {
public:
    InlineWriter(Context& context, const RunLook& look) : context_(context), look_(look) {}

    void operator()(const doc::Text& t) {
        set_link(safe_link(t.link) ? t.link : "");
        out += run(t.text, t.style, look_, open_.empty() ? "" : "Hyperlink");
    }
    void operator()(const doc::LineBreak&) { out += "<w:r><w:br/></w:r>"; }
    void operator()(const doc::PageNumber&) {
        set_link("");
        out += field("PAGE", look_);
    }
    void operator()(const doc::PageCount&) {
        set_link("");
        out += field("NUMPAGES", look_);
    }
    // A Word footnote (17.11.13): Word numbers notes in the order of their
    // references, which is how the tree numbers them. A second reference to
    // a note already given repeats its mark as superscript text, since a
    // Word note has one reference.
    void operator()(const doc::Footnote& note) {
        set_link("");
        if (note.repeat) {
            out += run(note.mark, {}, look_, "FootnoteReference");
            return;
        }
        context_.footnotes.push_back(runs(note.content, context_));
        out += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"" +
               std::to_string(context_.footnotes.size()) + "\"/></w:r>";
    }

    std::string finish() {
        set_link("");
        return out;
    }

private:
    void set_link(const std::string& link) {
        if (link == open_) return;
        if (!open_.empty()) out += "</w:hyperlink>";
        open_ = link;
        if (link.empty()) return;
        if (link[0] == '#') {
            const auto mark = context_.bookmarks.find(link.substr(1));
            // A link to no heading still reads as text, with its style.
            out +=
                mark == context_.bookmarks.end() ? "<w:hyperlink>" : "<w:hyperlink w:anchor=\"" + mark->second + "\">";
            return;
        }
        context_.links.push_back(link);
        out += "<w:hyperlink r:id=\"rIdLink" + std::to_string(context_.links.size()) + "\">";
    }

    Context& context_;
    RunLook look_;
    std::string open_;
    std::string out;
};

}  // namespace

std::string text_run(const std::string& text, const RunLook& look) { return run(text, {}, look); }

std::string runs(const doc::Inlines& content, Context& context, const RunLook& look) {
    InlineWriter writer(context, look);
    for (const auto& node : content) std::visit(writer, node);
    return writer.finish();
}

}  // namespace docx
