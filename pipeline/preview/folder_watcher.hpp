#pragma once
// Watches folders (and the folders in them) for saved files, with Linux's
// inotify(7) directly: Poco's DirectoryWatcher watches one folder, not a
// tree, and reports through its own thread and events, where one blocking
// poll(2) on one descriptor is all this needs. A save is a file closed
// after writing or one renamed into place (how most editors save), a file
// removed, or a folder made (then watched too).
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace preview {

class FolderWatcher {
public:
    // `changed` is called on the watcher's thread once per burst of events:
    // after the first, events that follow within `settle_ms` are taken
    // together (an editor's save is several).
    // `suffix`, when not empty, is the only kind of file in `folders[i]`
    // (and the folders in it) that counts: ".md" for the templates, whose
    // builds read nothing else.
    struct Folder {
        std::string path;
        std::string suffix;
    };
    FolderWatcher(std::vector<Folder> folders, std::function<void()> changed, int settle_ms = 10);
    ~FolderWatcher();
    FolderWatcher(const FolderWatcher&) = delete;
    FolderWatcher& operator=(const FolderWatcher&) = delete;

    // Throws std::runtime_error when inotify cannot be set up.
    void start();
    void stop();

private:
    void add_tree(const std::string& folder, const std::string& suffix);
    void loop();
    bool read_events();  // true when some event counts as a change

    std::vector<Folder> folders_;
    std::function<void()> changed_;
    int settle_ms_;
    int inotify_ = -1;
    int wake_[2] = {-1, -1};                       // a pipe: stop() writes to end the loop
    std::vector<std::pair<int, Folder>> watches_;  // inotify's watch descriptor, the folder
    std::thread thread_;
};

}  // namespace preview
