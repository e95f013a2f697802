#pragma once
// A doc::Chart as an inline SVG image (chart_svg.cpp).
#include <string>

#include "document/node.hpp"

namespace html {

// Empty for a chart without data.
std::string chart_svg(const doc::Chart& chart);

}  // namespace html
