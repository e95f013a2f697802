#include "nightly/fingerprint.hpp"

#include <elf.h>
#include <link.h>
#include <openssl/evp.h>

#include <cstring>
#include <stdexcept>

#include "core/messages.hpp"

namespace nightly {

namespace {

// A note's name and description are padded to 4 bytes (ELF gABI, "Note
// Section").
constexpr std::size_t padded(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

std::string hex(const unsigned char* bytes, std::size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xF];
    }
    return out;
}

std::string build_id_in_notes(const unsigned char* notes, std::size_t size) {
    std::size_t at = 0;
    while (at + sizeof(ElfW(Nhdr)) <= size) {
        ElfW(Nhdr) header;
        std::memcpy(&header, notes + at, sizeof header);
        const auto* name = notes + at + sizeof header;
        const auto* description = name + padded(header.n_namesz);
        if (header.n_type == NT_GNU_BUILD_ID && header.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0)
            return hex(description, header.n_descsz);
        at += sizeof header + padded(header.n_namesz) + padded(header.n_descsz);
    }
    return "";
}

// dl_iterate_phdr lists the main program first.
int find_in_program(dl_phdr_info* info, std::size_t, void* out) {
    auto& id = *static_cast<std::string*>(out);
    for (int i = 0; i < info->dlpi_phnum && id.empty(); ++i) {
        const auto& segment = info->dlpi_phdr[i];
        if (segment.p_type != PT_NOTE) continue;
        id = build_id_in_notes(reinterpret_cast<const unsigned char*>(info->dlpi_addr + segment.p_vaddr),
                               segment.p_memsz);
    }
    return 1;  // stop after the main program
}

}  // namespace

// OpenSSL's SHA-256 rather than Poco's: OpenSSL picks the CPU's SHA
// extensions (or AVX2) at run time, and an incremental build's cost is
// mostly this digest over the inputs and the published files (Poco's
// portable C took about 70 % of the instructions of a build with nothing
// to do). The algorithm is looked up once; EVP_MD is safe to share
// between threads once fetched (OpenSSL 3, "Threading" in crypto(7)).
std::string sha256_hex(std::string_view bytes) {
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (sha256 == nullptr || EVP_Digest(bytes.data(), bytes.size(), digest, &size, sha256, nullptr) != 1)
        throw std::runtime_error(core::tr("OpenSSL could not compute a SHA-256 digest"));
    return hex(digest, size);
}

std::string program_build_id() {
    std::string id;
    dl_iterate_phdr(&find_in_program, &id);
    return id;
}

std::string generator(const std::string& version) {
    const auto id = program_build_id();
    return "fuel " + version + (id.empty() ? "" : " build " + id);
}

}  // namespace nightly
