#include "layout/hyphenation.hpp"
#include "core/messages.hpp"

#include <hyphen.h>
#include <unicode/uchar.h>

#include <cstdlib>
#include <stdexcept>

namespace layout {

namespace {

// Two letters at least on each side of a hyphen (docs/libraries.md §2, and
// babel's Swedish \lefthyphenmin/\righthyphenmin): a single letter alone at
// a line end reads badly. hyph_sv_SE.dic itself says LEFTHYPHENMIN 1, which
// would allow "a-vtal". The same minimum holds at the joints of compounds.
constexpr int kLeftMin = 2;
constexpr int kRightMin = 2;
// Longer "words" are codes, URLs or runs of letters, not Swedish words; the
// patterns have nothing to say about them.
constexpr std::size_t kLongestWord = 64;

}  // namespace

struct Hyphenator::Dictionary {
    HyphenDict* dict = nullptr;
    ~Dictionary() {
        if (dict) hnj_hyphen_free(dict);
    }
};

Hyphenator::Hyphenator(const std::string& patterns_path)
    : path_(patterns_path), dictionary_(std::make_unique<Dictionary>()) {
    dictionary_->dict = hnj_hyphen_load(patterns_path.c_str());
    if (!dictionary_->dict)
        throw std::runtime_error(
            core::tr("cannot read the hyphenation patterns '{1}' (Debian package hyphen-sv)", patterns_path));
}

Hyphenator::~Hyphenator() = default;

// docs/libraries.md §2: hyph_sv_SE.dic is ISO 8859-1 and its patterns are
// lower case, so each letter is lowered (ICU's simple case mapping: one code
// point to one, so the points map back letter for letter) and written as
// one Latin-1 byte.
void Hyphenator::points(std::u32string_view word, std::vector<bool>& out) const {
    out.assign(word.size(), false);
    if (word.size() < static_cast<std::size_t>(kLeftMin + kRightMin) || word.size() > kLongestWord) return;
    std::string latin1;
    latin1.reserve(word.size());
    for (const char32_t c : word) {
        const UChar32 lower = u_tolower(static_cast<UChar32>(c));
        if (lower > 0xFF || !u_isalpha(lower)) return;
        latin1 += static_cast<char>(lower);
    }
    const int n = static_cast<int>(latin1.size());
    std::vector<char> hyphens(latin1.size() + 5, 0);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate3(dictionary_->dict, latin1.c_str(), n, hyphens.data(), nullptr, &rep, &pos, &cut, kLeftMin,
                          kRightMin, kLeftMin, kRightMin);
    for (int k = 0; k + 1 < n; ++k) {
        // An odd value: a hyphen may follow letter k. A point with a
        // replacement (non-standard hyphenation, which changes the letters)
        // is not used: layout only ever adds a hyphen.
        const bool replaced = rep && rep[k];
        if ((hyphens[static_cast<std::size_t>(k)] & 1) && !replaced) out[static_cast<std::size_t>(k) + 1] = true;
    }
    if (rep) {
        for (int k = 0; k < n; ++k) std::free(rep[k]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
}

}  // namespace layout
