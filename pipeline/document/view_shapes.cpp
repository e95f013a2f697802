#include "document/view_shapes.hpp"

#include <functional>

#include "document/shared_item.hpp"

namespace doc {

using kainjow::mustache::data;

namespace {

// SplitMix64's finaliser (Steele, Lea, Flood: "Fast splittable
// pseudorandom number generators", 2014): mixes every input bit into every
// output bit, so that sums of mixed values below stay collision-resistant.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// kainjow's data gives no way to visit an object's members (only get() by
// name), and a shape is its members. An explicit instantiation may name a
// private member ([temp.explicit]/12: access is not checked there), which
// hands out a pointer to data::obj_ through a friend; read only, here only.
using Object = kainjow::mustache::basic_object<std::string>;
struct ObjectMember {
    using type = std::unique_ptr<Object> data::*;
    friend type member(ObjectMember);
};
template <typename Tag, typename Tag::type Member>
struct Expose {
    friend typename Tag::type member(Tag) { return Member; }
};
template struct Expose<ObjectMember, &data::obj_>;

const Object& members(const data& object) { return *(object.*member(ObjectMember{})); }

enum Kind : std::uint64_t { kString = 1, kTrue, kFalse, kObject, kList, kOther };

}  // namespace

std::uint64_t shape_digest(const data& value) {
    if (value.is_string()) return mix(kString);
    if (value.is_true()) return mix(kTrue);
    if (value.is_false()) return mix(kFalse);
    if (value.is_object()) {
        // The keys are in no order (an unordered_map): a sum of each key's
        // mixed digest with its value's is the same in every order.
        std::uint64_t sum = mix(kObject);
        for (const auto& [key, member] : members(value))
            sum += mix(std::hash<std::string>{}(key) ^ (shape_digest(member) * 31));
        return mix(sum);
    }
    if (value.is_list()) {
        // The distinct item shapes, in any order and number: a list of one
        // item of each shape renders the names a longer one does.
        std::unordered_set<std::uint64_t> items;
        for (const auto& item : value.list_value()) items.insert(shape_digest(resolved(item)));
        std::uint64_t sum = mix(kList) + mix(items.size() == 0 ? 0 : 1);
        for (const auto digest : items) sum += mix(digest);
        return mix(sum);
    }
    return mix(kOther);  // lambdas and partials: the view model makes none
}

void for_each_member(const data& object, const std::function<void(const std::string&, const data&)>& visit) {
    if (!object.is_object()) return;
    for (const auto& [key, member] : members(object)) visit(key, member);
}

std::uint64_t ListOfShapes::add(data& list, data&& item) {
    std::uint64_t digest = 0;
    if (scope_ == ViewScope::Shapes) {
        digest = shape_digest(item);
        if (!seen_.insert(digest).second) return digest;
    }
    // list_value() of a non-const list: writing through it is well defined.
    const_cast<kainjow::mustache::list&>(list.list_value()).push_back(std::move(item));
    return digest;
}

}  // namespace doc
