// core::tr and its placeholders; the Swedish catalogue the build compiles
// (build/locale), read through GNU gettext.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/messages.hpp"

namespace {

std::string fill(std::string_view text, std::initializer_list<std::string_view> values) {
    return core::fill_placeholders(text, values.begin(), values.size());
}

// Sets or clears the locale variables for one check, and puts back what was there.
class Environment {
public:
    Environment(std::initializer_list<std::pair<const char*, const char*>> values) {
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            const char* old = std::getenv(name);
            saved_.push_back({name, old ? std::optional<std::string>(old) : std::nullopt});
            unsetenv(name);
        }
        for (const auto& [name, value] : values) setenv(name, value, 1);
    }
    ~Environment() {
        for (const auto& [name, value] : saved_) value ? setenv(name, value->c_str(), 1) : unsetenv(name);
    }

private:
    std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

}  // namespace

TEST_CASE("messages: placeholders are filled by number, in the order the text puts them") {
    CHECK(fill("{1} before {2}", {"a", "b"}) == "a before b");
    // A translation may reorder them, and use one twice.
    CHECK(fill("{2} före {1}", {"a", "b"}) == "b före a");
    CHECK(fill("{1}, {1} and {2}", {"x", "y"}) == "x, x and y");
    // Values are put in as they are: a value holding "{2}" is not filled again.
    CHECK(fill("{1} and {2}", {"{2}", "b"}) == "{2} and b");
    // Beyond ten values, and placeholders with no value or not numbered, stay as written.
    CHECK(fill("{10}:{1}", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "ten"}) == "ten:1");
    CHECK(fill("{3} {0} {} {x} {1", {"a", "b"}) == "{3} {0} {} {x} {1");
    CHECK(fill("", {}) == "");
}

TEST_CASE("messages: without a chosen language, tr gives the English text") {
    REQUIRE(core::language() == core::Language::English);
    CHECK(core::tr("the file is empty (0 bytes)") == "the file is empty (0 bytes)");
    CHECK(core::tr("{1}: the field {2} is empty", "ansökan 7", "titel") == "ansökan 7: the field titel is empty");
    CHECK(core::trn("{1} warning", "{1} warnings", 1, "1") == "1 warning");
    CHECK(core::trn("{1} warning", "{1} warnings", 2, "2") == "2 warnings");
}

TEST_CASE("messages: the environment asks for English only by naming it") {
    using core::Language;
    {
        Environment e({});
        CHECK(core::language_from_environment() == Language::Swedish);
    }
    {
        Environment e({{"LANG", "C"}});
        CHECK(core::language_from_environment() == Language::Swedish);
    }
    {
        Environment e({{"LC_ALL", "C.UTF-8"}});
        CHECK(core::language_from_environment() == Language::Swedish);
    }
    {
        Environment e({{"LANG", "en_US.UTF-8"}});
        CHECK(core::language_from_environment() == Language::English);
    }
    {
        Environment e({{"LANG", "en_GB.UTF-8"}, {"LC_MESSAGES", "sv_SE.UTF-8"}});
        CHECK(core::language_from_environment() == Language::Swedish);
    }
    {
        Environment e({{"LC_ALL", "en"}, {"LANG", "sv_SE.UTF-8"}});
        CHECK(core::language_from_environment() == Language::English);
    }
    {
        Environment e({{"LANGUAGE", "en:sv"}, {"LANG", "sv_SE.UTF-8"}});
        CHECK(core::language_from_environment() == Language::English);
    }
    {
        // "eng" or "enUS" are not English locale names.
        Environment e({{"LANG", "eng"}});
        CHECK(core::language_from_environment() == Language::Swedish);
    }
    CHECK(core::parse_language("sv") == Language::Swedish);
    CHECK(core::parse_language("en") == Language::English);
    CHECK_FALSE(core::parse_language("de"));
    CHECK_FALSE(core::parse_language(""));
}

TEST_CASE("messages: in Swedish, tr reads po/sv.po through gettext, also under the C locale") {
    Environment e({{"LC_ALL", "C"}});
    core::set_language(core::Language::Swedish, FUEL_BINARY_DIR "/locale");
    CHECK(core::tr("the file is empty (0 bytes)") == "filen är tom (0 byte)");
    CHECK(core::tr("{1}: the field {2} is empty", "ansökan 7", "titel") == "ansökan 7: fältet titel är tomt");
    CHECK(core::trn("{1} warning", "{1} warnings", 1, "1") == "1 varning");
    CHECK(core::trn("{1} warning", "{1} warnings", 3, "3") == "3 varningar");
    // A text the catalogue does not have stays English rather than empty.
    CHECK(core::tr("no such message {1}", "x") == "no such message x");
    // The severity of a diagnostic is a Swedish word too.
    core::Diagnostics d;
    d.error({"a.csv", 3, 1}, core::tr("the file is empty (0 bytes)"));
    CHECK(core::to_string(d.items()[0]) == "a.csv:3:1: fel: filen är tom (0 byte)");
    // Numbers in a message take the language's decimal mark.
    CHECK(core::decimal(1.004, 2) == "1,00");
    core::set_language(core::Language::English);
    CHECK(core::tr("the file is empty (0 bytes)") == "the file is empty (0 bytes)");
    CHECK(core::decimal(12.345, 1) == "12.3");
}
