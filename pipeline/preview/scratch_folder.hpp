#pragma once
// The preview's own output folder: a new folder under $TMPDIR (or /tmp),
// removed with everything in it when the preview ends. The preview never
// writes anywhere else, so the nightly build's output and the archive are
// never touched.
#include <string>

namespace preview {

class ScratchFolder {
public:
    // Throws std::runtime_error (for people) when it cannot be made.
    ScratchFolder();
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace preview
