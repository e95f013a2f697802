#pragma once
// The schema of the view: every name a template of a kind of document may
// use, with its kind and nesting, whatever one dataset holds.
//
// Why a schema and not the view alone: a view holds only what this year's
// data gives. An empty list has no item to name its fields, so a name
// misspelt inside {{#lum.partly_granted.list}} is never looked up in a year
// without partly granted applications, and surfaces in the year that has
// one. The schema says what the list's items hold in every year.
//
// Why derived and not written by hand: the view builders (view_model.cpp and
// the files beside it) are the one place the names are made; a second
// list written by hand would drift from them. The schema is the union of
// the views built from every fixture and from the test suite's generated
// datasets (whose lists are not empty), written to view_schema.txt by
// `fuel-view-schema` and compiled in. A test builds those views again and
// fails when a view has a name the schema lacks or the schema has a name
// no view made, so a change to a view builder without the schema (or the
// reverse) cannot pass (tests/document/test_view_schema.cpp).
#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

namespace doc {

// Number: a plain decimal with a dot and no grouping ("2025", "37.5"), which
// a chart can read; Text: any other string ("300 000 kronor").
enum class ValueKind { Text, Number, Flag, Section, List };

const char* to_string(ValueKind kind);  // "text", "number", "flag", "section", "list"

struct SchemaNode {
    ValueKind kind = ValueKind::Section;
    // A section's names; a list's item under the key "[]" (absent while no
    // view had an item), itself a section or a text.
    std::map<std::string, SchemaNode> members;
    // Derivation only: a text seen empty everywhere so far, which a later
    // number or text decides.
    bool blank = false;

    const SchemaNode* find(const std::string& name) const {
        const auto it = members.find(name);
        return it == members.end() ? nullptr : &it->second;
    }
};

// The item key of a list in the schema and in dotted names: "funds[].code".
inline constexpr const char* kListItem = "[]";

// One step of a dotted name: a name to look up ("" when a list's item
// follows another, "a[][]"), then, when `item`, that list's item.
struct PathStep {
    std::string name;
    bool item = false;
};

// "areas[].projects[].title" -> {areas, item}, {projects, item}, {title}:
// the one reading of a dotted name that every walk over a view or schema
// shares.
std::vector<PathStep> path_steps(const std::string& path);

// The kinds of document, by the view their templates see.
enum class DocumentKind {
    Round,            // the round's documents and its evaluation (make_view_model)
    Letter,           // a letter to an applicant: the round's view and `letter`
    FinalReport,      // slutrapport/
    FundApplication,  // ansokan-fond/
};

const char* to_string(DocumentKind kind);  // "round", "letter", "final-report", "fund-application"

// The schema of one view: its names and kinds.
SchemaNode schema_of(const kainjow::mustache::data& view);
// Adds `other`'s names to `into`; a name that is a number in one and text
// in the other is text.
void merge(SchemaNode& into, const SchemaNode& other);

// Lines "dotted.name kind", sorted: "funds[].code text".
std::string to_text(const SchemaNode& schema);
SchemaNode from_text(const std::string& text);

// One file with every kind: "[round]" then its lines, and so on.
std::string to_text(const std::map<DocumentKind, SchemaNode>& schemas);
std::map<DocumentKind, SchemaNode> schemas_from_text(const std::string& text);

// The schema compiled in (view_schema.txt).
const SchemaNode& view_schema(DocumentKind kind);

// Every dotted name of a schema with its node, in order.
std::vector<std::pair<std::string, const SchemaNode*>> dotted_names(const SchemaNode& schema);

}  // namespace doc
