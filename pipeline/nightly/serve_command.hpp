#pragma once
#include <string>

namespace nightly {

// `fuel serve [options]`: argv as main received it (argv[1] is "serve").
// Returns the exit status: 0 after a clean stop, 2 for a usage or
// configuration error.
int run_serve(int argc, char** argv, const std::string& version);

}  // namespace nightly
