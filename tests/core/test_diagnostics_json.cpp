// Diagnostics as JSON (RFC 8259): escaping, ill-formed input, the layout of
// the report.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/diagnostics_json.hpp"

TEST_CASE("json: quotes, backslashes and control characters are escaped") {
    CHECK(core::json_string("") == "\"\"");
    CHECK(core::json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(core::json_string("rad 1\nrad 2\r\tx\b\f") == "\"rad 1\\nrad 2\\r\\tx\\b\\f\"");
    CHECK(core::json_string(std::string("nul\0", 4)) == "\"nul\\u0000\"");
    CHECK(core::json_string("\x01\x1F") == "\"\\u0001\\u001F\"");
    // '/' and DEL need no escape (RFC 8259 §7: only '"', '\' and U+0000-U+001F).
    CHECK(core::json_string("a/b\x7F") == "\"a/b\x7F\"");
}

TEST_CASE("json: well-formed UTF-8 is written as it is") {
    CHECK(core::json_string("Hägersten-Älvsjö") == "\"Hägersten-Älvsjö\"");
    CHECK(core::json_string("東京 🎉 \u2028") == "\"東京 🎉 \u2028\"");
}

TEST_CASE("json: bytes that are not UTF-8 become U+FFFD, one per byte") {
    CHECK(core::json_string("a\xC3") == "\"a\xEF\xBF\xBD\"");                                // truncated sequence
    CHECK(core::json_string("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");                  // overlong '/'
    CHECK(core::json_string("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
    CHECK(core::json_string("\xF4\x90\x80\x80").size() == 2 + 4 * 3);                        // above U+10FFFF
    CHECK(core::json_string("\xF6rvaltning") == "\"\xEF\xBF\xBDrvaltning\"");                // Windows-1252 ö
}

TEST_CASE("json: a diagnostic has its position, severity, message and text line") {
    const core::Diagnostic d{core::Severity::Error, {"ansökningar.csv", 3, 12}, "the decision \"bifall\" is unknown"};
    CHECK(core::to_json(d) ==
          "{\"file\": \"ansökningar.csv\", \"line\": 3, \"column\": 12, \"severity\": \"error\", "
          "\"message\": \"the decision \\\"bifall\\\" is unknown\", "
          "\"text\": \"ansökningar.csv:3:12: error: the decision \\\"bifall\\\" is unknown\"}");
}

TEST_CASE("json: an unknown line or column is null") {
    const core::Diagnostic d{core::Severity::Warning, {"round.xml", 0, 0}, "w"};
    CHECK(core::to_json(d) ==
          "{\"file\": \"round.xml\", \"line\": null, \"column\": null, \"severity\": \"warning\", "
          "\"message\": \"w\", \"text\": \"round.xml: warning: w\"}");
}

TEST_CASE("json: the report counts each severity and sorts by file and line, one diagnostic a line") {
    core::Diagnostics diagnostics;
    diagnostics.error({"b.csv", 2, 1}, "b2");
    diagnostics.note({"a.csv", 9, 0}, "a9");
    diagnostics.warning({"a.csv", 1, 4}, "a1");
    diagnostics.error({"a.csv", 1, 4}, "a1 again");
    const std::string json = core::to_json(diagnostics);
    CHECK(json.rfind("{\"errors\": 2, \"warnings\": 1, \"notes\": 1, \"diagnostics\": [\n  {", 0) == 0);
    const auto a1 = json.find("\"a1\""), again = json.find("\"a1 again\""), a9 = json.find("\"a9\""),
               b2 = json.find("\"b2\"");
    CHECK(a1 < again);
    CHECK(again < a9);
    CHECK(a9 < b2);
    CHECK(b2 != std::string::npos);
    CHECK(std::count(json.begin(), json.end(), '\n') == 5);
    CHECK(json.substr(json.size() - 4) == "}\n]}");
}

TEST_CASE("json: no diagnostics is an empty list") {
    CHECK(core::to_json(core::Diagnostics{}) == "{\"errors\": 0, \"warnings\": 0, \"notes\": 0, \"diagnostics\": []}");
}
