// The logical structure layout hands to the PDF stage: every item knows the
// doc node it came from, and the elements follow the reading order.
#include "layout_support.hpp"

using namespace layout_test;

namespace {

doc::TableRow row(std::vector<std::string> cells) {
    doc::TableRow r;
    for (auto& c : cells) r.cells.push_back(doc::TableCell{doc::Inlines{text(std::move(c))}});
    return r;
}

const StructElement& element_of(const PagedDocument& paged, const Item& item) {
    REQUIRE(item.structure >= 0);
    REQUIRE(static_cast<std::size_t>(item.structure) < paged.structure.size());
    return paged.structure[static_cast<std::size_t>(item.structure)];
}

// The element of the first non-artifact run with this text.
std::int32_t element_with(const PagedDocument& paged, const std::string& s) {
    for (const Page& page : paged.pages)
        for (const Item& item : page.items) {
            const auto* run = std::get_if<TextRun>(&item.content);
            if (run && run->text == s && !item.artifact) return item.structure;
        }
    return kNoElement;
}

std::vector<Role> roles(const PagedDocument& paged) {
    std::vector<Role> out;
    for (const StructElement& e : paged.structure) out.push_back(e.role);
    return out;
}

}  // namespace

TEST_CASE("every item is either tagged or an artifact, never both", "[layout][structure]") {
    doc::Table t;
    t.head = {row({"Namn", "Belopp"})};
    for (int i = 1; i <= 10; ++i) t.body.push_back(row({"r" + std::to_string(i), std::to_string(i)}));
    t.foot = {row({"Summa", "55"})};
    auto d = document(small_page(20, 8), {heading(1, "Titel"), para("Text"), doc::Block{t}});
    d.page.page_mark = {text("Sida "), doc::PageNumber{}};
    d.page.running_header = {text("Beslut")};
    const auto paged = lay(d);
    REQUIRE(paged.pages.size() >= 2);
    for (const Page& page : paged.pages)
        for (const Item& item : page.items) {
            CAPTURE(dump(paged));
            CHECK(item.artifact == (item.structure == kNoElement));
            // Table rules are layout artifacts.
            if (std::holds_alternative<Rule>(item.content)) CHECK(item.artifact);
        }
}

TEST_CASE("a table over two pages is one Table element with one head row", "[layout][structure]") {
    doc::Table t;
    t.head = {row({"Namn", "Belopp"})};
    for (int i = 1; i <= 10; ++i) t.body.push_back(row({"r" + std::to_string(i), std::to_string(i)}));
    const auto paged = lay(document(small_page(20, 8), {doc::Block{t}}));
    REQUIRE(paged.pages.size() == 2);
    const auto r = roles(paged);
    CHECK(std::count(r.begin(), r.end(), Role::Table) == 1);
    CHECK(std::count(r.begin(), r.end(), Role::TR) == 11);
    CHECK(std::count(r.begin(), r.end(), Role::TH) == 2);
    CHECK(std::count(r.begin(), r.end(), Role::TD) == 20);
    const std::int32_t namn = element_with(paged, "Namn");
    REQUIRE(namn != kNoElement);
    const StructElement& th = paged.structure[static_cast<std::size_t>(namn)];
    CHECK(th.role == Role::TH);
    CHECK(th.scope == HeaderScope::Column);
    // r1 on page 1 and r10 on page 2: rows of the same table.
    const auto& r1 = paged.structure[static_cast<std::size_t>(element_with(paged, "r1"))];
    const auto& r10 = paged.structure[static_cast<std::size_t>(element_with(paged, "r10"))];
    CHECK(r1.role == Role::TD);
    const auto& tr1 = paged.structure[static_cast<std::size_t>(r1.parent)];
    const auto& tr10 = paged.structure[static_cast<std::size_t>(r10.parent)];
    CHECK(tr1.role == Role::TR);
    CHECK(tr1.parent == tr10.parent);
    // The head repeated on page 2 is furniture.
    for (const Item& item : paged.pages[1].items) {
        const auto* run = std::get_if<TextRun>(&item.content);
        if (run && run->text == "Namn") CHECK(item.artifact);
    }
}

TEST_CASE("elements come in reading order, parents before children", "[layout][structure]") {
    doc::List list{true, 1, {{para("ett")}, {para("två")}}};
    const auto paged = lay(document(small_page(30, 20), {heading(2, "Rubrik"), doc::Block{list}, para("Slut")}));
    CHECK(roles(paged) == std::vector<Role>{Role::Document, Role::H2, Role::L, Role::LI, Role::Lbl, Role::LBody,
                                            Role::P, Role::LI, Role::Lbl, Role::LBody, Role::P, Role::P});
    for (std::size_t i = 1; i < paged.structure.size(); ++i) CHECK(paged.structure[i].parent < std::int32_t(i));
    CHECK(paged.structure[static_cast<std::size_t>(element_with(paged, "1."))].role == Role::Lbl);
    CHECK(paged.structure[static_cast<std::size_t>(element_with(paged, "två"))].role == Role::P);
}

TEST_CASE("one link over a line break is one Link element", "[layout][structure]") {
    // 10 characters a line: the link text wraps.
    const auto paged = lay(document(
        small_page(10, 10), {para({text("Se "), text("avsnitt tre nu", false, false, "#tre"), text(" och sen")})}));
    std::vector<std::int32_t> link_elements;
    for (const Item& item : paged.pages[0].items)
        if (std::holds_alternative<Link>(item.content)) link_elements.push_back(item.structure);
    REQUIRE(link_elements.size() == 2);  // one area per line
    CHECK(link_elements[0] == link_elements[1]);
    CHECK(element_of(paged, paged.pages[0].items[0]).role == Role::P);
    CHECK(paged.structure[static_cast<std::size_t>(link_elements[0])].role == Role::Link);
}
