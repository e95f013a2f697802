#pragma once
// A view for checking templates without rendering every record.
//
// `fuel check` must find every template error a build would find, but it
// need not lay out fifty thousand table rows to do so. Which names a
// Mustache template asks for, and which of them it finds, depends on the
// view's shape only, never on its strings' text: a section opens for a
// string, an object, `true` or a non-empty list and for nothing else
// (Mustache spec, "Sections"; kainjow's renderer: is_false / is_empty_list),
// and a name resolves by the keys of the objects on the context stack. So
// two items of a list with the same shape (the same keys, the same kinds of
// value, the same true/false flags, lists empty or not with items of the
// same shapes) render the same names and the same errors. A view in which
// each list keeps the first item of each shape gives a check the errors of
// the whole view, in a time that does not grow with the data.
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>

#include <kainjow/mustache.hpp>

namespace doc {

// Whether the view holds every record (documents) or one record of each
// shape (a check of the templates; see above).
enum class ViewScope { Full, Shapes };

// A 64-bit digest of a value's shape: its type, a flag's value, an
// object's keys and their values' shapes (in any order), a list's
// distinct item shapes. Two values of the same shape have the same digest;
// values of different shapes have different digests except by a 64-bit
// collision.
std::uint64_t shape_digest(const kainjow::mustache::data& value);

// Calls `visit` with each member of an object, in no order (kainjow's
// data has no way to list them; view_shapes.cpp says how this does).
void for_each_member(const kainjow::mustache::data& object,
                     const std::function<void(const std::string&, const kainjow::mustache::data&)>& visit);

// Adds items to a list, or in ViewScope::Shapes only those of a shape the
// list does not have yet.
class ListOfShapes {
public:
    explicit ListOfShapes(ViewScope scope) : scope_(scope) {}
    // True when an item of this shape would be kept (always in Full): lets
    // a caller skip making an item that will not be kept.
    bool wants(std::uint64_t digest) const { return scope_ == ViewScope::Full || seen_.count(digest) == 0; }
    // Adds the item (made by the caller) if wanted; returns its shape digest
    // (0 in ViewScope::Full, where no digest is made).
    std::uint64_t add(kainjow::mustache::data& list, kainjow::mustache::data&& item);

private:
    ViewScope scope_;
    std::unordered_set<std::uint64_t> seen_;
};

}  // namespace doc
