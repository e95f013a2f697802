#pragma once
// A value the view holds once and lists in several places. An application's
// view is in its fund's `applications` list and again in `granted`,
// `granted_in_full` or `partly_granted`, or `rejected`; kainjow's data holds
// its values, so each list held a deep copy, and those copies were most of
// a large round's view (docs/memory.md). A shared item is a list item of
// kainjow's partial type whose callable holds the value;
// std::function::target gives the callable, and with it the value, back.
// The renderer's context follows a shared item when a section pushes it
// (template.cpp), and every walker of the view reads list items through
// resolved(), so a template sees the value itself.
#include <memory>

#include <kainjow/mustache.hpp>

namespace doc {

// A list item standing for `value`, which it keeps alive.
kainjow::mustache::data shared_item(std::shared_ptr<const kainjow::mustache::data> value);

// The value a shared item stands for; any other data is itself.
const kainjow::mustache::data& resolved(const kainjow::mustache::data& item);

}  // namespace doc
