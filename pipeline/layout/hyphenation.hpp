#pragma once
// Swedish hyphenation: libhyphen (the hyphenator of LibreOffice and TeX's
// Liang patterns) with the hyphen-sv patterns. Layout asks for the points of
// a word only where a line needs them: justified paragraphs and words wider
// than a table cell.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace layout {

// Debian's hyphen-sv installs the patterns here; the job's Environment may
// name another file, as it does for the fonts.
inline constexpr const char* kSwedishHyphenationPatterns = "/usr/share/hyphen/hyph_sv_SE.dic";

class Hyphenator {
public:
    // Loads a libhyphen pattern file. Throws std::runtime_error naming the
    // file when it cannot be read. Immutable afterwards: one instance may
    // serve any number of documents on any number of threads (libhyphen's
    // hnj_hyphen_hyphenate3 only reads the dictionary; source-read, 2.8.8).
    explicit Hyphenator(const std::string& patterns_path);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // out[k] (k in 1 .. size-1) is true where a hyphen may go between
    // word[k-1] and word[k]. `word` is letters only, in any case. A word
    // with a letter outside ISO 8859-1 (the patterns' encoding) gets no
    // points. `out` is resized to word.size().
    void points(std::u32string_view word, std::vector<bool>& out) const;

    const std::string& path() const { return path_; }

private:
    struct Dictionary;
    std::string path_;
    std::unique_ptr<Dictionary> dictionary_;
};

}  // namespace layout
