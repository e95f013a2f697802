#pragma once
// A fixed number of std::threads taking indexes from a shared counter: the
// items here (datasets, templates, documents) are few and uneven, so
// dynamic handout balances them without a queue. `work` must not throw.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace core {

template <typename Work>
void parallel_for(std::size_t count, unsigned threads, Work&& work) {
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < count;) work(i);
    };
    const std::size_t extra_threads = std::min<std::size_t>(std::max(threads, 1u), count) - (count > 0 ? 1 : 0);
    std::vector<std::thread> pool;
    pool.reserve(extra_threads);
    for (std::size_t t = 0; t < extra_threads; ++t) pool.emplace_back(worker);
    worker();  // the calling thread is one of the `threads`
    for (auto& thread : pool) thread.join();
}

}  // namespace core
