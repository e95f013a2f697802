#include "core/memory.hpp"

#if FUEL_MIMALLOC
#include <mimalloc.h>
#else
#include <malloc.h>
#endif

namespace core {

#if FUEL_MIMALLOC

// mi_collect(true) frees the thread's abandoned and empty pages and
// decommits them now rather than after mimalloc's delay.
void release_free_memory() { mi_collect(true); }

std::size_t heap_in_use() {
    std::size_t elapsed = 0, user = 0, system = 0, rss = 0, peak_rss = 0, commit = 0, peak_commit = 0, faults = 0;
    mi_process_info(&elapsed, &user, &system, &rss, &peak_rss, &commit, &peak_commit, &faults);
    return commit;
}

const char* allocator_name() { return "mimalloc"; }

#else

// glibc keeps freed pages in its per-thread arenas unless asked.
void release_free_memory() { malloc_trim(0); }

std::size_t heap_in_use() {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

const char* allocator_name() { return "glibc"; }

#endif

}  // namespace core
