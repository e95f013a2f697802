#pragma once
// Where the log goes: Poco's root logger and every logger below it.
#include <string>

#include "nightly/settings.hpp"

namespace nightly {

// What standard error gets: everything (a person is watching, or there is
// no log file and systemd's journal is the log), or only warnings and
// worse (cron mails them; --quiet).
enum class Console { Everything, ProblemsOnly };

// The logger that diagnostics go to. On standard error its messages stand
// as they are, "file:line:column: error: message", the form editors and
// CI log viewers jump from; every other message reads "fuel: message".
inline constexpr const char* kDiagnosticsLogger = "fuel.diagnostics";

// Whether standard error is systemd's journal ($JOURNAL_STREAM names it).
// Then every line written there starts with its priority, "<3>" for an
// error, "<4>" a warning, "<6>" information, so that `journalctl -p` can
// filter them.
bool stderr_is_journal();
// "<N>": the syslog level (sd-daemon.h) of a Poco::Message priority.
std::string journal_prefix(int poco_priority);

// Messages to standard error, as "fuel: message", until the settings are read.
void log_to_console();

// To the log file with rotation (LogSettings) at its level, and to
// standard error as `console` says. Throws std::invalid_argument for a
// rotation Poco does not understand.
void set_up_logging(const LogSettings& log, Console console);

}  // namespace nightly
