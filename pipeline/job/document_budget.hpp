#pragma once
// How many documents are made at once, by size. Each document holds its
// tree, then its pages and its PDF's objects, until it is written; on two
// threads the two long appendices of a 10 000-application round were made
// side by side, and their peaks added up (docs/memory.md). A document
// starts when the documents in progress and it together stay within the
// budget, counted in doc::content_size units; one alone always may, so a
// build never waits forever and small rounds run as before.
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace job {

class DocumentBudget {
public:
    // 200 000 units: the three documents of a 4 000-application round
    // together (177 000), or a 10 000-application round's second appendix
    // and decision (165 000); not its first appendix (274 000) with
    // anything else. About 170 bytes of working memory a unit, measured on
    // those rounds.
    static constexpr std::size_t kDefaultUnits = 200'000;

    explicit DocumentBudget(std::size_t units = kDefaultUnits) : units_(units) {}

    // Waits until a document of `size` units may start, and counts it.
    void acquire(std::size_t size);
    // The document has finished (written, failed or skipped).
    void release(std::size_t size);

    // Whether a document of `size` may start beside `running` documents of
    // `in_use` units.
    static bool admits(std::size_t units, std::size_t in_use, std::size_t running, std::size_t size) {
        return running == 0 || in_use + size <= units;
    }

private:
    std::size_t units_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::size_t in_use_ = 0;
    std::size_t running_ = 0;
};

// Takes a document's share of the budget for as long as it lives.
class BudgetShare {
public:
    BudgetShare(DocumentBudget& budget, std::size_t size) : budget_(budget), size_(size) { budget_.acquire(size_); }
    ~BudgetShare() { budget_.release(size_); }
    BudgetShare(const BudgetShare&) = delete;
    BudgetShare& operator=(const BudgetShare&) = delete;

private:
    DocumentBudget& budget_;
    std::size_t size_;
};

}  // namespace job
