#pragma once
#include <string>

namespace preview {

// `fuel preview --data DATASET [--templates DIR] [--port N] [--address ADDR]`:
// argv as main received it (argv[1] is "preview"). Serves until SIGINT or
// SIGTERM; returns 0 then, 2 for a usage error or when it cannot start
// (the port taken, the folders missing).
int run_preview(int argc, char** argv, const std::string& version);

}  // namespace preview
