#pragma once
// What the fuzz targets share: the fixture round they read applications
// against, and checks that turn a broken invariant into a crash libFuzzer
// reports and minimises.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/diagnostics.hpp"
#include "ingest/readers.hpp"

namespace fuzz {

inline std::string_view bytes(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool condition, const char* what) {
    if (!condition) fail(what);
}

// The 2025 round: real funds and criteria, so that application records get
// past the fund lookup and exercise the field conversions.
inline const model::Round& fixture_round() {
    static const model::Round round = [] {
        core::Diagnostics diagnostics;
        auto r = ingest::read_round(std::string(FUEL_SOURCE_DIR) + "/fixtures/lum-mul-2025/round.xml", diagnostics);
        if (!r || diagnostics.has_errors()) fail("the fixture round.xml does not load");
        return *r;
    }();
    return round;
}

// Every diagnostic names the file it was given and a position that is not
// before the start; a line past the last one would point nowhere.
inline void check_diagnostics(const core::Diagnostics& diagnostics, const std::string& file, std::string_view text) {
    int lines = 1;
    for (char c : text) lines += c == '\n' || c == '\r' ? 1 : 0;  // CR LF counts twice: an upper bound
    for (const auto& d : diagnostics.items()) {
        require(d.where.file == file, "a diagnostic names another file");
        require(d.where.line >= 0 && d.where.column >= 0, "a negative position");
        require(d.where.line <= lines + 1, "a line past the end of the file");
        require(!d.message.empty(), "an empty message");
    }
}

// The records ingest counted agree with the applications it kept.
inline void check_file(const ingest::ApplicationFile& file) {
    std::size_t named = 0;
    for (const auto& r : file.source.records) {
        if (r.application < 0) {
            require(!r.dropped_because.empty(), "a record dropped without a reason");
            continue;
        }
        require(static_cast<std::size_t>(r.application) == named, "records and applications out of step");
        require(file.applications[named].id == r.id, "a record and its application differ");
        ++named;
    }
    require(named == file.applications.size(), "an application without a record");
    require(file.source.readable || file.source.records.empty(), "records from an unreadable file");
}

}  // namespace fuzz
