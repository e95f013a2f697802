// revision::dump: the change report as text for tests.
//
//   section "Sammanfattning"                    (a section with changes)
//   section "Ny rubrik" renamed from "Gammal"   / added / removed
//     changed sentence: "old" -> "new"
//       words: -[gammalt] +[nytt]
//       figure: "300\u00A0000 kronor" -> "350\u00A0000 kronor"
//     changed table row "Farsta" in "Lokala utvecklingsmedel (LUM) 2025"
//       cell "Summa (kr)": "500\u00A0000" -> "450\u00A0000"
//     added list item: "text"
//     removed chart point "2024" in "Beviljade medel": "2024: 3 836 tkr"
#include <string>

#include "revision/compare.hpp"

namespace revision {

namespace {

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\u00A0") == 0) {
            out += "\\u00A0";
            ++i;
        } else if (text.compare(i, 3, "\u202F") == 0) {
            out += "\\u202F";
            i += 2;
        } else if (text[i] == '"' || text[i] == '\\') {
            out += '\\';
            out += text[i];
        } else if (text[i] == '\n') {
            out += "\\n";
        } else {
            out += text[i];
        }
    }
    return out + "\"";
}

const char* kind_name(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::Added: return "added";
        case ChangeKind::Removed: return "removed";
        case ChangeKind::Changed: return "changed";
    }
    return "?";
}

const char* unit_name(UnitKind unit) {
    switch (unit) {
        case UnitKind::Sentence: return "sentence";
        case UnitKind::ListItem: return "list item";
        case UnitKind::TableRow: return "table row";
        case UnitKind::LetterheadField: return "letterhead field";
        case UnitKind::Signature: return "signature";
        case UnitKind::ChartPoint: return "chart point";
        case UnitKind::Footnote: return "footnote";
    }
    return "?";
}

// The words separated by spaces, escaped as quoted() escapes them.
std::string words(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& word : list) {
        const auto escaped = quoted(word);
        out += (out.empty() ? "" : " ") + escaped.substr(1, escaped.size() - 2);
    }
    return out;
}

}  // namespace

std::string dump(const ChangeReport& report) {
    if (report.empty()) return "No changes\n";
    std::string out;
    for (const auto& section : report.sections) {
        out += "section " + quoted(section.title());
        if (section.status == SectionStatus::Renamed) out += " renamed from " + quoted(section.title_before);
        if (section.status == SectionStatus::Added) out += " added";
        if (section.status == SectionStatus::Removed) out += " removed";
        out += "\n";
        for (const auto& change : section.changes) {
            out += "  " + std::string(kind_name(change.kind)) + " " + unit_name(change.unit);
            if (!change.key.empty()) out += " " + quoted(change.key);
            if (!change.context.empty()) out += " in " + quoted(change.context);
            if (change.kind == ChangeKind::Changed && change.cells.empty())
                out += ": " + quoted(change.before) + " -> " + quoted(change.after);
            else if (change.kind == ChangeKind::Added)
                out += ": " + quoted(change.after);
            else if (change.kind == ChangeKind::Removed)
                out += ": " + quoted(change.before);
            out += "\n";
            if (!change.removed_words.empty() || !change.added_words.empty())
                out += "    words: -[" + words(change.removed_words) + "] +[" + words(change.added_words) + "]\n";
            for (const auto& cell : change.cells)
                out +=
                    "    cell " + quoted(cell.column) + ": " + quoted(cell.before) + " -> " + quoted(cell.after) + "\n";
            for (const auto& figure : change.figures)
                out += "    figure: " + quoted(figure.before) + " -> " + quoted(figure.after) + "\n";
        }
    }
    out += "total: " + std::to_string(report.change_count()) + " changes in " + std::to_string(report.sections.size()) +
           " sections\n";
    return out;
}

}  // namespace revision
