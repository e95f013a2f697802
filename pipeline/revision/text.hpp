#pragma once
// Text helpers of the revision stage: the sequence diff, Swedish sentences,
// words and figures. Public so that they are tested on their own.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace revision {

// ---- The diff --------------------------------------------------------------

enum class EditOp { Keep, Remove, Add };

// One step of an edit script: `before` indexes the first sequence (Keep,
// Remove), `after` the second (Keep, Add).
struct Edit {
    EditOp op;
    std::size_t before;
    std::size_t after;
};

// The shortest edit script from `a` to `b` by a longest common subsequence,
// computed by the textbook dynamic programme (Wagner and Fischer, "The
// string-to-string correction problem", JACM 21(1), 1974; the same LCS that
// Myers' O(ND) algorithm, Algorithmica 1(2), 1986, finds faster). Written
// here because it is twenty lines: a section holds tens to a few hundred
// units and a sentence tens of words, so the O(n·m) table is small once the
// common head and tail are cut off, and the result is deterministic and
// needs no library. Within a run of differences the removals come before the
// additions, which is what pairing removed and added units relies on.
template <class T, class Equal>
std::vector<Edit> diff(const std::vector<T>& a, const std::vector<T>& b, Equal equal) {
    std::vector<Edit> script;
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && equal(a[head], b[head])) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && equal(a[a.size() - 1 - tail], b[b.size() - 1 - tail]))
        ++tail;
    for (std::size_t i = 0; i < head; ++i) script.push_back({EditOp::Keep, i, i});
    const std::size_t n = a.size() - head - tail;
    const std::size_t m = b.size() - head - tail;
    // lcs[i][j]: length of the LCS of a[head+i..] and b[head+j..].
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] =
                equal(a[head + i], b[head + j]) ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && equal(a[head + i], b[head + j])) {
            script.push_back({EditOp::Keep, head + i++, head + j++});
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            script.push_back({EditOp::Remove, head + i++, head + j});
        } else {
            script.push_back({EditOp::Add, head + i, head + j++});
        }
    }
    for (std::size_t k = 0; k < tail; ++k) script.push_back({EditOp::Keep, head + n + k, head + m + k});
    return script;
}

// ---- Sentences, words, figures ---------------------------------------------

// Swedish sentences of a paragraph's text. A sentence ends at ".", "!" or
// "?" (and a closing quote or parenthesis after it) followed by a space and a
// capital letter (A–Z, Å, Ä, Ö, É, …), a digit or an opening quote. Not
// after an abbreviation: the word before the full stop is one of
// t.ex., bl.a., dvs., d.v.s., m.m., m.fl., o.s.v., osv., s.k., fr.o.m.,
// t.o.m., f.d., kr., nr., ca., resp., jfr., inkl., exkl., enl., ang., st.,
// kap., s., p. (in any case), or a single capital letter (an initial). The
// text between sentences is dropped; each sentence is trimmed.
std::vector<std::string> split_sentences(std::string_view text);

// Words: the text split at ASCII spaces (and line breaks). A no-break space
// does not split, so "4 000 000 kronor" set with no-break spaces is one word.
std::vector<std::string> split_words(std::string_view text);

// 2·|LCS| / (|a| + |b|) over the words of the two texts: 1 for the same
// words, 0 for none in common (Ratcliff–Obershelp's measure over words).
double word_similarity(std::string_view a, std::string_view b);

// The figures of a text in order: numbers ("300 000", "4,5", "2024-12-10",
// "25 %") with their unit when one follows ("kronor", "kr", "tkr", "mkr",
// "mnkr", "procent", "%"), and dates in words ("4 december 2024"). A digit run glued to a word ("LUM-01", "A4") is
// no figure.
std::vector<std::string> figures(std::string_view text);

// The figures that differ between two texts: by position when both have as
// many, else by a diff of the two lists, paired in order within each run of
// differences (a figure with no partner has the other side empty).
struct FigurePair {
    std::string before;
    std::string after;
};
std::vector<FigurePair> changed_figures(std::string_view before, std::string_view after);

}  // namespace revision
