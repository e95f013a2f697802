// The document's blocks as WordprocessingML paragraphs and tables (ECMA-376
// Part 1, 17.3 and 17.4). Each block kind is one overload of the visitor,
// with no generic fallback: a node added to the doc tree (node.hpp) is a
// compile error here until it has its markup.
#include <algorithm>
#include <variant>

#include "docx/parts.hpp"
#include "docx/xml.hpp"
#include "document/plain_text.hpp"

namespace docx {

namespace {

const char* justification(doc::Align align) {
    switch (align) {
        case doc::Align::Left: return "";
        case doc::Align::Right: return "right";
        case doc::Align::Center: return "center";
        case doc::Align::Justify: return "both";
    }
    return "";
}

std::string paragraph_properties(const std::string& style, doc::Align align, const std::string& extra = "") {
    std::string p;
    if (!style.empty()) p += "<w:pStyle w:val=\"" + style + "\"/>";
    p += extra;
    if (const std::string jc = justification(align); !jc.empty()) p += "<w:jc w:val=\"" + jc + "\"/>";
    return p.empty() ? "" : "<w:pPr>" + p + "</w:pPr>";
}

// Word bookmark names (17.13.6.2): letters, digits and "_", at most 40
// characters, unique. The heading's id with "-" as "_" keeps it readable in
// Word's bookmark list.
std::string bookmark_name(const std::string& id, const std::map<std::string, std::string>& taken) {
    std::string name;
    for (const char c : id)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
            name += c == '-' ? '_' : c;
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z'))) name = "h_" + name;
    name = name.substr(0, 40);
    auto unique = name;
    for (int n = 2;; ++n) {
        bool used = false;
        for (const auto& [_, other] : taken) used = used || other == unique;
        if (!used) return unique;
        const auto suffix = "_" + std::to_string(n);
        unique = name.substr(0, 40 - suffix.size()) + suffix;
    }
}

std::size_t characters(const std::string& utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::size_t longest_word(const std::string& text) {
    std::size_t longest = 0, start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
            longest = std::max(longest, characters(text.substr(start, i - start)));
            start = i + 1;
        }
    return longest;
}

// Column widths from the content, as the PDF shares its line. A column's
// natural width is its longest cell (at most 40 characters: longer text
// wraps; a header may wrap between its words), its least width its longest
// word, each at a bold character's average width plus the cell padding.
// When the natural widths fit, every column grows in proportion; when they
// do not, each column gets its least width and the rest of the line is
// shared in proportion to what each still wants, so that no word is broken.
std::vector<long> column_widths(const doc::Table& t, std::size_t columns, long text_width) {
    constexpr double kCharacter = look::table_size * 0.55;  // points, an average bold Times character
    constexpr double kPadding = 2 * look::cell_padding_x + 4;
    std::vector<double> natural(columns, 3 * kCharacter), least(columns, 3 * kCharacter);
    for (const auto* rows : {&t.head, &t.body, &t.foot})
        for (const auto& row : *rows)
            for (std::size_t c = 0; c < row.cells.size() && c < columns; ++c) {
                const auto text = doc::plain_text(row.cells[c].content);
                const auto word = static_cast<double>(longest_word(text)) * kCharacter;
                least[c] = std::max(least[c], word);
                natural[c] = std::max(natural[c], word);
                if (rows != &t.head)
                    natural[c] = std::max(natural[c], std::min<double>(characters(text), 40) * kCharacter);
            }
    double natural_sum = 0, least_sum = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        natural[c] = twips(natural[c] + kPadding);
        least[c] = twips(least[c] + kPadding);
        natural_sum += natural[c];
        least_sum += least[c];
    }
    const double width = static_cast<double>(text_width);
    std::vector<long> widths;
    long used = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        double w;
        if (natural_sum <= width)
            w = natural[c] * width / natural_sum;
        else if (least_sum < width)
            w = least[c] + (natural[c] - least[c]) * (width - least_sum) / (natural_sum - least_sum);
        else
            w = least[c] * width / least_sum;
        const long rounded = c + 1 == columns ? text_width - used : static_cast<long>(w);
        widths.push_back(rounded);
        used += rounded;
    }
    return widths;
}

