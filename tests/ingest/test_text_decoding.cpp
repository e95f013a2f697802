#include <catch2/catch.hpp>

#include <string>

#include "ingest/text_decoding.hpp"

using core::Severity;

namespace {

const std::string kFile = "ansokningar.csv";

std::string bytes(std::initializer_list<int> values) {
    std::string out;
    for (int v : values) out += static_cast<char>(v);
    return out;
}

// The only diagnostic, which must have `severity` and contain `phrase`.
const core::Diagnostic& only(const core::Diagnostics& diagnostics, Severity severity, const std::string& phrase) {
    REQUIRE(diagnostics.items().size() == 1);
    const auto& d = diagnostics.items().front();
    INFO(core::to_string(d));
    CHECK(d.severity == severity);
    CHECK(d.message.find(phrase) != std::string::npos);
    CHECK(d.where.file == kFile);
    return d;
}

}  // namespace

TEST_CASE("decoding: UTF-8 without a byte-order mark is kept as it is") {
    core::Diagnostics diagnostics;
    const std::string text = "id;förvaltning\nLUM-01;Hägersten-Älvsjö\n";
    const auto decoded = ingest::decode_text(text, kFile, diagnostics);
    CHECK(decoded.ok);
    CHECK(decoded.encoding == "UTF-8");
    CHECK(decoded.utf8 == text);
    CHECK(diagnostics.empty());
}

TEST_CASE("decoding: a UTF-8 byte-order mark is stripped") {
    core::Diagnostics diagnostics;
    const auto decoded = ingest::decode_text("\xEF\xBB\xBFid;titel\r\n", kFile, diagnostics);
    CHECK(decoded.ok);
    CHECK(decoded.encoding == "UTF-8 with BOM");
    CHECK(decoded.utf8 == "id;titel\r\n");
    CHECK(diagnostics.empty());
}

TEST_CASE("decoding: Windows-1252 bytes of Hägersten-Älvsjö are converted with a note") {
    core::Diagnostics diagnostics;
    // "id;förvaltning\nLUM-01;Hägersten-Älvsjö" as old Excel saves it.
    const std::string text = "id;f" + bytes({0xF6}) + "rvaltning\nLUM-01;H" + bytes({0xE4}) + "gersten-" +
                             bytes({0xC4}) + "lvsj" + bytes({0xF6});
    const auto decoded = ingest::decode_text(text, kFile, diagnostics);
    CHECK(decoded.ok);
    CHECK(decoded.encoding == "Windows-1252");
    CHECK(decoded.utf8 == "id;förvaltning\nLUM-01;Hägersten-Älvsjö");
    const auto& note = only(diagnostics, Severity::Note, "reading it as Windows-1252");
    CHECK(note.message.find("0xF6") != std::string::npos);
    CHECK(note.where.line == 1);
    CHECK(note.where.column == 5);
}

TEST_CASE("decoding: Windows-1252 punctuation in 0x80-0x9F maps to its own characters, not C1 controls") {
    core::Diagnostics diagnostics;
    // € (0x80), – (0x96), ” (0x94): ISO 8859-1 would give U+0080, U+0096, U+0094.
    const auto decoded =
        ingest::decode_text("12 000 " + bytes({0x80, ' ', 0x96, ' ', 0x94, 'j', 0xE5, 0x94}), kFile, diagnostics);
    CHECK(decoded.ok);
    CHECK(decoded.utf8 == "12 000 € – ”jå”");
    only(diagnostics, Severity::Note, "Windows-1252");
}

TEST_CASE("decoding: the note's position counts lines ended by CRLF and by lone CR") {
    core::Diagnostics diagnostics;
    const auto decoded = ingest::decode_text("a\r\nb\rcc;" + bytes({0xE5}), kFile, diagnostics);
    CHECK(decoded.ok);
    const auto& note = only(diagnostics, Severity::Note, "line 3, column 4");
    CHECK(note.where.line == 3);
    CHECK(note.where.column == 4);
}

TEST_CASE("decoding: UTF-16 with a byte-order mark is rejected, little- and big-endian") {
    const std::string little = bytes({0xFF, 0xFE, 'i', 0, 'd', 0});
    const std::string big = bytes({0xFE, 0xFF, 0, 'i', 0, 'd'});
    for (const auto& text : {little, big}) {
        core::Diagnostics diagnostics;
        const auto decoded = ingest::decode_text(text, kFile, diagnostics);
        CHECK_FALSE(decoded.ok);
        CHECK(decoded.utf8.empty());
        only(diagnostics, Severity::Error, "the file is UTF-16; save it as UTF-8 (CSV UTF-8) or Windows-1252");
    }
}

TEST_CASE("decoding: UTF-32 with a byte-order mark is rejected") {
    core::Diagnostics diagnostics;
    const auto decoded = ingest::decode_text(bytes({0xFF, 0xFE, 0, 0, 'i', 0, 0, 0}), kFile, diagnostics);
    CHECK_FALSE(decoded.ok);
    only(diagnostics, Severity::Error, "the file is UTF-32");
}

