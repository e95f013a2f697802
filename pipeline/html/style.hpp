#pragma once

namespace html {

// The embedded style sheet (style.cpp).
extern const char* const kStyleSheet;

}  // namespace html