std::string border(const char* side, double points, const char* color = "000000") {
    return std::string("<w:") + side + " w:val=\"single\" w:sz=\"" + std::to_string(eighths(points)) +
           "\" w:space=\"0\" w:color=\"" + color + "\"/>";
}

// A paragraph that keeps two tables apart (Word joins adjacent tables) and
// gives the space below a table that the PDF leaves.
constexpr const char* kAfterTable = "<w:p><w:pPr><w:pStyle w:val=\"TableEnd\"/></w:pPr></w:p>";

enum class RowKind { Head, Body, Foot };

class BlockWriter {
public:
    BlockWriter(Context& context, std::string& out) : context_(context), out_(out) {}

    // The numbering of the next paragraph (a list item's first), if any.
    int num_id = 0;
    int level = 0;
    // Paragraphs inside list items are indented to the item's text.
    int indent = 0;
    bool after_list = false;

    void operator()(const doc::Paragraph& p) {
        std::string extra;
        std::string style;
        // After a list, the paragraph gap (list items are closer together).
        if (after_list && !num_id && indent == 0)
            extra = "<w:spacing w:before=\"" + std::to_string(twips(look::paragraph_space)) + "\"/>";
        after_list = false;
        if (num_id) {
            style = "ListParagraph";
            extra = "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
                    std::to_string(num_id) + "\"/></w:numPr>";
            num_id = 0;
        } else if (indent > 0) {
            style = "ListParagraph";
            extra = "<w:ind w:left=\"" + std::to_string(twips(look::list_gutter * indent)) + "\"/>";
        } else if (p.quote) {
            style = "Quote";
        }
        out_ += "<w:p>" + paragraph_properties(style, p.align, extra) + runs(p.content, context_) + "</w:p>";
    }

    void operator()(const doc::Heading& h) {
        const int level = std::clamp(h.level, 1, 6);
        std::string start, end;
        if (const auto mark = context_.bookmarks.find(h.id); !h.id.empty() && mark != context_.bookmarks.end()) {
            const auto id = std::to_string(context_.next_id++);
            start = "<w:bookmarkStart w:id=\"" + id + "\" w:name=\"" + mark->second + "\"/>";
            end = "<w:bookmarkEnd w:id=\"" + id + "\"/>";
        }
        const auto number = h.number.empty() ? "" : text_run(h.number + " ");
        out_ += "<w:p>" + paragraph_properties("Heading" + std::to_string(level), doc::Align::Left) + start + number +
                runs(h.content, context_) + end + "</w:p>";
    }

    // Real Word lists (17.9): every item's first paragraph carries the list's
    // numbering instance and its level; nested lists go one level deeper.
    void operator()(const doc::List& list) {
        context_.lists.push_back({list.ordered, list.start, indent});
        const int id = static_cast<int>(context_.lists.size());
        for (const auto& item : list.items) {
            BlockWriter inner(context_, out_);
            inner.indent = indent + 1;
            inner.num_id = id;
            inner.level = indent;
            // An item that opens with anything but a paragraph still gets its
            // number, on a paragraph of its own.
            if (item.empty() || !std::holds_alternative<doc::Paragraph>(item.front().node)) inner(doc::Paragraph{});
            for (const auto& block : item) std::visit(inner, block.node);
        }
        after_list = true;
    }

