#include "preview/folder_watcher.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "core/messages.hpp"

namespace preview {

namespace {

constexpr std::uint32_t kSaveEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF;

// Editors' own files (vim's .name.swp, emacs' .#name and name~, and the
// temporary name many editors write before renaming) are not saves.
bool editor_file(const char* name) {
    const std::size_t n = std::strlen(name);
    return n == 0 || name[0] == '.' || name[n - 1] == '~' || name[0] == '#' ||
           (n > 4 && std::strcmp(name + n - 4, ".swp") == 0);
}

}  // namespace

FolderWatcher::FolderWatcher(std::vector<Folder> folders, std::function<void()> changed, int settle_ms)
    : folders_(std::move(folders)), changed_(std::move(changed)), settle_ms_(settle_ms) {}

FolderWatcher::~FolderWatcher() { stop(); }

void FolderWatcher::add_tree(const std::string& folder, const std::string& suffix) {
    const int wd = inotify_add_watch(inotify_, folder.c_str(), kSaveEvents | IN_ONLYDIR);
    if (wd < 0) {
        if (errno == ENOSPC)
            throw std::runtime_error(
                core::tr("cannot watch {1}: the system's limit of inotify watches is reached "
                         "(fs.inotify.max_user_watches)",
                         folder));
        return;  // gone or unreadable meanwhile: the build will say so
    }
    watches_.push_back({wd, {folder, suffix}});
    std::error_code error;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] != '.' && it->is_directory(error) && !it->is_symlink(error))
            add_tree(it->path().string(), suffix);
    }
}

void FolderWatcher::start() {
    inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ < 0 || pipe2(wake_, O_CLOEXEC) != 0)
        throw std::runtime_error(core::tr("cannot watch the dataset's files: {1}", std::strerror(errno)));
    for (const auto& folder : folders_) add_tree(folder.path, folder.suffix);
    thread_ = std::thread([this] { loop(); });
}

void FolderWatcher::stop() {
    if (thread_.joinable()) {
        const char byte = 0;
        [[maybe_unused]] const auto written = write(wake_[1], &byte, 1);
        thread_.join();
    }
    for (int* fd : {&inotify_, &wake_[0], &wake_[1]})
        if (*fd >= 0) close(*fd), *fd = -1;
}

bool FolderWatcher::read_events() {
    alignas(inotify_event) char buffer[16384];
    bool change = false;
    for (;;) {
        const ssize_t n = read(inotify_, buffer, sizeof buffer);
        if (n <= 0) return change;  // EAGAIN: all read
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                change = true;  // events were lost: build, to be sure
                continue;
            }
            const char* name = event->len > 0 ? event->name : "";
            if (event->len > 0 && editor_file(name)) continue;
            std::optional<Folder> folder;  // a copy: add_tree adds to watches_
            for (const auto& [wd, watched] : watches_)
                if (wd == event->wd) folder = watched;
            if (!folder) continue;
            if (event->mask & IN_ISDIR) {
                if (event->mask & (IN_CREATE | IN_MOVED_TO)) add_tree(folder->path + "/" + name, folder->suffix);
            } else if (event->len > 0 && !folder->suffix.empty()) {
                const std::size_t n = std::strlen(name), m = folder->suffix.size();
                if (n < m || folder->suffix.compare(0, m, name + n - m) != 0) continue;
            }
            change = true;
        }
    }
}

void FolderWatcher::loop() {
    pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    for (;;) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents) return;
        bool change = read_events();
        // The rest of the burst: until no event for settle_ms.
        while (change && poll(fds, 2, settle_ms_) > 0) {
            if (fds[1].revents) return;
            read_events();
        }
        if (change) changed_();
    }
}

}  // namespace preview
