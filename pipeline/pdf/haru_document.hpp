#pragma once
// One libharu document with C++ error handling. Internal to the PDF stage.
//
// libharu's error state is sticky: after the first error every later call
// fails as well (docs/libraries.md §1.8). The C callback must not throw through
// libharu's C frames, so it only records the first error; check() turns it
// into a pdf::Error from C++, naming the step that failed.
#include <hpdf.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/page_spill.hpp"
#include "pdf/raw_entries.hpp"

namespace pdf {

class HaruDocument {
public:
    HaruDocument();
    ~HaruDocument();
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;

    HPDF_Doc get() const { return doc_; }

    // Throws pdf::Error if libharu has reported an error so far. Internal
    // object calls (HPDF_Dict_Add, ...) set the error without calling the
    // callback, so the document's own error number is checked as well.
    void check(std::string_view step) const;

    // Entries written as PDF text (raw_entries.hpp); kept until the
    // document is freed, since libharu writes them when it saves.
    RawEntries& raw_entries() { return raw_entries_; }

    // Compressed page content goes to a file in `directory` (page_spill.hpp)
    // until the document is saved; without it, it stays in memory.
    void spill_pages_to(const std::string& directory) { page_spill_ = std::make_unique<PageSpill>(directory); }
    PageSpill* page_spill() { return page_spill_.get(); }

    // Keeps `object` until the document is freed: what libharu's write
    // hooks read when it saves (the structure elements: tagging.cpp).
    template <class T>
    T& keep(std::unique_ptr<T> object) {
        T& kept = *object;
        kept_.push_back(std::shared_ptr<void>(std::move(object)));
        return kept;
    }

private:
    struct FirstError {
        bool set = false;
        HPDF_STATUS code = HPDF_OK;
        HPDF_STATUS detail = 0;
    };
    static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data);

    // Heap-allocated so that its address, given to libharu, never moves.
    std::unique_ptr<FirstError> first_error_;
    RawEntries raw_entries_;                   // outlives doc_, which the destructor frees first
    std::vector<std::shared_ptr<void>> kept_;  // likewise
    std::unique_ptr<PageSpill> page_spill_;    // likewise
    HPDF_Doc doc_ = nullptr;
};

}  // namespace pdf