    void operator()(const doc::Table& t) {
        std::size_t columns = t.columns.size();
        for (const auto* rows : {&t.head, &t.body, &t.foot})
            for (const auto& row : *rows) columns = std::max(columns, row.cells.size());
        // Word refuses a table without a row.
        if (columns == 0 || t.head.size() + t.body.size() + t.foot.size() == 0) return;
        const auto widths = column_widths(t, columns, context_.text_width - indent_twips());
        out_ += "<w:tbl><w:tblPr><w:tblStyle w:val=\"FuelTable\"/><w:tblW w:w=\"" +
                std::to_string(context_.text_width - indent_twips()) + "\" w:type=\"dxa\"/>" +
                (indent > 0 ? "<w:tblInd w:w=\"" + std::to_string(indent_twips()) + "\" w:type=\"dxa\"/>" : "") +
                "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"1\" "
                "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
        for (const auto w : widths) out_ += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
        out_ += "</w:tblGrid>";
        for (const auto& row : t.head) table_row(t, row, widths, RowKind::Head, false);
        for (std::size_t i = 0; i < t.body.size(); ++i)
            table_row(t, t.body[i], widths, RowKind::Body, t.foot.empty() && i + 1 == t.body.size());
        for (std::size_t i = 0; i < t.foot.size(); ++i)
            table_row(t, t.foot[i], widths, RowKind::Foot, i + 1 == t.foot.size());
        out_ += "</w:tbl>";
        out_ += kAfterTable;
    }

    void operator()(const doc::Letterhead& l) { out_ += letterhead_table(l, context_, 0) + kAfterTable; }

    // Two signatures to a row, with room to sign above each name.
    void operator()(const doc::Signatures& s) {
        if (s.people.empty()) return;
        const long half = (context_.text_width - indent_twips()) / 2;
        out_ += "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(half * 2) +
                "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr>"
                "<w:tblGrid><w:gridCol w:w=\"" +
                std::to_string(half) + "\"/><w:gridCol w:w=\"" + std::to_string(half) + "\"/></w:tblGrid>";
        for (std::size_t i = 0; i < s.people.size(); i += 2) {
            out_ += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
            for (std::size_t j = i; j < i + 2; ++j) {
                out_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(half) + "\" w:type=\"dxa\"/></w:tcPr>";
                if (j < s.people.size()) {
                    const auto& person = s.people[j];
                    out_ += "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:keepNext/><w:spacing w:before=\"" +
                            std::to_string(twips(look::signature_space_before)) + "\"/></w:pPr>" +
                            text_run(person.name) + "</w:p>";
                    for (const auto& line : person.lines)
                        out_ += "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/></w:pPr>" + text_run(line) + "</w:p>";
                } else {
                    out_ += "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/></w:pPr></w:p>";
                }
                out_ += "</w:tc>";
            }
            out_ += "</w:tr>";
        }
        out_ += "</w:tbl>";
        out_ += kAfterTable;
    }

    void operator()(const doc::PageBreak&) { out_ += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; }

    // Word's own table of contents (17.16.5.68): a TOC field over the heading
    // levels, its entries linked to the headings' bookmarks, each with a
    // PAGEREF field for its page. The pages are Word's, so the numbers are
    // left for Word to fill in (settings_part asks it to on opening);
    // LibreOffice shows the entries without them until its index is updated.
    void operator()(const doc::TableOfContents& toc) {
        context_.has_contents = true;
        const auto levels = std::to_string(toc.min_level) + "-" + std::to_string(toc.max_level);
        const std::string begin =
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
            "xml:space=\"preserve\"> TOC \\o \"" +
            levels +
            "\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar "
            "w:fldCharType=\"separate\"/></w:r>";
        const std::string end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        if (toc.entries.empty()) {
            out_ += "<w:p>" + begin + end + "</w:p>";
            return;
        }
        for (std::size_t i = 0; i < toc.entries.size(); ++i) {
            const auto& e = toc.entries[i];
            const int style = std::clamp(e.level - toc.min_level + 1, 1, 9);
            const auto mark = context_.bookmarks.find(e.id);
            std::string text = e.number.empty() ? "" : text_run(e.number) + "<w:r><w:tab/></w:r>";
            text += runs(e.title, context_);
            if (mark != context_.bookmarks.end())
                text = "<w:hyperlink w:anchor=\"" + mark->second + "\">" + text +
                       "<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
                       "xml:space=\"preserve\"> PAGEREF " +
                       mark->second +
                       " \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar "
                       "w:fldCharType=\"end\"/></w:r></w:hyperlink>";
            out_ += "<w:p><w:pPr><w:pStyle w:val=\"TOC" + std::to_string(style) + "\"/></w:pPr>" +
                    (i == 0 ? begin : "") + text + (i + 1 == toc.entries.size() ? end : "") + "</w:p>";
        }
    }

