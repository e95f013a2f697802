#pragma once
// Runs a shell command for the end-to-end tests and captures its output and
// exit status.
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include "support/scratch.hpp"

struct CommandResult {
    int status = -1;
    std::string output;  // stdout, and stderr when the command redirects it
};

inline CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int raw = pclose(pipe);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return result;
}

using test_support::scratch_dir;

// pdftotext writes U+00A0 as it is; the tests search for text with plain
// spaces, so fold NBSP (and narrow NBSP) to a space.
inline std::string fold_nbsp(std::string text) {
    for (const std::string nbsp : {"\u00A0", "\u202F"})
        for (std::size_t at; (at = text.find(nbsp)) != std::string::npos;) text.replace(at, nbsp.size(), " ");
    return text;
}

inline std::string quote(const std::string& path) { return "'" + path + "'"; }
