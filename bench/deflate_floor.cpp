// The compression a build cannot avoid, measured (not a test: timings depend
// on the machine and its load).
//
// Every file fuel publishes for a sent or decided dataset is archived and
// must be made again byte for byte by `fuel verify` (job/verify.hpp): the
// deflate streams in its PDFs and the zip entries of its Word and Excel
// files are fixed bytes, the output of libdeflate and zlib at level 6. So
// the time to deflate them is a floor under any faster build of the same
// documents. This reads the deflate streams back out of a build's files,
// inflates them, and times deflating each again with both libraries at
// level 6, counting per stream the faster of the two (a lower bound: fuel
// uses libdeflate for the page content and fonts, libharu's zlib for the
// rest, Poco's and minizip's zlib for the zip entries).
//
// With --flush, it also times what making those files durable costs on the
// file system they are on, as a build of a decided dataset does it twice
// (publish.cpp, archive.cpp): the files written to a new folder beside DIR,
// their writeback started, each fsync'ed, the folder fsync'ed; twice over,
// for the output and the archive. That is time waiting for the disk, which
// no speed of the program shortens.
//
// Usage: deflate_floor [--runs N] [--flush] DIR ...   (DIR: a dataset's output folder)
// Prints the number of streams, their inflated size and the median CPU time
// of deflating them all on one thread; with --flush the median wall time of
// the two durable copies.
#include <fcntl.h>
#include <libdeflate.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Inflates `size` bytes at `data`: zlib-wrapped (window_bits 15) for PDF
// streams, raw (-15) for zip entries. Empty when they are not deflate data.
std::string inflate_bytes(const char* data, std::size_t size, int window_bits) {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) return {};
    std::string out;
    char buffer[1 << 16];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    z.avail_in = static_cast<uInt>(size);
    int status = Z_OK;
    while (status == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        status = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - z.avail_out);
    }
    inflateEnd(&z);
    return status == Z_STREAM_END ? out : std::string{};
}

// The FlateDecode streams of a PDF, inflated. A stream's data runs from the
// line break after `stream` to `endstream`; inflate stops at the end of the
// deflate data, so the search for `endstream` need only bound it.
void pdf_streams(const std::string& pdf, std::vector<std::string>& out) {
    for (std::size_t at = 0; (at = pdf.find("stream\r\n", at)) != std::string::npos;) {
        const std::size_t object = pdf.rfind(" obj", at);  // the stream's dictionary follows
        const std::size_t start = at + 8;
        const std::size_t end = pdf.find("endstream", start);
        if (end == std::string::npos) break;
        if (object != std::string::npos && pdf.substr(object, at - object).find("/FlateDecode") != std::string::npos) {
            std::string data = inflate_bytes(pdf.data() + start, end - start, 15);
            if (!data.empty()) out.push_back(std::move(data));
        }
        at = end + 9;
    }
}

std::uint32_t le(const std::string& s, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
    return v;
}

// The deflated entries of a zip file (APPNOTE 6.3: the central directory
// gives each entry's method, compressed size and local header).
void zip_entries(const std::string& zip, std::vector<std::string>& out) {
    const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos) return;
    std::size_t entry = le(zip, end + 16, 4);
    const std::uint32_t count = le(zip, end + 10, 2);
    for (std::uint32_t i = 0; i < count && entry + 46 <= zip.size(); ++i) {
        const std::uint32_t method = le(zip, entry + 10, 2);
        const std::uint32_t compressed = le(zip, entry + 20, 4);
        const std::uint32_t local = le(zip, entry + 42, 4);
        const std::size_t data = local + 30 + le(zip, local + 26, 2) + le(zip, local + 28, 2);
        if (method == 8 && data + compressed <= zip.size()) {
            std::string bytes = inflate_bytes(zip.data() + data, compressed, -15);
            if (!bytes.empty()) out.push_back(std::move(bytes));
        }
        entry += 46 + le(zip, entry + 28, 2) + le(zip, entry + 30, 2) + le(zip, entry + 32, 2);
    }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// The files of `dir` written to `copy` and made durable as job::publish