    // The caption above, as in the PDF, then the chart with its data.
    void operator()(const doc::Chart& c) {
        if (!c.title.empty())
            out_ += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>" + text_run(c.title) + "</w:p>";
        context_.charts.push_back(&c);
        out_ += "<w:p><w:pPr><w:pStyle w:val=\"ChartParagraph\"/></w:pPr>" +
                chart_drawing(c, context_.charts.size(), context_) + "</w:p>";
    }

private:
    long indent_twips() const { return twips(look::list_gutter * indent); }

    // The head rows repeat on every page (w:tblHeader) and are bold, with the
    // strongest rule under them; the total rows are bold with a rule above;
    // a row never splits across pages.
    void table_row(const doc::Table& t, const doc::TableRow& row, const std::vector<long>& widths, RowKind kind,
                   bool last) {
        out_ += "<w:tr><w:trPr><w:cantSplit/>";
        if (kind == RowKind::Head) out_ += "<w:tblHeader/>";
        out_ += "</w:trPr>";
        for (std::size_t c = 0; c < widths.size(); ++c) {
            std::string borders;
            if (kind == RowKind::Head) borders += border("bottom", look::head_rule);
            if (kind == RowKind::Foot && &row == &t.foot.front()) borders += border("top", look::foot_rule);
            if (last) borders += border("bottom", look::bottom_rule);
            out_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(widths[c]) + "\" w:type=\"dxa\"/>" +
                    (borders.empty() ? "" : "<w:tcBorders>" + borders + "</w:tcBorders>") + "</w:tcPr>";
            const auto align = c < t.columns.size() ? t.columns[c].align : doc::Align::Left;
            out_ +=
                "<w:p>" + paragraph_properties("TableText", align == doc::Align::Justify ? doc::Align::Left : align);
            if (c < row.cells.size()) out_ += runs(row.cells[c].content, context_, {kind != RowKind::Body, 0, ""});
            out_ += "</w:p></w:tc>";
        }
        out_ += "</w:tr>";
    }

    Context& context_;
    std::string& out_;
};

void collect(const doc::Blocks& blocks, Context& context) {
    for (const auto& block : blocks) {
        if (const auto* h = std::get_if<doc::Heading>(&block.node); h && !h->id.empty())
            context.bookmarks.emplace(h->id, bookmark_name(h->id, context.bookmarks));
        if (const auto* list = std::get_if<doc::List>(&block.node))
            for (const auto& item : list->items) collect(item, context);
    }
}

}  // namespace

void collect_bookmarks(const doc::Blocks& blocks, Context& context) { collect(blocks, context); }

void append_body(std::vector<std::string>& pieces, const doc::Blocks& blocks, Context& context) {
    constexpr std::size_t kPiece = std::size_t{1} << 20;
    std::string out;
    BlockWriter writer(context, out);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        // The letterhead that opens the document is the first page's header.
        if (i == 0 && std::holds_alternative<doc::Letterhead>(blocks[i].node)) continue;
        writer.after_list = writer.after_list && std::holds_alternative<doc::Paragraph>(blocks[i].node);
        std::visit(writer, blocks[i].node);
        if (out.size() >= kPiece) {
            pieces.push_back(std::move(out));
            out.clear();  // the writer appends to this string still
        }
    }
    if (!out.empty()) pieces.push_back(std::move(out));
}

}  // namespace docx
