#pragma once
// The revision stage: what changed between two versions of a document,
// computed from the two doc trees (never from PDF text), and the change
// report that goes to the committee with every revision.
//
// A document is cut into sections at its headings (any level); the blocks
// before the first heading (the letterhead) are a section of their own with
// an empty title. A section is known by its heading's text without its
// number, so renumbering alone is no change. Within a section the units
// compared are:
//   - each sentence of a paragraph (split_sentences, text.hpp),
//   - each list item (nested lists give items of their own),
//   - each table row (head, body and foot rows), known by its first cell,
//   - each letterhead field (organisation, document type, diary number,
//     case officers, addressee, date),
//   - each signature, known by the name,
//   - each data point of a chart (series and category, with its label),
//   - each footnote's text.
// The units of two matching sections are diffed as a longest common
// subsequence; a removed and an added unit next to each other that are alike
// (the same key, or at least half their words in common) are one changed unit.
// A table row, chart point, letterhead field or signature whose key is found
// elsewhere in the section is paired too, so that a row that moved because
// its amount changed is one changed row; a row that only moved is not a
// change (order alone is not reported).
#include <cstddef>
#include <string>
#include <vector>

#include "document/node.hpp"

namespace revision {

enum class ChangeKind { Added, Removed, Changed };

enum class UnitKind { Sentence, ListItem, TableRow, LetterheadField, Signature, ChartPoint, Footnote };

// One cell of a changed table row: the column's header text ("Summa (kr)"),
// or "kolumn 3" when the table has no head row.
struct CellChange {
    std::string column;
    std::string before;
    std::string after;
};

// A number that changed, with its unit when the text gives one:
// "300 000 kronor" -> "350 000 kronor". A figure that only appears on one
// side has the other side empty.
struct FigureChange {
    std::string before;
    std::string after;
};

struct Change {
    ChangeKind kind = ChangeKind::Changed;
    UnitKind unit = UnitKind::Sentence;
    // Where the unit stands: a table's caption (or its head row), a chart's
    // title; empty for text.
    std::string context;
    // What the unit is known by: a table row's first cell, a letterhead
    // field's name ("Datum"), a signature's name, a chart point's
    // "series: category"; empty for sentences, list items and footnotes.
    std::string key;
    // The whole unit's text; `before` is empty for an added unit, `after`
    // for a removed one. A table row's cells are joined by " | ".
    std::string before;
    std::string after;
    // Changed units only: the words (split at spaces; a number with its
    // no-break spaces is one word) that were taken out and put in.
    std::vector<std::string> removed_words;
    std::vector<std::string> added_words;
    // Changed table rows only: the cells that differ, in column order.
    std::vector<CellChange> cells;
    // Changed units only: the numbers that changed, in text order.
    std::vector<FigureChange> figures;
    // Table rows only: the table's column headers (its last head row), so
    // that an added or removed row's cells can be named.
    std::vector<std::string> columns;
};

enum class SectionStatus {
    Same,  // the same heading in both; changes inside it
    // Its heading changed: in a run of sections found in only one version,
    // the n-th removed and the n-th added section of the same level are one
    // section when half their units are the same, or when the run is one
    // section for one.
    Renamed,
    Added,
    Removed,
};

struct SectionChanges {
    SectionStatus status = SectionStatus::Same;
    int level = 0;             // the heading's level; 0 for the letterhead section
    std::string number;        // the heading's number ("2.1") in the later version (the earlier
                               // one for a removed section), to find it by; may be empty
    std::string title_before;  // without the heading's number; empty when added
    std::string title_after;   // empty when removed
    // For an added (removed) section: all its units, as added (removed).
    std::vector<Change> changes;

    // The title to show: the new one, or the old one of a removed section.
    const std::string& title() const { return title_after.empty() ? title_before : title_after; }
    // The changes a reader counts: one for an added or removed section
    // whatever it holds; else one per unit, plus one for a renamed heading.
    std::size_t change_count() const;
};

// The sections with changes, in the order of the later version (removed
// sections where they stood).
struct ChangeReport {
    std::vector<SectionChanges> sections;

    bool empty() const { return sections.empty(); }
    std::size_t change_count() const;
};

ChangeReport compare_documents(const doc::Document& before, const doc::Document& after);

// A stable text dump for tests, one change per line with its details
// indented below; no-break spaces show as \u00A0. "No changes" when empty.
std::string dump(const ChangeReport& report);

}  // namespace revision
