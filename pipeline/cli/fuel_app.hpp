#pragma once

namespace cli {
// Runs the fuel command line; returns the process exit code.
int run_fuel(int argc, char** argv);
}  // namespace cli
