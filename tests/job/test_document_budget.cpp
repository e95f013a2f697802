// job::DocumentBudget: which documents are made at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "document/content_size.hpp"
#include "job/document_budget.hpp"

TEST_CASE("document budget: one document alone always starts, others only within the budget") {
    using job::DocumentBudget;
    CHECK(DocumentBudget::admits(100, 0, 0, 500));  // alone, however large
    CHECK(DocumentBudget::admits(100, 40, 1, 60));  // fits beside the one in progress
    CHECK_FALSE(DocumentBudget::admits(100, 40, 1, 61));
    CHECK_FALSE(DocumentBudget::admits(100, 500, 1, 1));  // beside one larger than the budget: nothing
}

TEST_CASE("document budget: a document over the budget waits until the one in progress is done") {
    job::DocumentBudget budget(100);
    std::atomic<bool> started{false};
    std::thread second;
    {
        const job::BudgetShare first(budget, 80);
        second = std::thread([&] {
            const job::BudgetShare share(budget, 30);
            started = true;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK_FALSE(started.load());
    }
    second.join();
    CHECK(started.load());
    // Two that fit start side by side: the second does not wait for the
    // first to end (were it to wait, it would start once `a` is released).
    std::future<void> b;
    {
        const job::BudgetShare a(budget, 50);
        b = std::async(std::launch::async, [&] { const job::BudgetShare share(budget, 50); });
        CHECK(b.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    }
    b.get();
}

TEST_CASE("content size counts blocks, table cells and inline runs, in lists too") {
    doc::Blocks blocks;
    blocks.push_back({doc::Paragraph{{doc::Text{"a", {}, ""}, doc::Text{"b", {}, ""}}}});  // 1 + 2
    doc::Table table;
    table.body.push_back(doc::TableRow{{doc::TableCell{{doc::Text{"c", {}, ""}}}, doc::TableCell{}}});  // 1 + 2 + 1
    blocks.push_back({table});
    doc::List list;
    list.items.push_back({{doc::Paragraph{{doc::Text{"d", {}, ""}}}}});  // 1 + 1 + 1
    blocks.push_back({list});
    CHECK(doc::content_size(blocks) == 3 + 4 + 3);
}
