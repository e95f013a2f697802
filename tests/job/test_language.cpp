// The language of fuel's messages (docs/messages.md): Swedish unless --lang
// en or the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) asks for
// English. Each command starts from an environment without those variables.
#include <catch2/catch.hpp>

#include "command.hpp"

namespace {

const std::string kClean = "env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG ";

std::string fuel() { return quote(std::string(FUEL_BINARY_DIR) + "/fuel"); }

// `fuel check` of the invalid round: errors with Swedish and English texts to look for.
CommandResult check_invalid(const std::string& environment, const std::string& options = "") {
    const auto r = run_command(kClean + environment + " " + fuel() + " check " + options + " --data " +
                               quote(std::string(FUEL_SOURCE_DIR) + "/tests/fixtures/invalid-round") + " --templates " +
                               quote(std::string(FUEL_SOURCE_DIR) + "/templates") + " 2>&1");
    INFO(r.output);
    CHECK(r.status == 1);
    return r;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool swedish(const CommandResult& r) {
    return contains(r.output, "/invalid-round/ansokningar.csv:3:1: fel: ") &&
           contains(r.output, "ett avslag behöver en motivering") && contains(r.output, "indata har fel") &&
           !contains(r.output, "a rejection needs a motivation");
}

bool english(const CommandResult& r) {
    return contains(r.output, "/invalid-round/ansokningar.csv:3:1: error: ") &&
           contains(r.output, "a rejection needs a motivation") && contains(r.output, "the input has errors") &&
           !contains(r.output, "ett avslag behöver en motivering");
}

}  // namespace

TEST_CASE("language: fuel speaks Swedish by default, also under the C locales") {
    for (const std::string environment : {"", "LANG=C", "LC_ALL=C.UTF-8", "LANG=sv_SE.UTF-8", "LANGUAGE=sv"}) {
        CAPTURE(environment);
        const auto r = check_invalid(environment);
        INFO(r.output);
        CHECK(swedish(r));
    }
}

TEST_CASE("language: --lang en and an English environment give English") {
    for (const std::string environment : {"LANG=en_US.UTF-8", "LC_ALL=en_GB.UTF-8", "LC_MESSAGES=en", "LANGUAGE=en"}) {
        CAPTURE(environment);
        const auto r = check_invalid(environment);
        INFO(r.output);
        CHECK(english(r));
    }
    // The option wins over the environment, either way.
    const auto en = check_invalid("LANG=sv_SE.UTF-8", "--lang en");
    INFO(en.output);
    CHECK(english(en));
    const auto sv = check_invalid("LANG=en_US.UTF-8", "--lang=sv");
    INFO(sv.output);
    CHECK(swedish(sv));
}

TEST_CASE("language: --help is Swedish by default and English with --lang en") {
    const auto sv = run_command(kClean + fuel() + " --help 2>&1");
    INFO(sv.output);
    CHECK(sv.status == 0);
    CHECK(contains(sv.output, "visa den här hjälpen och avsluta"));
    CHECK(contains(sv.output, "--data"));
    const auto en = run_command(kClean + fuel() + " --help --lang en 2>&1");
    INFO(en.output);
    CHECK(en.status == 0);
    CHECK(contains(en.output, "show this help and exit"));
}

TEST_CASE("language: --lang takes sv or en, else a usage error in the language of the environment") {
    const auto r = run_command(kClean + fuel() + " check --lang de 2>&1");
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(contains(r.output, "--lang tar sv eller en, inte 'de'"));
    const auto en = run_command(kClean + "LANG=en_US.UTF-8 " + fuel() + " check --lang de 2>&1");
    INFO(en.output);
    CHECK(en.status == 2);
    CHECK(contains(en.output, "--lang takes sv or en, not 'de'"));
}

TEST_CASE("language: a mistake on the command line is said in the user's language, not in Poco's English") {
    const auto sv = run_command(kClean + fuel() + " build --bogus --jobs 2>&1");
    INFO(sv.output);
    CHECK(sv.status == 2);
    CHECK(contains(sv.output, "okänt alternativ --bogus; se fuel --help"));
    CHECK_FALSE(contains(sv.output, "Unknown option"));
    const auto missing = run_command(kClean + fuel() + " check --jobs 2>&1");
    INFO(missing.output);
    CHECK(contains(missing.output, "alternativet --jobs behöver ett värde (N)"));
    const auto en = run_command(kClean + fuel() + " --lang en check --jobs 2>&1");
    INFO(en.output);
    CHECK(contains(en.output, "the option --jobs needs a value (N); see fuel --help"));
    // fuel serve parses its options with Poco's ServerApplication, which
    // says a mistake in English unless fuel reads them first.
    for (const auto& [arguments, said] :
         {std::pair{" serve --bogus", "okänt alternativ --bogus; se fuel serve --help"},
          std::pair{" serve --lang en --config", "the option --config needs a value (FILE); see fuel serve --help"}}) {
        const auto serve = run_command(kClean + fuel() + arguments + " 2>&1");
        INFO(serve.output);
        CHECK(serve.status == 2);
        CHECK(contains(serve.output, said));
        CHECK_FALSE(contains(serve.output, "Unknown option"));
    }
}

TEST_CASE("language: the last line's noun agrees with the number of datasets") {
    const auto sv = check_invalid("");
    CHECK(contains(sv.output, "1 av 1 datamängd misslyckades"));
    const auto en = check_invalid("", "--lang en");
    CHECK(contains(en.output, "1 of 1 dataset failed"));
    const auto many =
        run_command(kClean + fuel() + " check --data " + quote(std::string(FUEL_SOURCE_DIR) + "/fixtures") +
                    " --templates " + quote(std::string(FUEL_SOURCE_DIR) + "/templates") + " 2>&1");
    INFO(many.output);
    CHECK(contains(many.output, "0 av 5 datamängder misslyckades"));
}
