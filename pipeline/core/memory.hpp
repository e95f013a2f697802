#pragma once
// The allocator, seen from the pipeline: handing freed memory back to the
// system between large steps, and how much the heap holds (for the benches).
//
// fuel links mimalloc (Debian's libmimalloc-dev) as its malloc, unless built
// with the sanitizers, which bring their own (docs/memory.md says why).
#include <cstddef>

namespace core {

// Returns the free memory the allocator keeps to the system: after a large
// document, so that the next one does not build on its high-water mark.
void release_free_memory();

// The heap in use, in bytes: glibc's malloc reports what it has handed out
// and not had back (mallinfo2); mimalloc what it keeps committed, which
// after release_free_memory is that and the rest of the pages holding it.
std::size_t heap_in_use();

// "mimalloc" or "glibc", for the benches' reports.
const char* allocator_name();

}  // namespace core
