#include "document/shared_item.hpp"

#include <string>

namespace doc {

using kainjow::mustache::data;

namespace {

// The partial's callable. Called only if a template names the item as a
// partial ({{>…}}), which no list item can be: it then renders nothing.
struct SharedValue {
    std::shared_ptr<const data> value;
    std::string operator()() const { return {}; }
};

}  // namespace

data shared_item(std::shared_ptr<const data> value) {
    return data(kainjow::mustache::partial(SharedValue{std::move(value)}));
}

const data& resolved(const data& item) {
    if (!item.is_partial()) return item;
    const auto* shared = item.partial_value().target<SharedValue>();
    return shared != nullptr && shared->value ? *shared->value : item;
}

}  // namespace doc
