// The revision stage's text helpers: the diff, Swedish sentences, words and
// figures.
#include <catch2/catch.hpp>

#include "revision/text.hpp"

using revision::EditOp;
using Strings = std::vector<std::string>;

namespace {

std::string script(const Strings& a, const Strings& b) {
    std::string out;
    for (const auto& e : revision::diff(a, b, [](const std::string&x, const std::string&y) { return x == y; }))
        out += e.op == EditOp::Keep ? "=" + a[e.before] : e.op == EditOp::Remove ? "-" + a[e.before] : "+" + b[e.after];
    return out;
}

}  // namespace

TEST_CASE("revision: the diff keeps a longest common subsequence, removals before additions") {
    CHECK(script({"a", "b", "c"}, {"a", "b", "c"}) == "=a=b=c");
    CHECK(script({"a", "b", "c"}, {"a", "x", "c"}) == "=a-b+x=c");
    CHECK(script({}, {"a"}) == "+a");
    CHECK(script({"a"}, {}) == "-a");
    CHECK(script({"a", "b", "c", "d"}, {"b", "c", "e", "d"}) == "-a=b=c+e=d");
    // The classic example of Myers (1986): ABCABBA -> CBABAC, edit distance 5.
    const auto s = revision::diff(Strings{"A", "B", "C", "A", "B", "B", "A"}, Strings{"C", "B", "A", "B", "A", "C"},
                                  [](const std::string& x, const std::string& y) { return x == y; });
    CHECK(std::count_if(s.begin(), s.end(), [](const revision::Edit& e) { return e.op != EditOp::Keep; }) == 5);
}

TEST_CASE("revision: Swedish sentences end at a full stop before a capital, not after an abbreviation") {
    CHECK(revision::split_sentences("Det är bra. Vi gör så! Varför? 2025 blir bättre.") ==
          Strings{"Det är bra.", "Vi gör så!", "Varför?", "2025 blir bättre."});
    CHECK(revision::split_sentences("Medel till bl.a. Farsta. Ärendet, t.ex. Järva, dvs. Nästa ord.") ==
          Strings{"Medel till bl.a. Farsta.", "Ärendet, t.ex. Järva, dvs. Nästa ord."});
    CHECK(revision::split_sentences("Summan är ca. 300 kr. Enligt beslut nr. 4 gäller det.") ==
          Strings{"Summan är ca. 300 kr. Enligt beslut nr. 4 gäller det."});
    CHECK(revision::split_sentences("Beslutet fattades av A. Andersson. Övrigt: inget.") ==
          Strings{"Beslutet fattades av A. Andersson.", "Övrigt: inget."});
    CHECK(revision::split_sentences("Summan är 4,5\u00A0mkr. Av tolv ansökningar beviljas elva.") ==
          Strings{"Summan är 4,5\u00A0mkr.", "Av tolv ansökningar beviljas elva."});
    CHECK(revision::split_sentences("små bokstäver. efter punkt hör ihop") ==
          Strings{"små bokstäver. efter punkt hör ihop"});
    CHECK(revision::split_sentences("  ").empty());
}

TEST_CASE("revision: a number set with no-break spaces is one word") {
    CHECK(revision::split_words("Totalt 6\u00A0500\u00A0000\u00A0kronor  nu") ==
          Strings{"Totalt", "6\u00A0500\u00A0000\u00A0kronor", "nu"});
    CHECK(revision::word_similarity("a b c d", "a b c d") == 1.0);
    CHECK(revision::word_similarity("a b c d", "a b x y") == 0.5);
    CHECK(revision::word_similarity("a b", "c d") == 0.0);
}

TEST_CASE("revision: figures are numbers with their unit, not digits glued to a word") {
    CHECK(revision::figures("Totalt 6\u00A0500\u00A0000\u00A0kronor, varav 300\u00A0000 kr och 4,5\u00A0mkr.") ==
          Strings{"6\u00A0500\u00A0000\u00A0kronor", "300\u00A0000 kr", "4,5\u00A0mkr"});
    CHECK(revision::figures("LUM-01 2024, senast 2024-11-15, 25 %, 12 procent, A4") ==
          Strings{"2024", "2024-11-15", "25 %", "12 procent"});
    CHECK(revision::figures("Behandlat den 4 december 2024 och senast 2 juni, 3 decembermöten") ==
          Strings{"4 december 2024", "2 juni", "3"});
    const auto years =
        revision::changed_figures("beviljades 2024 är krav för medel 2025.", "beviljades 2025 är krav för medel 2026.");
    REQUIRE(years.size() == 2);
    CHECK(years[0].before == "2024");
    CHECK(years[0].after == "2025");
    const auto one_more = revision::changed_figures("Totalt 16 ansökningar.", "Totalt 16 ansökningar varav 4 sena.");
    REQUIRE(one_more.size() == 1);
    CHECK(one_more[0].before.empty());
    CHECK(one_more[0].after == "4");
    const auto changed =
        revision::changed_figures("Högst 25\u00A0000\u00A0kronor år 2025.", "Högst 30\u00A0000\u00A0kronor år 2025.");
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].before == "25\u00A0000\u00A0kronor");
    CHECK(changed[0].after == "30\u00A0000\u00A0kronor");
}
