#pragma once
// What identifies content and program for incremental builds (job::Digest,
// job::Environment::generator).
#include <string>
#include <string_view>

namespace nightly {

// SHA-256 (FIPS 180-4) of `bytes`, lower-case hex, by OpenSSL's libcrypto.
std::string sha256_hex(std::string_view bytes);

// The GNU build ID of the running program (the linker's hash of its code),
// lower-case hex; "" when it was linked without one.
std::string program_build_id();

// "fuel 0.1.0 build 3f2a…": the version alone is not enough, since a
// rebuilt program with the same version may lay pages out differently.
std::string generator(const std::string& version);

}  // namespace nightly
