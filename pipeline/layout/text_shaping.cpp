#include "layout/text_shaping.hpp"
#include "core/messages.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <stdexcept>
#include <utility>

namespace layout {

namespace {

// Code points below this are cached per font: Latin, Greek, Cyrillic and the
// general punctuation block (dashes, quotes, U+2212 minus) cover Swedish text.
constexpr char32_t kCacheLimit = 0x2200;
constexpr char32_t kReplacement = 0xFFFD;

bool is_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// UAX #14 classes BK, CR, LF and NL: ICU makes a break after them mandatory.
bool is_hard_break(char32_t cp) {
    return cp == 0x0A || cp == 0x0B || cp == 0x0C || cp == 0x0D || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// What append_code_point makes of a code point before asking the font: the
// first of its tests that holds, in their order.
enum class CodeClass : std::int8_t { Unknown = -1, HardBreak, SoftHyphen, Invisible, Space, Control, Other };

CodeClass classify(char32_t cp) {
    if (is_hard_break(cp)) return CodeClass::HardBreak;
    if (cp == 0xAD) return CodeClass::SoftHyphen;
    if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return CodeClass::Invisible;
    // Breaking spaces (never U+00A0, U+2007, U+202F: those are glue).
    if (u_isWhitespace(static_cast<UChar32>(cp))) return CodeClass::Space;
    if (u_iscntrl(static_cast<UChar32>(cp))) return CodeClass::Control;
    return CodeClass::Other;
}

std::string hex(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

FontId font_for(Family family, bool bold, bool italic) {
    const int face = (bold ? 1 : 0) + (italic ? 2 : 0);
    const int base =
        family == Family::Serif ? static_cast<int>(FontId::SerifRegular) : static_cast<int>(FontId::SansRegular);
    return static_cast<FontId>(base + face);
}

struct TextShaper::Impl {
    std::unique_ptr<icu::BreakIterator> breaker;
    const icu::Normalizer2* nfc = nullptr;
    std::u16string text;                                      // the paragraph in UTF-16, for ICU
    std::vector<std::uint32_t> offsets;                       // UTF-16 offset of each glyph
    std::vector<std::pair<std::uint32_t, char32_t>> missing;  // glyph index, original code point
    std::set<std::string> reported;
    std::vector<float> advances = std::vector<float>(kFontCount * kCacheLimit, NAN);
    std::vector<std::int8_t> glyphs = std::vector<std::int8_t>(kFontCount * kCacheLimit, -1);
    // The ICU property lookups of classify() for every glyph were a quarter
    // of the layout stage; the answer depends on the code point alone.
    std::vector<CodeClass> classes = std::vector<CodeClass>(kCacheLimit, CodeClass::Unknown);
    // Kerning is asked for every pair of neighbours: a table per font for
    // pairs of Latin-1 code points (most of a Swedish text; a hash lookup per
    // glyph was a tenth of the layout stage), a hash for the others.
    static constexpr char32_t kKernTable = 0x100;
    std::array<std::unique_ptr<float[]>, kFontCount> kerning_table;
    std::unordered_map<std::uint64_t, float> kerning;  // key: font, left, right
    // The link targets of footnote marks, which no doc node holds; a deque
    // keeps the spans' pointers valid as it grows.
    std::deque<std::string> note_targets;
};

TextShaper::TextShaper(const FontMetrics& metrics, core::Diagnostics& diagnostics, int field_estimate_digits,
                       Superscript superscript)
    : metrics_(metrics),
      diagnostics_(diagnostics),
      field_estimate_digits_(field_estimate_digits),
      superscript_(superscript),
      impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    // UAX #14 with ICU's Swedish tailoring; one iterator per lay_out call.
    impl_->breaker.reset(icu::BreakIterator::createLineInstance(icu::Locale("sv", "SE"), status));
    impl_->nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !impl_->breaker || !impl_->nfc)
        throw std::runtime_error(core::tr("ICU line breaking is unavailable: {1}", u_errorName(status)));
}

TextShaper::~TextShaper() = default;

double TextShaper::advance(FontId font, char32_t cp) {
    if (cp >= kCacheLimit) return metrics_.advance(font, cp);
    float& cached = impl_->advances[static_cast<std::size_t>(font) * kCacheLimit + cp];
    if (std::isnan(cached)) cached = static_cast<float>(metrics_.advance(font, cp));
    return cached;
}

bool TextShaper::has_glyph(FontId font, char32_t cp) {
    if (cp >= kCacheLimit) return metrics_.has_glyph(font, cp);
    std::int8_t& cached = impl_->glyphs[static_cast<std::size_t>(font) * kCacheLimit + cp];
    if (cached < 0) cached = metrics_.has_glyph(font, cp) ? 1 : 0;
    return cached == 1;
}

double TextShaper::kerning(FontId font, char32_t left, char32_t right) {
    if (left < Impl::kKernTable && right < Impl::kKernTable) {
        auto& table = impl_->kerning_table[static_cast<std::size_t>(font)];
        if (!table) {
            table = std::make_unique<float[]>(Impl::kKernTable * Impl::kKernTable);
            std::fill_n(table.get(), Impl::kKernTable * Impl::kKernTable, NAN);
        }
        float& cached = table[left * Impl::kKernTable + right];
        if (std::isnan(cached)) cached = static_cast<float>(metrics_.kerning(font, left, right));
        return cached;
    }
    // 21 bits hold any code point.
    const std::uint64_t key =
        (static_cast<std::uint64_t>(font) << 42) | (static_cast<std::uint64_t>(left) << 21) | right;
    const auto [it, added] = impl_->kerning.try_emplace(key, 0.0F);
    if (added) it->second = static_cast<float>(metrics_.kerning(font, left, right));
    return it->second;
}

float TextShaper::hyphen_width(FontId font, double size) {
    return static_cast<float>(advance(font, U'-') * size / 1000.0);
}

void TextShaper::begin(const TextSetting& setting, ShapedText& out) {
    out.setting = setting;
    out.spans.clear();
    out.glyphs.clear();
    out.prefix.clear();
    out.breaks.clear();
    out.notes.clear();
    impl_->text.clear();
    impl_->offsets.clear();
    impl_->missing.clear();
}

void TextShaper::shape(const doc::Inlines& inlines, const TextSetting& setting, ShapedText& out,
                       const FieldValues* values, bool artifact) {
    begin(setting, out);
    const FontId base = font_for(setting.family, setting.bold, false);
    auto add_span = [&](FontId font, Field field, const std::string* link) {
        out.spans.push_back(Span{font, field, link, artifact, hyphen_width(font, setting.size)});
        return static_cast<std::uint32_t>(out.spans.size() - 1);
    };
    for (const doc::Inline& node : inlines) {
        if (const auto* text = std::get_if<doc::Text>(&node)) {
            const FontId font = font_for(setting.family, setting.bold || text->style.bold, text->style.italic);
            const auto span = add_span(font, Field::None, text->link.empty() ? nullptr : &text->link);
            append(text->text, span, out);
        } else if (std::holds_alternative<doc::LineBreak>(node)) {
            append("\n", add_span(base, Field::None, nullptr), out);
        } else if (const auto* note = std::get_if<doc::Footnote>(&node)) {
            const std::string* target =
                artifact ? nullptr : &impl_->note_targets.emplace_back(note_link_prefix_ + note->mark);
            const auto span = add_span(base, Field::None, target);
            out.spans[span].scale = static_cast<float>(superscript_.scale);
            out.spans[span].rise = static_cast<float>(superscript_.rise * setting.size);
            if (!note->repeat) {
                out.spans[span].note = static_cast<std::int32_t>(out.notes.size());
                out.notes.push_back(note);
            }
            append(note->mark, span, out);
        } else {
            const bool is_page = std::holds_alternative<doc::PageNumber>(node);
            if (values) {
                append(std::to_string(is_page ? values->page : values->pages), add_span(base, Field::None, nullptr),
                       out);
            } else {
                const auto span = add_span(base, is_page ? Field::PageNumber : Field::PageCount, nullptr);
                append(std::string(static_cast<std::size_t>(field_estimate_digits_), '0'), span, out);
            }
        }
    }
    finish(out);
}

void TextShaper::shape(std::string_view utf8, const TextSetting& setting, ShapedText& out) {
    begin(setting, out);
    const FontId font = font_for(setting.family, setting.bold, false);
    out.spans.push_back(Span{font, Field::None, nullptr, false, hyphen_width(font, setting.size)});
    append(utf8, 0, out);
    finish(out);
}

void TextShaper::append(std::string_view utf8, std::uint32_t span, ShapedText& out) {
    auto& text = impl_->text;
    if (is_ascii(utf8)) {  // ASCII is always NFC: skip ICU's conversion
        for (const char c : utf8) {
            append_code_point(static_cast<char32_t>(c), span, static_cast<std::uint32_t>(text.size()), out);
            text.push_back(static_cast<char16_t>(c));
        }
        return;
    }
    // Invalid UTF-8 becomes U+FFFD here; combining sequences are composed
    // (NFC) so that "a" + U+0308 is measured and drawn as the glyph "ä".
    icu::UnicodeString s =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    UErrorCode status = U_ZERO_ERROR;
    if (impl_->nfc->quickCheck(s, status) != UNORM_YES) {
        status = U_ZERO_ERROR;
        icu::UnicodeString normalised = impl_->nfc->normalize(s, status);
        if (U_SUCCESS(status)) s = std::move(normalised);
    }
    for (int32_t i = 0; i < s.length();) {
        const UChar32 c = s.char32At(i);
        const int32_t units = U16_LENGTH(c);
        append_code_point(static_cast<char32_t>(c), span, static_cast<std::uint32_t>(text.size()), out);
        for (int32_t u = 0; u < units; ++u) text.push_back(static_cast<char16_t>(s.charAt(i + u)));
        i += units;
    }
}

void TextShaper::append_code_point(char32_t cp, std::uint32_t span, std::uint32_t offset, ShapedText& out) {
    const FontId font = out.spans[span].font;
    Glyph glyph{cp, 0.0F, span, GlyphKind::Visible};
    if (cp == 0x09) cp = glyph.code_point = 0x20;  // a tab is a word space in running text
    CodeClass code_class = CodeClass::Unknown;
    if (cp < kCacheLimit) {
        auto& cached = impl_->classes[cp];
        if (cached == CodeClass::Unknown) cached = classify(cp);
        code_class = cached;
    } else {
        code_class = classify(cp);
    }
    if (code_class == CodeClass::HardBreak) {
        glyph.kind = GlyphKind::HardBreak;
    } else if (code_class == CodeClass::SoftHyphen) {
        glyph.kind = GlyphKind::SoftHyphen;
    } else if (code_class == CodeClass::Invisible) {
        glyph.kind = GlyphKind::Invisible;
    } else if (code_class == CodeClass::Space) {
        // One the font lacks is still a space: nothing visible is lost.
        glyph.kind = GlyphKind::Space;
        if (!has_glyph(font, cp)) glyph.code_point = 0x20;
    } else if (code_class == CodeClass::Control || !has_glyph(font, cp)) {
        impl_->missing.emplace_back(static_cast<std::uint32_t>(out.glyphs.size()), cp);
        glyph.code_point = has_glyph(font, kReplacement) ? kReplacement : U'?';
    }
    if (glyph.kind == GlyphKind::Visible || glyph.kind == GlyphKind::Space)
        glyph.advance =
            static_cast<float>(advance(font, glyph.code_point) * out.setting.size * out.spans[span].scale / 1000.0);
    out.glyphs.push_back(glyph);
    impl_->offsets.push_back(offset);
}

// Pair kerning between neighbours drawn in one font: letters and word
// spaces (fonts kern "L " and " T" too). Not across a change of font, not
// into a page number that is resolved later, not around invisible glyphs.
void TextShaper::kern(ShapedText& out) {
    auto kernable = [&](const Glyph& g) {
        return (g.kind == GlyphKind::Visible || g.kind == GlyphKind::Space) && out.spans[g.span].field == Field::None;
    };
    for (std::size_t i = 0; i + 1 < out.glyphs.size(); ++i) {
        Glyph& left = out.glyphs[i];
        const Glyph& right = out.glyphs[i + 1];
        const FontId font = out.spans[left.span].font;
        const float scale = out.spans[left.span].scale;
        if (!kernable(left) || !kernable(right) || out.spans[right.span].font != font ||
            out.spans[right.span].scale != scale)
            continue;
        left.kern =
            static_cast<float>(kerning(font, left.code_point, right.code_point) * out.setting.size * scale / 1000.0);
    }
}

void TextShaper::finish(ShapedText& out) {
    kern(out);
    const std::size_t n = out.glyphs.size();
    out.prefix.resize(n + 1);
    out.prefix[0] = 0;
    for (std::size_t i = 0; i < n; ++i) out.prefix[i + 1] = out.prefix[i] + out.glyphs[i].advance + out.glyphs[i].kern;
    out.breaks.assign(n + 1, Break::None);
    if (n == 0) return;
    // UAX #14: every opportunity the Swedish line rules give, across runs, so
    // that a word may change style mid-word without becoming breakable.
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, impl_->text.data(), static_cast<int64_t>(impl_->text.size()), &status);
    impl_->breaker->setText(&ut, status);
    const auto& offsets = impl_->offsets;
    std::size_t g = 0;
    for (int32_t p = impl_->breaker->next(); p != icu::BreakIterator::DONE && U_SUCCESS(status);
         p = impl_->breaker->next()) {
        while (g < n && offsets[g] < static_cast<std::uint32_t>(p)) ++g;
        if (g < n && offsets[g] != static_cast<std::uint32_t>(p)) continue;
        const int32_t rule = impl_->breaker->getRuleStatus();
        out.breaks[g] = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT ? Break::Mandatory : Break::Allowed;
    }
    utext_close(&ut);
    if (!impl_->missing.empty()) report_missing(out);
}

void TextShaper::report_missing(const ShapedText& out) {
    const auto& text = impl_->text;
    for (const auto& [index, cp] : impl_->missing) {
        // The word around the character, so that a case officer can find it.
        std::size_t begin = impl_->offsets[index];
        std::size_t end = begin;
        while (begin > 0 && !u_isUWhiteSpace(text[begin - 1])) --begin;
        while (end < text.size() && !u_isUWhiteSpace(text[end])) ++end;
        std::string word;
        icu::UnicodeString(false, reinterpret_cast<const UChar*>(text.data() + begin),
                           static_cast<int32_t>(end - begin))
            .toUTF8String(word);
        const FontId font = out.spans[out.glyphs[index].span].font;
        std::string shown;
        append_utf8(shown, out.glyphs[index].code_point);
        std::string message = core::tr("the font {1} has no glyph for {2} in \"{3}\"; it is shown as \"{4}\"",
                                       describe(font), hex(cp), word, shown);
        if (impl_->reported.insert(message).second) diagnostics_.warning({}, std::move(message));
    }
}

}  // namespace layout
