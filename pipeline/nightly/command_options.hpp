#pragma once
// The options `fuel build|check` and `fuel serve` share. Each sets a key of
// the layered configuration (settings.hpp), above the --config file, so a
// command-line value overrides the file's.
#include <Poco/Util/Application.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <string>
#include <string_view>

namespace nightly {

void define_settings_options(Poco::Util::OptionSet& options);

// For Application::handleOption: loads --config FILE (a .properties, .ini
// or .xml file, by its extension) and sets the flags. Throws
// Poco::Util::InvalidArgumentException for a file that cannot be read.
void handle_settings_option(Poco::Util::Application& app, const std::string& name, const std::string& value);

// Whether --config was given: then the status page is written by default.
bool configuration_loaded(const Poco::Util::Application& app);

// The language of the messages (docs/messages.md), chosen once at start
// before anything is said and before any thread exists: --lang sv|en on the
// command line wins, else the environment (core::language_from_environment).
void choose_language(int argc, char** argv);

// After the settings are read: fuel.language, when the command line did not
// name a language. Still before any thread exists.
void apply_language_setting(const Poco::Util::Application& app, const std::string& language);

// A command-line mistake Poco's option parser found, said in the user's
// language: Poco's own texts ("Unknown option specified: x") are English
// and fixed, so the kind of mistake is told by the exception's class and
// only the option's name is taken from its text.
std::string option_error_text(const Poco::Util::OptionException& error);

}  // namespace nightly
