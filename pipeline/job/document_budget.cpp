#include "job/document_budget.hpp"

namespace job {

void DocumentBudget::acquire(std::size_t size) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return admits(units_, in_use_, running_, size); });
    in_use_ += size;
    ++running_;
}

void DocumentBudget::release(std::size_t size) {
    {
        const std::lock_guard lock(mutex_);
        in_use_ -= size;
        --running_;
    }
    changed_.notify_all();
}

}  // namespace job
