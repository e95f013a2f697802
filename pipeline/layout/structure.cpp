#include "layout/structure.hpp"

#include <algorithm>

namespace layout {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::Document: return "Document";
        case Role::Div: return "Div";
        case Role::H1: return "H1";
        case Role::H2: return "H2";
        case Role::H3: return "H3";
        case Role::H4: return "H4";
        case Role::H5: return "H5";
        case Role::H6: return "H6";
        case Role::P: return "P";
        case Role::BlockQuote: return "BlockQuote";
        case Role::L: return "L";
        case Role::LI: return "LI";
        case Role::Lbl: return "Lbl";
        case Role::LBody: return "LBody";
        case Role::Table: return "Table";
        case Role::TR: return "TR";
        case Role::TH: return "TH";
        case Role::TD: return "TD";
        case Role::Link: return "Link";
        case Role::Note: return "Note";
        case Role::Figure: return "Figure";
        case Role::Caption: return "Caption";
        case Role::TOC: return "TOC";
        case Role::TOCI: return "TOCI";
    }
    return "?";
}

Role heading_role(int level) {
    static constexpr Role kHeadings[] = {Role::H1, Role::H2, Role::H3, Role::H4, Role::H5, Role::H6};
    return kHeadings[std::clamp(level, 1, 6) - 1];
}

std::string_view to_string(HeaderScope scope) {
    switch (scope) {
        case HeaderScope::None: return "None";
        case HeaderScope::Row: return "Row";
        case HeaderScope::Column: return "Column";
        case HeaderScope::Both: return "Both";
    }
    return "?";
}

StructureBuilder::StructureBuilder(std::vector<StructElement>& elements) : elements_(elements) {
    elements_.clear();
    elements_.push_back(StructElement{Role::Document, kNoElement, HeaderScope::None, {}, false, false});
    open_.push_back(0);
}

std::int32_t StructureBuilder::add(Role role) {
    elements_.push_back(StructElement{role, open_.back(), HeaderScope::None, {}, false, false});
    last_link_ = kNoElement;
    return static_cast<std::int32_t>(elements_.size() - 1);
}

std::int32_t StructureBuilder::open(Role role) {
    const std::int32_t index = add(role);
    open_.push_back(index);
    return index;
}

void StructureBuilder::enter(std::int32_t element) {
    open_.push_back(element);
    last_link_ = kNoElement;
}

void StructureBuilder::close() {
    if (open_.size() > 1) open_.pop_back();  // the root stays
    last_link_ = kNoElement;
}

std::int32_t StructureBuilder::content() {
    last_link_ = kNoElement;
    return open_.back();
}

std::int32_t StructureBuilder::link(const std::string& target) {
    if (last_link_ != kNoElement && last_target_ == target) return last_link_;
    const std::int32_t index = add(Role::Link);
    last_link_ = index;
    last_target_ = target;
    return index;
}

}  // namespace layout
