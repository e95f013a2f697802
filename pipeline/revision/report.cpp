// change_report_document: the change report as a doc tree (report.hpp).
#include "revision/report.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

#include "core/date.hpp"
#include "document/format_sv.hpp"
#include "revision/text.hpp"

namespace revision {

namespace {

constexpr const char* kTitle = "Ändringar i tjänsteutlåtandet";

doc::Text run(std::string text, bool bold = false, bool italic = false) {
    return doc::Text{std::move(text), {bold, italic}, ""};
}

doc::Block paragraph(doc::Inlines content) { return {doc::Paragraph{std::move(content), doc::Align::Left}}; }

// Appends a run, merged with the last one when the style is the same.
void append(doc::Inlines& inlines, std::string text, bool bold) {
    if (!inlines.empty()) {
        if (auto* last = std::get_if<doc::Text>(&inlines.back()); last && last->style.bold == bold) {
            last->text += text;
            return;
        }
    }
    inlines.push_back(run(std::move(text), bold));
}

// Both texts word by word, the words only in one of them in bold.
std::pair<doc::Inlines, doc::Inlines> marked_words(const std::string& before, const std::string& after) {
    const auto a = split_words(before);
    const auto b = split_words(after);
    doc::Inlines left, right;
    // The space between two changed words is bold too, so that "en
    // förutsättning" reads as one bold run.
    bool left_bold = false, right_bold = false;
    for (const auto& edit : diff(a, b, [](const std::string&x, const std::string&y) { return x == y; })) {
        if (edit.op != EditOp::Add) {
            const bool bold = edit.op == EditOp::Remove;
            if (!left.empty()) append(left, " ", bold && left_bold);
            append(left, a[edit.before], bold);
            left_bold = bold;
        }
        if (edit.op != EditOp::Remove) {
            const bool bold = edit.op == EditOp::Add;
            if (!right.empty()) append(right, " ", bold && right_bold);
            append(right, b[edit.after], bold);
            right_bold = bold;
        }
    }
    return {left, right};
}

std::string quoted(const std::string& text) { return "\u201D" + text + "\u201D"; }

std::string lower_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

// What the unit is, after "Ändrat", "Tillagt" or "Borttaget".
std::string what(const Change& change) {
    switch (change.unit) {
        case UnitKind::Sentence: return "mening";
        // No-break spaces: the first column is narrow, and "punkt i lista" is
        // read as one word.
        case UnitKind::ListItem: return "punkt\u00A0i\u00A0lista";
        case UnitKind::TableRow:
            // On lines of their own: the caption alone sets the column's width.
            return "rad " + quoted(change.key) +
                   (change.context.empty() ? "" : "\ni tabellen\n" + quoted(change.context));
        case UnitKind::LetterheadField: return lower_first(change.key);
        case UnitKind::Signature: return "underskrift";
        case UnitKind::ChartPoint: return "värde i diagrammet\n" + quoted(change.context);
        case UnitKind::Footnote: return "fotnot";
    }
    return "";
}

const char* kind_word(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::Added: return "Tillagt";
        case ChangeKind::Removed: return "Borttaget";
        case ChangeKind::Changed: return "Ändrat";
    }
    return "";
}

doc::TableCell cell(doc::Inlines content) { return doc::TableCell{std::move(content)}; }

// A table row's cells, one per line, each with its column's header.
doc::Inlines row_text(const std::string& text, const std::vector<std::string>& columns) {
    doc::Inlines out;
    std::size_t start = 0, c = 0;
    for (;;) {
        const auto end = text.find(" | ", start);
        const auto value = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!out.empty()) out.push_back(doc::LineBreak{});
        if (c < columns.size() && !columns[c].empty() && c > 0)
            out.push_back(run(columns[c] + ": " + value));
        else
            out.push_back(run(value));
        if (end == std::string::npos) break;
        start = end + 3;
        ++c;
    }
    return out;
}

doc::TableRow change_row(const Change& change) {
    doc::Inlines label{run(kind_word(change.kind), true)};
    const auto description = what(change);
    for (std::size_t start = 0; start <= description.size();) {
        const auto end = std::min(description.find('\n', start), description.size());
        label.push_back(doc::LineBreak{});
        label.push_back(run(description.substr(start, end - start)));
        start = end + 1;
    }
    doc::Inlines before, after;
    if (change.kind == ChangeKind::Changed && !change.cells.empty()) {
        for (const auto& c : change.cells) {
            if (!before.empty()) before.push_back(doc::LineBreak{});
            if (!after.empty()) after.push_back(doc::LineBreak{});
            before.push_back(run(c.column + ": "));
            before.push_back(run(c.before.empty() ? "(tom)" : c.before, true));
            after.push_back(run(c.column + ": "));
            after.push_back(run(c.after.empty() ? "(tom)" : c.after, true));
        }
    } else if (change.kind == ChangeKind::Changed) {
        std::tie(before, after) = marked_words(change.before, change.after);
        for (const auto& figure : change.figures) {
            // A chart point or a date is its figure: the before and after say it.
            if (change.unit == UnitKind::ChartPoint || change.unit == UnitKind::LetterheadField) break;
            // A figure only added or only taken out shows in bold in the text.
            if (figure.before.empty() || figure.after.empty()) continue;
            // "16 → 10" on one line; long amounts on two, the arrow starting the second.
            label.push_back(doc::LineBreak{});
            if (figure.before.size() + figure.after.size() <= 12) {
                label.push_back(run(figure.before + "\u00A0\u2192\u00A0" + figure.after));
                continue;
            }
            label.push_back(run(figure.before));
            label.push_back(doc::LineBreak{});
            label.push_back(run("\u2192\u00A0" + figure.after));
        }
    } else if (change.unit == UnitKind::TableRow) {
        (change.kind == ChangeKind::Added ? after : before) =
            row_text(change.kind == ChangeKind::Added ? change.after : change.before, change.columns);
    } else {
        (change.kind == ChangeKind::Added ? after : before) =
            doc::Inlines{run(change.kind == ChangeKind::Added ? change.after : change.before)};
    }
    return doc::TableRow{{cell(std::move(label)), cell(std::move(before)), cell(std::move(after))}};
}