// makes a staged folder durable: writeback of every file started, then each
// fsync'ed, then the folder. Returns seconds, or -1 on an error.
double durable_copy(const fs::path& dir, const fs::path& copy) {
    std::vector<std::pair<fs::path, std::string>> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file()) files.emplace_back(entry.path().filename(), read_all(entry.path()));
    fs::remove_all(copy);
    const auto start = std::chrono::steady_clock::now();
    fs::create_directories(copy);
    std::vector<int> open_files;
    for (const auto& [name, bytes] : files) {
        const int fd = ::open((copy / name).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) return -1;
        ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
        open_files.push_back(fd);
    }
    bool ok = true;
    for (const int fd : open_files) ok = ::fsync(fd) == 0 && ok;
    for (const int fd : open_files) ::close(fd);
    ok = sync_path(copy, O_RDONLY | O_DIRECTORY) && sync_path(copy.parent_path(), O_RDONLY | O_DIRECTORY) && ok;
    const double seconds = seconds_since(start);
    fs::remove_all(copy);
    return ok ? seconds : -1;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 15;
    bool flush = false;
    std::vector<std::string> dirs;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--flush") == 0)
            flush = true;
        else
            dirs.emplace_back(argv[i]);
    }
    if (dirs.empty()) {
        std::fprintf(stderr, "usage: deflate_floor [--runs N] [--flush] DIR ...\n");
        return 2;
    }
    std::vector<std::string> streams;
    std::size_t pdf_count = 0, zip_count = 0;
    for (const auto& dir : dirs) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            const auto extension = entry.path().extension();
            if (extension == ".pdf") {
                pdf_streams(read_all(entry.path()), streams);
                ++pdf_count;
            } else if (extension == ".docx" || extension == ".xlsx") {
                zip_entries(read_all(entry.path()), streams);
                ++zip_count;
            }
        }
    }
    std::size_t inflated = 0;
    for (const auto& s : streams) inflated += s.size();

    libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
    std::vector<unsigned char> out;
    std::vector<double> floor_ms, libdeflate_ms, zlib_ms;
    for (int run = 0; run < runs; ++run) {
        double floor = 0, with_libdeflate = 0, with_zlib = 0;
        for (const auto& s : streams) {
            out.resize(std::max(compressBound(static_cast<uLong>(s.size())),
                                static_cast<uLong>(libdeflate_zlib_compress_bound(compressor, s.size()))));
            auto start = std::chrono::steady_clock::now();
            if (libdeflate_zlib_compress(compressor, s.data(), s.size(), out.data(), out.size()) == 0) return 3;
            const double a = seconds_since(start);
            uLongf size = static_cast<uLongf>(out.size());
            start = std::chrono::steady_clock::now();
            if (compress2(out.data(), &size, reinterpret_cast<const Bytef*>(s.data()), static_cast<uLong>(s.size()),
                          6) != Z_OK)
                return 3;
            const double b = seconds_since(start);
            with_libdeflate += a;
            with_zlib += b;
            floor += std::min(a, b);
        }
        floor_ms.push_back(floor * 1e3);
        libdeflate_ms.push_back(with_libdeflate * 1e3);
        zlib_ms.push_back(with_zlib * 1e3);
    }
    libdeflate_free_compressor(compressor);
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("%zu PDF and %zu zip files: %zu deflate streams, %.2f MB inflated\n", pdf_count, zip_count,
                streams.size(), static_cast<double>(inflated) / 1e6);
    std::printf("deflating them again at level 6, median of %d runs on one thread:\n", runs);
    std::printf("  libdeflate %.1f ms, zlib %.1f ms, the faster of the two per stream %.1f ms\n", median(libdeflate_ms),
                median(zlib_ms), median(floor_ms));
    std::printf("floor_ms=%.2f\n", median(floor_ms));
    if (!flush) return 0;
    std::vector<double> flush_ms;
    for (int run = 0; run < runs; ++run) {
        double seconds = 0;
        for (const auto& dir : dirs) {
            for (const char* copy : {".flush-output", ".flush-archive"}) {
                const double s = durable_copy(dir, fs::path(dir).parent_path() / copy);
                if (s < 0) {
                    std::fprintf(stderr, "deflate_floor: cannot write and flush a copy of %s\n", dir.c_str());
                    return 3;
                }
                seconds += s;
            }
        }
        flush_ms.push_back(seconds * 1e3);
    }
    std::printf("writing the files twice (output and archive) and flushing them to disk: median %.1f ms\n",
                median(flush_ms));
    std::printf("flush_ms=%.2f\n", median(flush_ms));
    return 0;
}
