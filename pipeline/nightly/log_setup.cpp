#include "nightly/log_setup.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FileChannel.h>
#include <Poco/Formatter.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Message.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/SplitterChannel.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "core/diagnostics.hpp"
#include "core/messages.hpp"

namespace nightly {

namespace {

using Poco::AutoPtr;

// Passes on warnings and worse only. Poco 1.11 filters by level per
// logger, not per channel, and the file must still get everything.
class ProblemsOnly final : public Poco::Channel {
public:
    explicit ProblemsOnly(AutoPtr<Poco::Channel> next) : next_(std::move(next)) {}
    void log(const Poco::Message& message) override {
        if (message.getPriority() <= Poco::Message::PRIO_WARNING) next_->log(message);
    }

private:
    AutoPtr<Poco::Channel> next_;
};

// "fuel: " before everything but a diagnostic, which starts with its place.
// To the journal, each line starts with its syslog priority as well.
class ConsoleFormatter final : public Poco::Formatter {
public:
    explicit ConsoleFormatter(bool journal) : journal_(journal) {}
    void format(const Poco::Message& message, std::string& text) override {
        const std::string prefix = journal_ ? journal_prefix(message.getPriority()) : "";
        text = prefix;
        if (message.getSource() != kDiagnosticsLogger) text += "fuel: ";
        // Messages quote data (names, titles, paths): an escape sequence in
        // them must not reach the terminal (core::visible).
        const auto shown = core::visible(message.getText(), true);
        // journald reads the prefix of every line (sd-daemon(3)); a line
        // without one would get the unit's default priority.
        for (const char c : shown) text += c == '\n' && !prefix.empty() ? "\n" + prefix : std::string(1, c);
    }

private:
    bool journal_;
};

// The log file's pattern, with the message made visible on one line: data
// quoted in a message can neither act on a terminal that shows the log nor
// forge a log line of its own.
class VisiblePatternFormatter final : public Poco::PatternFormatter {
public:
    using Poco::PatternFormatter::PatternFormatter;
    void format(const Poco::Message& message, std::string& text) override {
        Poco::Message shown(message);
        shown.setText(core::visible(message.getText()));
        Poco::PatternFormatter::format(shown, text);
    }
};

AutoPtr<Poco::Channel> console_channel() {
    AutoPtr<Poco::Formatter> formatter(new ConsoleFormatter(stderr_is_journal()));
    AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel(std::cerr));
    return new Poco::FormattingChannel(formatter, console);
}

AutoPtr<Poco::Channel> file_channel(const LogSettings& log) {
    std::filesystem::create_directories(
        std::filesystem::path(log.file).parent_path().empty() ? "." : std::filesystem::path(log.file).parent_path());
    AutoPtr<Poco::FileChannel> file(new Poco::FileChannel(log.file));
    try {
        file->setProperty(Poco::FileChannel::PROP_ROTATION, log.rotation);
        file->setProperty(Poco::FileChannel::PROP_ARCHIVE, log.archive);
        file->setProperty(Poco::FileChannel::PROP_PURGECOUNT, std::to_string(log.keep));
        file->setProperty(Poco::FileChannel::PROP_TIMES, "local");
    } catch (const Poco::Exception& e) {
        throw std::invalid_argument(core::tr("fuel.log.rotation '{1}': {2}", log.rotation, e.displayText()));
    }
    // Local time with its offset, so that a line logged in the repeated
    // hour of a DST change is unambiguous.
    AutoPtr<Poco::PatternFormatter> formatter(new VisiblePatternFormatter("%Y-%m-%d %H:%M:%S%z [%P] %p: %t"));
    formatter->setProperty(Poco::PatternFormatter::PROP_TIMES, "local");
    return new Poco::FormattingChannel(formatter, file);
}

void route_everything_to(const AutoPtr<Poco::Channel>& channel, int level) {
    // "" is the root: setChannel/setLevel apply to every logger already
    // made (the application's among them) and to those made later.
    Poco::Logger::setChannel("", channel);
    Poco::Logger::setLevel("", level);
}

}  // namespace

// sd-daemon(3) and systemd.exec(5), $JOURNAL_STREAM: systemd sets it to the
// device and inode ("dev:ino", decimal) of the stream it connects standard
// output and error to. Only when standard error is still that stream (not
// redirected by a shell in between) is it the journal.
bool stderr_is_journal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (!stream) return false;
    unsigned long long device = 0, inode = 0;
    char end = 0;
    if (std::sscanf(stream, "%llu:%llu%c", &device, &inode, &end) != 2) return false;
    struct stat status {};
    if (::fstat(STDERR_FILENO, &status) != 0) return false;
    return static_cast<unsigned long long>(status.st_dev) == device &&
           static_cast<unsigned long long>(status.st_ino) == inode;
}

// Poco's priorities (Poco::Message::Priority, fatal 1 .. trace 8) as the
// syslog levels of sd-daemon.h (emerg 0 .. debug 7): the same order, with
// Poco's fatal and critical both "crit" (nothing fuel logs stops the machine).
std::string journal_prefix(int poco_priority) {
    int level = 6;
    switch (poco_priority) {
        case Poco::Message::PRIO_FATAL:
        case Poco::Message::PRIO_CRITICAL: level = 2; break;
        case Poco::Message::PRIO_ERROR: level = 3; break;
        case Poco::Message::PRIO_WARNING: level = 4; break;
        case Poco::Message::PRIO_NOTICE: level = 5; break;
        case Poco::Message::PRIO_INFORMATION: level = 6; break;
        default: level = 7;
    }
    return "<" + std::to_string(level) + ">";
}

void log_to_console() { route_everything_to(console_channel(), Poco::Message::PRIO_INFORMATION); }

void set_up_logging(const LogSettings& log, Console console) {
    const int level = Poco::Logger::parseLevel(log.level);
    AutoPtr<Poco::Channel> to_console = console_channel();
    if (console == Console::ProblemsOnly) to_console = new ProblemsOnly(to_console);
    if (log.file.empty()) return route_everything_to(to_console, level);
    AutoPtr<Poco::SplitterChannel> splitter(new Poco::SplitterChannel);
    splitter->addChannel(file_channel(log));
    splitter->addChannel(to_console);
    route_everything_to(splitter, level);
}

}  // namespace nightly
