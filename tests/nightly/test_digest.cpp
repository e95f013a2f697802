// The build keys' digest is SHA-256 as FIPS 180-4 defines it: the test
// vectors of FIPS 180-2 appendix B (one block, two blocks, a million
// bytes), the empty input, and the same bytes given from an offset, so a
// CPU-specific code path that got a block wrong would fail here.
#include <catch2/catch.hpp>

#include <string>

#include "nightly/fingerprint.hpp"

TEST_CASE("digest: SHA-256 gives the FIPS 180-2 test vectors") {
    CHECK(nightly::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(nightly::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(nightly::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(nightly::sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("digest: the bytes of a view are hashed, wherever the view starts") {
    const std::string padded = "xyzabc";
    CHECK(nightly::sha256_hex(std::string_view(padded).substr(3)) ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
