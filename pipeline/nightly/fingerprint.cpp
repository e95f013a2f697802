#include "nightly/fingerprint.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <elf.h>
#include <link.h>

#include <cstring>

namespace nightly {

namespace {

// A note's name and description are padded to 4 bytes (ELF gABI, "Note
// Section").
constexpr std::size_t padded(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

std::string hex(const unsigned char* bytes, std::size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
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

std::string sha256_hex(std::string_view bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    return Poco::DigestEngine::digestToHex(engine.digest());
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