doc::TableRow text_row(const std::string& a, const std::string& b, const std::string& c) {
    auto inl = [](const std::string& s) { return s.empty() ? doc::Inlines{} : doc::Inlines{run(s)}; };
    return doc::TableRow{{cell(inl(a)), cell(inl(b)), cell(inl(c))}};
}

std::string capitalized_count(std::int64_t n, doc::sv::Gender gender) {
    return doc::sv::capitalize_first(doc::sv::count(n, gender));
}

std::string summary(const ChangeReport& report) {
    const auto changes = static_cast<std::int64_t>(report.change_count());
    const auto sections = static_cast<std::int64_t>(report.sections.size());
    return capitalized_count(changes, doc::sv::Gender::Common) + (changes == 1 ? " ändring" : " ändringar") + " i " +
           doc::sv::count(sections, doc::sv::Gender::Neuter) + " avsnitt.";
}

std::string version_line(const RevisionInfo& info) {
    std::string line = "Version " + std::to_string(info.version_before);
    if (!info.date_before.empty()) line += " (" + info.date_before + ")";
    line += " jämfört med version " + std::to_string(info.version_after);
    if (!info.date_after.empty()) line += ", reviderad " + info.date_after;
    if (!info.reason.empty()) {
        line += ": " + info.reason;
        const char last = info.reason.back();
        if (last != '.' && last != '!' && last != '?') line += ".";
    } else {
        line += ".";
    }
    return line;
}

}  // namespace

doc::Document change_report_document(const ChangeReport& report, const RevisionInfo& info) {
    doc::Document document;
    document.meta.title = kTitle;
    document.meta.author = info.organisation.empty() ? "" : info.organisation.front();
    document.meta.subject = info.document_title;
    if (core::parse_iso_date(info.date_after)) document.meta.date = info.date_after;

    std::string dnr = info.diary_number;
    if (dnr.rfind("Dnr ", 0) == 0)
        dnr = "dnr " + dnr.substr(4);
    else if (!dnr.empty())
        dnr = "dnr " + dnr;
    document.page.running_header = {run(std::string(kTitle) + (dnr.empty() ? "" : ", " + dnr))};
    document.page.page_mark = {run("Sida "), doc::PageNumber{}, run(" ("), doc::PageCount{}, run(")")};

    doc::Letterhead letterhead;
    letterhead.organisation = info.organisation;
    letterhead.document_type = "Ändringsförteckning";
    letterhead.diary_number = info.diary_number;
    if (!info.addressee.empty()) {
        letterhead.right_heading = {"Till"};
        letterhead.right_lines = {info.addressee};
    }
    if (!info.date_after.empty()) letterhead.right_lines.push_back(info.date_after);
    document.body.push_back({letterhead});

    document.body.push_back({doc::Heading{1, "", "sec-andringar", {run(kTitle)}, true}});
    if (!info.document_title.empty())
        document.body.push_back(paragraph({run("Gäller tjänsteutlåtandet " + quoted(info.document_title) + ".")}));
    document.body.push_back(paragraph({run(version_line(info))}));
    if (report.empty()) {
        document.body.push_back(paragraph({run("Inga ändringar i texten.", true)}));
        return document;
    }
    document.body.push_back(paragraph({run(summary(report), true)}));
    document.body.push_back(paragraph({run("Ändrade ord och belopp är markerade med fetstil.")}));

    int number = 0;
    for (const auto& section : report.sections) {
        ++number;
        const auto title = section.title().empty() ? std::string("Dokumenthuvud") : section.title();
        // The decision document's own number, so that the section is found there.
        document.body.push_back(
            {doc::Heading{2, section.number, "sec-avsnitt-" + std::to_string(number), {run(title)}, true}});
        if (section.status == SectionStatus::Added) document.body.push_back(paragraph({run("Nytt avsnitt.")}));
        if (section.status == SectionStatus::Removed)
            document.body.push_back(paragraph({run("Avsnittet har tagits bort.")}));
        doc::Table table;
        table.columns = {{doc::Align::Left}, {doc::Align::Left}, {doc::Align::Left}};
        table.head = {text_row("Ändring", "Före", "Efter")};
        if (section.status == SectionStatus::Renamed) {
            doc::Inlines label{run("Ändrat", true), doc::LineBreak{}, run("rubrik")};
            auto [before, after] = marked_words(section.title_before, section.title_after);
            table.body.push_back({{cell(std::move(label)), cell(std::move(before)), cell(std::move(after))}});
        }
        for (const auto& change : section.changes) table.body.push_back(change_row(change));
        if (!table.body.empty()) document.body.push_back({std::move(table)});
    }
    return document;
}

}  // namespace revision
