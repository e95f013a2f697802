#include "job/render_resources.hpp"

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <system_error>
#include <vector>

namespace job {

namespace {

// Values loaded once per key and kept for the rest of the process, each by
// whichever comes first: a preload on a thread of its own, or the first
// caller that needs it (the others wait for that one). A load that throws
// is forgotten, so that the next caller loads again.
template <typename T>
class SharedLoads {
public:
    using Loader = std::function<std::unique_ptr<const T>()>;

    void start(const std::string& key, Loader load) {
        const std::lock_guard<std::mutex> lock(mutex_);
        Slot& slot = slots_[key];
        if (slot.future.valid()) return;
        try {
            slot = {std::async(std::launch::async, wrap(std::move(load))).share(), ++generation_, true};
        } catch (const std::system_error&) {
            // No thread to be had (a process at its limit): the first
            // caller reads them instead, as without a preload.
            slots_.erase(key);
        }
    }

    const T& get(const std::string& key, Loader load) {
        Slot taken;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            Slot& slot = slots_[key];
            // Deferred: run by the first get(); other threads' get() waits
            // for it (the shared state runs a deferred function once).
            if (!slot.future.valid())
                slot = {std::async(std::launch::deferred, wrap(std::move(load))).share(), ++generation_, false};
            taken = slot;
        }
        try {
            return *taken.future.get();
        } catch (...) {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (auto it = slots_.find(key); it != slots_.end() && it->second.generation == taken.generation)
                slots_.erase(it);
            throw;
        }
    }

    // Waits for the loads started in the background (a deferred one has
    // either run or never will: waiting on it would run it).
    void wait_for_background() {
        std::vector<std::shared_future<std::shared_ptr<const T>>> running;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            for (const auto& [key, slot] : slots_)
                if (slot.background) running.push_back(slot.future);
        }
        for (const auto& future : running) future.wait();
    }

private:
    struct Slot {
        std::shared_future<std::shared_ptr<const T>> future;
        std::uint64_t generation = 0;
        bool background = false;
    };

    static std::function<std::shared_ptr<const T>()> wrap(Loader load) {
        return [load = std::move(load)] { return std::shared_ptr<const T>(load()); };
    }

    std::mutex mutex_;
    std::map<std::string, Slot> slots_;
    std::uint64_t generation_ = 0;
};

// Never destroyed: what they hold is used until the process ends, possibly
// by threads other than the one that runs the exit handlers (as
// pdf/font_file.cpp keeps its files).
SharedLoads<pdf::FontLibrary>& font_loads() {
    static auto& loads = *new SharedLoads<pdf::FontLibrary>;
    return loads;
}

SharedLoads<layout::Hyphenator>& pattern_loads() {
    static auto& loads = *new SharedLoads<layout::Hyphenator>;
    return loads;
}

std::string key_of(const pdf::FontFiles& fonts) {
    std::string key;
    for (const auto& path : fonts.paths) key += path + '\n';
    return key;
}

SharedLoads<pdf::FontLibrary>::Loader font_loader(const pdf::FontFiles& fonts) {
    return [fonts] { return std::make_unique<const pdf::FontLibrary>(pdf::FontLibrary::load(fonts)); };
}

SharedLoads<layout::Hyphenator>::Loader pattern_loader(const std::string& path) {
    return [path] { return std::make_unique<const layout::Hyphenator>(path); };
}

}  // namespace

void preload_render_resources(const pdf::FontFiles& fonts, const std::string& hyphenation_patterns) {
    font_loads().start(key_of(fonts), font_loader(fonts));
    pattern_loads().start(hyphenation_patterns, pattern_loader(hyphenation_patterns));
}

void finish_preloads() {
    font_loads().wait_for_background();
    pattern_loads().wait_for_background();
}

const pdf::FontLibrary& font_library(const pdf::FontFiles& fonts) {
    return font_loads().get(key_of(fonts), font_loader(fonts));
}

const layout::Hyphenator& hyphenator(const std::string& path) {
    return pattern_loads().get(path, pattern_loader(path));
}

}  // namespace job
