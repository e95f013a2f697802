#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "core/checked.hpp"
#include "core/diagnostics.hpp"
#include "core/xml_text.hpp"

TEST_CASE("core: visible() escapes what could act on a terminal, and only that") {
    CHECK(core::visible("Söder – Årsta\tA") == "Söder – Årsta\tA");
    CHECK(core::visible("a\x1B[2Jb") == "a\\x1B[2Jb");
    CHECK(core::visible("a\nb") == "a\\x0Ab");
    CHECK(core::visible("a\nb", true) == "a\nb");
    CHECK(core::visible("a\x7F\xC2\x9B"
                        "b") == "a\\x7F\\u009Bb");
    CHECK(core::visible("a\xE2\x80\xAE"
                        "b") == "a\\u202Eb");
    CHECK(core::visible("a\xFF"
                        "b") == "a\\xFFb");
    // Idempotent: the escapes are printable ASCII.
    CHECK(core::visible(core::visible("a\x1B"
                                      "b")) == core::visible("a\x1B"
                                                             "b"));
}

TEST_CASE("core: a diagnostic's text never holds a raw control character") {
    const core::Diagnostic d{core::Severity::Error, {"a\x1B.csv", 2, 3}, "title \"\x1B]0;owned\x07\""};
    const auto text = core::to_string(d);
    CHECK(text.find('\x1B') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text == "a\\x1B.csv:2:3: error: title \"\\x1B]0;owned\\x07\"");
}

TEST_CASE("core: xml_chars() keeps XML 1.0 characters only") {
    CHECK(core::xml_chars("Söder\t\n\r") == "Söder\t\n\r");
    CHECK(core::xml_chars("a\x01\x1B\x7F\xC2\x85"
                          "b") == "ab");
    CHECK(core::xml_chars("a\xEF\xBF\xBE\xEF\xBF\xBF"
                          "b") == "ab");
    CHECK(core::xml_chars("a\xFF"
                          "b") ==
          "a\xEF\xBF\xBD"
          "b");
}

TEST_CASE("core: sums that would overflow are refused, not wrapped") {
    std::int64_t total = std::numeric_limits<std::int64_t>::max() - 1;
    CHECK(core::add_checked(total, std::int64_t{1}));
    CHECK(total == std::numeric_limits<std::int64_t>::max());
    CHECK_FALSE(core::add_checked(total, std::int64_t{1}));
    CHECK(total == std::numeric_limits<std::int64_t>::max());
    CHECK_THROWS_AS(core::add_or_throw(total, 1, "amounts"), std::overflow_error);
    std::int64_t low = std::numeric_limits<std::int64_t>::min();
    CHECK_THROWS_AS(core::add_or_throw(low, -1, "counts"), std::overflow_error);
}
