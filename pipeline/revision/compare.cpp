// compare_documents: sections, their units, the diff of the units and the
// pairing of removed and added units into changed ones (compare.hpp).
#include "revision/compare.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "document/plain_text.hpp"
#include "revision/text.hpp"

namespace revision {

namespace {

// Removed and added units at least this alike (word_similarity) are one
// changed unit.
constexpr double kAlike = 0.5;

struct Unit {
    UnitKind kind = UnitKind::Sentence;
    std::string context;
    std::string key;
    std::string text;
    std::vector<std::string> cells;    // table rows
    std::vector<std::string> columns;  // table rows: the head row's texts
};

bool same_unit(const Unit& a, const Unit& b) { return a.kind == b.kind && a.key == b.key && a.text == b.text; }

struct Section {
    int level = 0;
    std::string number;  // Heading::number, shown but not compared
    std::string title;   // without its number; empty for the letterhead section
    std::vector<Unit> units;
};

// "2.1 Bakgrund" -> "Bakgrund", for headings that carry their number in
// their text rather than in Heading::number: parts of one or two digits
// joined by full stops, then a space. "2025 års fördelning" keeps its year.
std::string without_number(std::string title) {
    std::size_t i = 0, digits = 0;
    while (i < title.size()) {
        if (title[i] >= '0' && title[i] <= '9') {
            if (++digits > 2) return title;
        } else if (title[i] == '.' && digits > 0) {
            digits = 0;
        } else {
            break;
        }
        ++i;
    }
    if (i > 0 && i < title.size() && title[i] == ' ') return title.substr(i + 1);
    return title;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

void collect_footnotes(const doc::Inlines& inlines, std::vector<Unit>& units) {
    for (const auto& node : inlines) {
        const auto* note = std::get_if<doc::Footnote>(&node);
        if (!note || note->repeat) continue;
        units.push_back({UnitKind::Footnote, "", "", doc::plain_text(note->content), {}, {}});
    }
}

// The sections of a body and their units, in document order.
class SectionBuilder {
public:
    std::vector<Section> sections{Section{}};

    void blocks(const doc::Blocks& body) {
        for (std::size_t i = 0; i < body.size(); ++i) {
            const auto& node = body[i].node;
            if (const auto* heading = std::get_if<doc::Heading>(&node)) {
                sections.push_back(
                    {heading->level, heading->number, without_number(doc::plain_text(heading->content)), {}});
            } else if (const auto* paragraph = std::get_if<doc::Paragraph>(&node)) {
                if (doc::caption_paragraph(body, i)) caption_ = doc::plain_text(paragraph->content);
                for (auto& sentence : split_sentences(doc::plain_text(paragraph->content)))
                    add({UnitKind::Sentence, "", "", std::move(sentence), {}, {}});
                collect_footnotes(paragraph->content, units());
            } else if (const auto* list = std::get_if<doc::List>(&node)) {
                this->list(*list);
            } else if (const auto* table = std::get_if<doc::Table>(&node)) {
                this->table(*table);
                caption_.clear();
            } else if (const auto* letterhead = std::get_if<doc::Letterhead>(&node)) {
                this->letterhead(*letterhead);
            } else if (const auto* signatures = std::get_if<doc::Signatures>(&node)) {
                for (const auto& person : signatures->people)
                    add({UnitKind::Signature,
                         "",
                         person.name,
                         join({person.name, join(person.lines, ", ")}, ", "),
                         {},
                         {}});
            } else if (const auto* chart = std::get_if<doc::Chart>(&node)) {
                this->chart(*chart);
            }
            // Page breaks and tables of contents say nothing of their own.
        }
    }

private:
    std::string caption_;

    std::vector<Unit>& units() { return sections.back().units; }
    void add(Unit unit) { units().push_back(std::move(unit)); }

    // An item's paragraphs are one unit; its nested lists give units of
    // their own, after it.
    void list(const doc::List& list) {
        for (const auto& item : list.items) {
            std::vector<std::string> texts;
            std::vector<const doc::List*> nested;
            std::vector<Unit> notes;
            for (const auto& block : item) {
                if (const auto* paragraph = std::get_if<doc::Paragraph>(&block.node)) {
                    texts.push_back(doc::plain_text(paragraph->content));
                    collect_footnotes(paragraph->content, notes);
                } else if (const auto* inner = std::get_if<doc::List>(&block.node)) {
                    nested.push_back(inner);
                }
            }
            if (!texts.empty()) add({UnitKind::ListItem, "", "", join(texts, " "), {}, {}});
            for (auto& note : notes) add(std::move(note));
            for (const auto* inner : nested) this->list(*inner);
        }
    }

    void table(const doc::Table& table) {
        std::vector<std::string> columns;
        if (!table.head.empty())
            for (const auto& cell : table.head.back().cells) columns.push_back(doc::plain_text(cell.content));
        const auto context = !caption_.empty() ? caption_ : join(columns, ", ");
        for (const auto* rows : {&table.head, &table.body, &table.foot}) {
            for (const auto& row : *rows) {
                Unit unit{UnitKind::TableRow, context, "", "", {}, columns};
                std::vector<Unit> notes;
                for (const auto& cell : row.cells) {
                    unit.cells.push_back(doc::plain_text(cell.content));
                    collect_footnotes(cell.content, notes);
                }
                if (!unit.cells.empty()) unit.key = unit.cells.front();
                for (std::size_t c = 0; c < unit.cells.size(); ++c) unit.text += (c ? " | " : "") + unit.cells[c];
                add(std::move(unit));
                for (auto& note : notes) add(std::move(note));
            }
        }
    }

    void letterhead(const doc::Letterhead& letterhead) {
        auto field = [&](std::string name, std::string value) {
            if (!value.empty()) add({UnitKind::LetterheadField, "", std::move(name), std::move(value), {}, {}});
        };
        field("Organisation", join(letterhead.organisation, ", "));
        field("Dokumenttyp", letterhead.document_type);
        field("Diarienummer", letterhead.diary_number);
        field(letterhead.left_heading.empty() ? "Handläggare" : join(letterhead.left_heading, " "),
              join(letterhead.left_lines, ", "));
        std::vector<std::string> addressee;
        std::string date;
        for (const auto& line : letterhead.right_lines) {
            if (core::parse_iso_date(line))
                date = line;
            else
                addressee.push_back(line);
        }
        field(letterhead.right_heading.empty() ? "Till" : join(letterhead.right_heading, " "), join(addressee, ", "));
        field("Datum", date);
    }

    void chart(const doc::Chart& chart) {
        const auto context = chart.title.empty() ? std::string("Diagram") : chart.title;
        for (const auto& series : chart.series) {
            for (std::size_t c = 0; c < chart.categories.size(); ++c) {
                auto key = chart.series.size() > 1 && !series.name.empty() ? series.name + ": " + chart.categories[c]
                                                                           : chart.categories[c];
                std::string label = c < series.labels.size() ? series.labels[c] : "";
                if (!label.empty() && !chart.unit.empty()) label += "\u00A0" + chart.unit;
                add({UnitKind::ChartPoint, context, key, key + ": " + label, {}, {}});
            }
        }
    }
};

std::vector<Section> sections_of(const doc::Document& document) {
    SectionBuilder builder;
    builder.blocks(document.body);
    return builder.sections;
}

bool keyed(UnitKind kind) {
    return kind == UnitKind::TableRow || kind == UnitKind::LetterheadField || kind == UnitKind::Signature ||
           kind == UnitKind::ChartPoint;
}

// A removed and an added unit that are one changed unit.
bool alike(const Unit& a, const Unit& b) {
    if (a.kind != b.kind) return false;
    if (keyed(a.kind) && !a.key.empty() && a.key == b.key) return true;
    if (a.kind == UnitKind::LetterheadField || a.kind == UnitKind::ChartPoint) return false;
    if (a.kind == UnitKind::TableRow) {
        // A row whose first cell changed: alike when half its cells are the same.
        if (a.cells.size() != b.cells.size() || a.cells.empty()) return false;
        std::size_t same = 0;
        for (std::size_t c = 0; c < a.cells.size(); ++c) same += a.cells[c] == b.cells[c] ? 1 : 0;
        return 2 * same >= a.cells.size();
    }
    return word_similarity(a.text, b.text) >= kAlike;
}

// "Summa (kr)" -> "kr": the unit a column's header names in parentheses.
std::string column_unit(const std::string& column) {
    const auto open = column.rfind('(');
    if (open == std::string::npos || column.empty() || column.back() != ')') return "";
    const auto unit = column.substr(open + 1, column.size() - open - 2);
    for (const char* known : {"kr", "tkr", "mkr", "mnkr", "kronor", "%", "procent"})
        if (unit == known) return unit;
    return "";
}

void add_figures(Change& change, const std::string& before, const std::string& after, const std::string& unit = "") {
    for (auto& pair : changed_figures(before, after)) {
        auto with_unit = [&](std::string figure) {
            const bool bare = !figure.empty() && figure.back() >= '0' && figure.back() <= '9';
            return bare && !unit.empty() ? figure + "\u00A0" + unit : figure;
        };
        change.figures.push_back({with_unit(std::move(pair.before)), with_unit(std::move(pair.after))});
    }
}

Change changed(const Unit& a, const Unit& b) {
    Change change{ChangeKind::Changed, b.kind, b.context, b.key, a.text, b.text, {}, {}, {}, {}, b.columns};
    if (a.kind == UnitKind::TableRow) {
        const auto n = std::max(a.cells.size(), b.cells.size());
        for (std::size_t c = 0; c < n; ++c) {
            const std::string before = c < a.cells.size() ? a.cells[c] : "";
            const std::string after = c < b.cells.size() ? b.cells[c] : "";
            if (before == after) continue;
            const std::string column =
                c < b.columns.size() && !b.columns[c].empty() ? b.columns[c] : "kolumn " + std::to_string(c + 1);
            change.cells.push_back({column, before, after});
            add_figures(change, before, after, column_unit(column));
        }
        return change;
    }
    const auto wa = split_words(a.text);
    const auto wb = split_words(b.text);
    for (const auto& edit : diff(wa, wb, [](const std::string&x, const std::string&y) { return x == y; })) {
        if (edit.op == EditOp::Remove) change.removed_words.push_back(wa[edit.before]);
        if (edit.op == EditOp::Add) change.added_words.push_back(wb[edit.after]);
    }
    add_figures(change, a.text, b.text);
    return change;
}

Change added(const Unit& b) {
    return {ChangeKind::Added, b.kind, b.context, b.key, "", b.text, {}, {}, {}, {}, b.columns};
}
Change removed(const Unit& a) {
    return {ChangeKind::Removed, a.kind, a.context, a.key, a.text, "", {}, {}, {}, {}, a.columns};
}

// The changes between the units of two matching sections.
std::vector<Change> compare_units(const std::vector<Unit>& a, const std::vector<Unit>& b) {
    const auto script = diff(a, b, same_unit);
    // partner[k]: for a Remove or Add step, the index in `script` of the step
    // it is paired with.
    std::vector<std::optional<std::size_t>> partner(script.size());
    // Adjacent pairs: within each run of differences, each removed unit with
    // the first alike added unit after the last one paired.
    for (std::size_t k = 0; k < script.size();) {
        if (script[k].op == EditOp::Keep) {
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < script.size() && script[end].op != EditOp::Keep) ++end;
        std::size_t next_add = k;
        for (std::size_t r = k; r < end; ++r) {
            if (script[r].op != EditOp::Remove) continue;
            for (std::size_t d = next_add; d < end; ++d) {
                if (script[d].op != EditOp::Add || partner[d]) continue;
                if (alike(a[script[r].before], b[script[d].after])) {
                    partner[r] = d;
                    partner[d] = r;
                    next_add = d + 1;
                    break;
                }
            }
        }
        k = end;
    }
    // Keyed units anywhere in the section: a row that moved.
    for (std::size_t r = 0; r < script.size(); ++r) {
        if (script[r].op != EditOp::Remove || partner[r]) continue;
        const auto& unit = a[script[r].before];
        if (!keyed(unit.kind) || unit.key.empty()) continue;
        for (std::size_t d = 0; d < script.size(); ++d) {
            if (script[d].op != EditOp::Add || partner[d]) continue;
            const auto& other = b[script[d].after];
            if (other.kind == unit.kind && other.key == unit.key) {
                partner[r] = d;
                partner[d] = r;
                break;
            }
        }
    }
    std::vector<Change> changes;
    for (std::size_t k = 0; k < script.size(); ++k) {
        const auto& edit = script[k];
        if (edit.op == EditOp::Remove && !partner[k]) changes.push_back(removed(a[edit.before]));
        if (edit.op != EditOp::Add) continue;
        if (!partner[k]) {
            changes.push_back(added(b[edit.after]));
            continue;
        }
        const auto& before = a[script[*partner[k]].before];
        const auto& after = b[edit.after];
        if (before.text != after.text) changes.push_back(changed(before, after));
        // The same text elsewhere: moved only, which is not reported.
    }
    return changes;
}

// Share of units two sections have in common, as word_similarity does for words.
double unit_similarity(const Section& a, const Section& b) {
    if (a.units.empty() && b.units.empty()) return 1.0;
    std::size_t common = 0;
    for (const auto& edit : diff(a.units, b.units, same_unit)) common += edit.op == EditOp::Keep ? 1 : 0;
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.units.size() + b.units.size());
}

SectionChanges whole_section(const Section& section, SectionStatus status) {
    SectionChanges out;
    out.status = status;
    out.level = section.level;
    out.number = section.number;
    (status == SectionStatus::Added ? out.title_after : out.title_before) = section.title;
    for (const auto& unit : section.units)
        out.changes.push_back(status == SectionStatus::Added ? added(unit) : removed(unit));
    return out;
}

}  // namespace

std::size_t SectionChanges::change_count() const {
    if (status == SectionStatus::Added || status == SectionStatus::Removed) return 1;
    return changes.size() + (status == SectionStatus::Renamed ? 1 : 0);
}

std::size_t ChangeReport::change_count() const {
    std::size_t n = 0;
    for (const auto& section : sections) n += section.change_count();
    return n;
}

ChangeReport compare_documents(const doc::Document& before, const doc::Document& after) {
    const auto a = sections_of(before);
    const auto b = sections_of(after);
    const auto script = diff(a, b, [](const Section& x, const Section& y) { return x.title == y.title; });
    ChangeReport report;
    auto matched = [&](const Section& x, const Section& y, SectionStatus status) {
        SectionChanges section;
        section.status = status;
        section.level = y.level;
        section.number = y.number;
        section.title_before = x.title;
        section.title_after = y.title;
        section.changes = compare_units(x.units, y.units);
        if (status == SectionStatus::Renamed || !section.changes.empty()) report.sections.push_back(std::move(section));
    };
    for (std::size_t k = 0; k < script.size();) {
        if (script[k].op == EditOp::Keep) {
            matched(a[script[k].before], b[script[k].after], SectionStatus::Same);
            ++k;
            continue;
        }
        // A run of removed and added sections: the i-th removed and the i-th
        // added are one renamed section when they have the same level and
        // half their units in common, or when the run is one for one.
        std::vector<std::size_t> removed_sections, added_sections;
        for (; k < script.size() && script[k].op != EditOp::Keep; ++k)
            (script[k].op == EditOp::Remove ? removed_sections : added_sections)
                .push_back(script[k].op == EditOp::Remove ? script[k].before : script[k].after);
        const bool one_for_one = removed_sections.size() == 1 && added_sections.size() == 1;
        std::vector<std::optional<std::size_t>> renamed_from(added_sections.size());
        std::size_t next = 0;
        for (std::size_t r = 0; r < removed_sections.size(); ++r) {
            const auto& x = a[removed_sections[r]];
            for (std::size_t d = next; d < added_sections.size(); ++d) {
                const auto& y = b[added_sections[d]];
                if (x.level == y.level && (one_for_one || unit_similarity(x, y) >= kAlike)) {
                    renamed_from[d] = r;
                    next = d + 1;
                    break;
                }
            }
        }
        // In the later version's order, a removed section before the added
        // section that follows it in the earlier one.
        std::size_t r = 0;
        std::vector<bool> used(removed_sections.size(), false);
        for (std::size_t d = 0; d < added_sections.size(); ++d) {
            if (renamed_from[d]) {
                for (; r < *renamed_from[d]; ++r)
                    if (!used[r])
                        report.sections.push_back(whole_section(a[removed_sections[r]], SectionStatus::Removed));
                used[*renamed_from[d]] = true;
                r = *renamed_from[d] + 1;
                matched(a[removed_sections[*renamed_from[d]]], b[added_sections[d]], SectionStatus::Renamed);
            } else {
                report.sections.push_back(whole_section(b[added_sections[d]], SectionStatus::Added));
            }
        }
        for (; r < removed_sections.size(); ++r)
            if (!used[r]) report.sections.push_back(whole_section(a[removed_sections[r]], SectionStatus::Removed));
    }
    return report;
}

}  // namespace revision
