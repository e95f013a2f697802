#pragma once
// Dictionary entries serialised by us instead of by libharu's object model.
// Internal to the PDF stage.
//
// libharu builds every value as a heap object of its own: a dictionary
// entry keeps a 128-byte key buffer, a name a 128-byte value buffer, and a
// reference to an indirect object a proxy. A long document's structure tree
// (tens of thousands of /StructElem, each with a parent, a page and kids)
// spent a quarter of the PDF stage allocating, writing and freeing those.
// libharu's HPDF_Dict has a write hook (write_fn, called between the
// dictionary's own entries and its closing ">>", as its TrueType fonts use
// for /Widths): a dictionary may carry its entries as ready PDF text. The
// text of all such dictionaries lives in one buffer owned here, which must
// outlive the save (HaruDocument owns one). The structure elements use the
// same hook but format their entries only when saved (tagging.cpp).
#include <hpdf.h>

#include <cstddef>
#include <deque>
#include <string>

namespace pdf {

class RawEntries {
public:
    // The buffer to append PDF text to; entries appended since `begin`
    // (text().size() before appending) are given to a dictionary by attach.
    std::string& text() { return text_; }

    // `dict` writes text()[begin, end) as its last entries. Each entry must
    // be "/Key value\n" (ISO 32000-1 §7.3.7). A dictionary takes one range.
    void attach(HPDF_Dict dict, std::size_t begin, std::size_t end);

private:
    struct Range {
        const std::string* text;
        std::size_t begin, end;
    };
    static HPDF_STATUS write(HPDF_Dict dict, HPDF_Stream stream);
    std::string text_;
    std::deque<Range> ranges_;  // a deque: a range's address, given to libharu, never moves
};

// Appends "N G R", the reference to indirect object `object` (a page, an
// annotation, a dictionary added to the cross-reference table).
void append_reference(std::string& text, const void* object);
void append_number(std::string& text, long long value);

}  // namespace pdf
