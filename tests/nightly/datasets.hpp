#pragma once
// Scratch datasets and builds for the nightly tests (and bench/): copies of
// the fixture, a larger variant of it, and job::run with SHA-256 keys.
#include <string>

#include "job/job.hpp"

namespace nightly_test {

std::string source_path(const std::string& relative);  // under the repository
std::string fuel_program();                            // the built fuel, quoted for a shell

// A fresh, empty folder under the build tree.
std::string scratch(const std::string& name);

// fixtures/lum-mul-2025 copied to `to`, with every application repeated
// `times` times under new ids (LUM-01, LUM-01-2, …) and the budgets raised
// to match, so that the documents grow and the data stay valid.
void write_enlarged_fixture(const std::string& to, int times);

// fixtures/lum-mul-2025 copied to `to` with exactly `applications` (at least
// 2) applications: the fixture's own, over and over under new ids as above,
// LUM and MUL in the fixture's proportion, each fund's budget raised to fit.
// The data stay valid (transform::validate): a synthetic round of any size.
void write_sized_fixture(const std::string& to, int applications);

// A copy of a folder; a dataset's <state> is taken out (make_draft), so
// that the copy is a draft whose documents follow its data.
void copy_folder(const std::string& from, const std::string& to);
void make_draft(const std::string& folder);
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
// Replaces the first `from` in the file by `to`; throws when it is absent.
void edit_file(const std::string& path, const std::string& from, const std::string& to);

// A build as the nightly service does it: incremental, `jobs` threads.
job::Spec spec(const std::string& data, const std::string& out, unsigned jobs = 1);
job::Environment environment(const std::string& templates = source_path("templates"));

}  // namespace nightly_test
