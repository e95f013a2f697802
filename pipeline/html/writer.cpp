// The HTML file around the body: language and title from the metadata (WCAG
// 2.1 SC 3.1.1 and 2.4.2), the style sheet, a banner with the letterhead
// when the document opens with one, and <main> with the rest.
#include "html/writer.hpp"

#include <variant>

#include "html/escape.hpp"
#include "html/style.hpp"

namespace html {

namespace {

// BCP 47 primary language subtag: "sv-SE" -> "sv". The page's text is
// Swedish whatever the region, and "sv" is what screen readers match on.
std::string primary_language(const std::string& tag) {
    const auto dash = tag.find('-');
    const auto primary = tag.substr(0, dash);
    return primary.empty() ? "sv" : primary;
}

std::string head(const doc::Metadata& meta) {
    std::string html =
        "<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += "<title>" + escape(meta.title) + "</title>\n";
    if (!meta.author.empty()) html += "<meta name=\"author\" content=\"" + escape(meta.author) + "\">\n";
    if (!meta.subject.empty()) html += "<meta name=\"description\" content=\"" + escape(meta.subject) + "\">\n";
    if (!meta.date.empty()) html += "<meta name=\"dcterms.date\" content=\"" + escape(meta.date) + "\">\n";
    return html + "<style>" + kStyleSheet + "</style>\n</head>\n";
}

}  // namespace

std::vector<std::string> render_pieces(const doc::Document& document) {
    std::vector<std::string> pieces;
    const auto& body = document.body;
    const bool banner = !body.empty() && std::holds_alternative<doc::Letterhead>(body.front().node);
    std::string html = "<!DOCTYPE html>\n<html lang=\"" + escape(primary_language(document.meta.language)) + "\">\n";
    html += head(document.meta) + "<body>\n";
    // Appended in place, not copied out of a vector of the blocks: a long
    // appendix's tree and its HTML are tens of megabytes (docs/memory.md).
    if (banner) append_blocks(html, body, 0, 1);
    html += "<main>\n";
    append_blocks(html, body, banner ? 1 : 0, body.size(), &pieces);
    html += render_notes(body);
    html += "</main>\n</body>\n</html>\n";
    pieces.push_back(std::move(html));
    return pieces;
}

std::string render(const doc::Document& document) {
    std::string html;
    for (const std::string& piece : render_pieces(document)) html += piece;
    return html;
}

}  // namespace html