TEST_CASE("decoding: NUL bytes are rejected with their position") {
    core::Diagnostics diagnostics;
    // UTF-16LE without a byte-order mark: every other byte is NUL.
    const std::string text = std::string("id;titel\n") + bytes({'L', 0, 'U', 0});
    const auto decoded = ingest::decode_text(text, kFile, diagnostics);
    CHECK_FALSE(decoded.ok);
    const auto& error = only(diagnostics, Severity::Error, "NUL byte at line 2, column 2");
    CHECK(error.message.find("UTF-16") != std::string::npos);
    CHECK(error.where.line == 2);
    CHECK(error.where.column == 2);
}

TEST_CASE("decoding: an empty file is an error") {
    core::Diagnostics diagnostics;
    const auto decoded = ingest::decode_text("", kFile, diagnostics);
    CHECK_FALSE(decoded.ok);
    only(diagnostics, Severity::Error, "the file is empty");
}

TEST_CASE("decoding: a file holding only a byte-order mark is empty") {
    core::Diagnostics diagnostics;
    const auto decoded = ingest::decode_text("\xEF\xBB\xBF", kFile, diagnostics);
    CHECK_FALSE(decoded.ok);
    only(diagnostics, Severity::Error, "the file is empty");
}

TEST_CASE("decoding: bytes that are neither UTF-8 nor Windows-1252 are rejected") {
    core::Diagnostics diagnostics;
    // 0x81 is undefined in Windows-1252.
    const auto decoded = ingest::decode_text("id;titel\nx" + bytes({0x81}), kFile, diagnostics);
    CHECK_FALSE(decoded.ok);
    only(diagnostics, Severity::Error, "neither UTF-8 (byte 0x81 at line 2, column 2) nor Windows-1252");
}

TEST_CASE("decoding: control bytes make Windows-1252 implausible") {
    core::Diagnostics diagnostics;
    const auto decoded = ingest::decode_text(bytes({0x01, 0x02, 0xE4, 0x03}), kFile, diagnostics);
    CHECK_FALSE(decoded.ok);
    only(diagnostics, Severity::Error, "nor Windows-1252 (byte 0x01 at line 1, column 1)");
}

TEST_CASE("decoding: a bad byte after a UTF-8 byte-order mark is an error and becomes U+FFFD") {
    core::Diagnostics diagnostics;
    const auto decoded = ingest::decode_text("\xEF\xBB\xBFåäö;" + bytes({0xE4}) + "x", kFile, diagnostics);
    CHECK(decoded.ok);
    CHECK(decoded.encoding == "UTF-8 with BOM");
    CHECK(decoded.utf8 == "åäö;\xEF\xBF\xBDx");
    const auto& error = only(diagnostics, Severity::Error, "byte-order mark but byte 0xE4 at line 1, column 5");
    CHECK(error.where.column == 5);
}

TEST_CASE("decoding: UTF-8 with one stray Windows-1252 byte is not reinterpreted") {
    core::Diagnostics diagnostics;
    // Reading the whole file as Windows-1252 would turn "ö" into "Ã¶".
    const auto decoded = ingest::decode_text("Älvsjö;" + bytes({0xE4}) + "\n", kFile, diagnostics);
    CHECK(decoded.ok);
    CHECK(decoded.encoding == "UTF-8");
    CHECK(decoded.utf8 == "Älvsjö;\xEF\xBF\xBD\n");
    only(diagnostics, Severity::Error, "holds UTF-8 text but byte 0xE4 at line 1, column 8");
}

TEST_CASE("decoding: decode_utf8 accepts well-formed sequences and gives their code points") {
    char32_t c = 0;
    CHECK(ingest::decode_utf8("a", 0, c) == 1);
    CHECK(c == U'a');
    CHECK(ingest::decode_utf8("\xC3\xA5", 0, c) == 2);
    CHECK(c == U'å');
    CHECK(ingest::decode_utf8("\xE2\x80\xAF", 0, c) == 3);
    CHECK(c == 0x202F);
    CHECK(ingest::decode_utf8("\xF0\x9F\x98\x80", 0, c) == 4);
    CHECK(c == 0x1F600);
    CHECK(ingest::decode_utf8("\xF4\x8F\xBF\xBF", 0, c) == 4);
    CHECK(c == 0x10FFFF);
}

TEST_CASE("decoding: decode_utf8 rejects overlong forms, surrogates, truncation and out-of-range bytes") {
    char32_t c = U'x';
    CHECK(ingest::decode_utf8("\xC0\x80", 0, c) == 0);          // overlong NUL
    CHECK(ingest::decode_utf8("\xE0\x80\x80", 0, c) == 0);      // overlong
    CHECK(ingest::decode_utf8("\xF0\x80\x80\x80", 0, c) == 0);  // overlong
    CHECK(ingest::decode_utf8("\xED\xA0\x80", 0, c) == 0);      // surrogate U+D800
    CHECK(ingest::decode_utf8("\xF4\x90\x80\x80", 0, c) == 0);  // above U+10FFFF
    CHECK(ingest::decode_utf8("\xC3", 0, c) == 0);              // truncated
    CHECK(ingest::decode_utf8("\xE2\x80", 0, c) == 0);          // truncated
    CHECK(ingest::decode_utf8("\x80", 0, c) == 0);              // lone continuation
    CHECK(ingest::decode_utf8("\xF8\x88\x80\x80\x80", 0, c) == 0);
    CHECK(ingest::decode_utf8("a", 1, c) == 0);  // past the end
    CHECK(c == U'x');
}
